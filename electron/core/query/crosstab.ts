import { measureInfo, TIME_DIMENSIONS, type Dimension, type Subject } from '../../../shared/catalogue';
import type { CrossTab, RateCell, ViewSpec } from '../../../shared/spec';
import type { Db } from '../db/open';
import { DEPLOYED_PARTS, SIMPLE_MEASURES, RATE_PARTS, type SimpleMeasure, type SimpleMeasureName } from './measures';
import { poissonInterval95 } from '../../../shared/poisson';
import { withKnownFilterValues, type KnownValues } from './filter-values';
import { KEY_SEPARATOR, aggregate, knownValues } from './sql';

/**
 * Computes one aggregate grouped by some dimensions, and says which values each dimension takes; the
 * SQL engine and the columnar engine both are one.
 */
export type Aggregator = ((measure: SimpleMeasure, groupBy: Dimension[], spec: ViewSpec) => Map<string, number | null>) & { values: KnownValues };

export function sqlAggregator(db: Db): Aggregator {
  return Object.assign((measure: SimpleMeasure, groupBy: Dimension[], spec: ViewSpec) => aggregate(db, measure, groupBy, spec), { values: knownValues(db) });
}

interface Grouped {
  value(groupBy: Dimension[]): Map<string, number | null>;
  blankReason: CrossTab['blankReason'];
  /** For a rate: per group, the deaths behind it, those left out, and its 95 % interval. */
  detail?(groupBy: Dimension[]): Map<string, RateCell>;
}

function grouped(spec: ViewSpec, run: Aggregator): Grouped {
  if (spec.measure === 'fatality_rate') return rate(spec, run);
  const g = spec.measure === 'deployed' ? deployed(spec, run) : { value: (by: Dimension[]) => run(SIMPLE_MEASURES[spec.measure as SimpleMeasureName], by, spec), blankReason: null };
  const info = measureInfo[spec.measure];
  return info.subjects.length === 1 && info.subjects[0] === 'deployments' && info.emptyCell === 0 ? withReportedPeriods(spec, run, g) : g;
}

/** Dimensions that pick missions (a mission's host and its region are the mission's). */
const MISSION_LEVEL: readonly Dimension[] = ['mission', 'host_country', 'region'];

/**
 * A year, quarter or month in which a mission of the view reported shows 0 where the view's country,
 * personnel type or service was not listed, instead of vanishing from a table grouped by time alone.
 */
function withReportedPeriods(spec: ViewSpec, run: Aggregator, g: Grouped): Grouped {
  const missionWhere = Object.fromEntries(Object.entries(spec.where).filter(([d]) => TIME_DIMENSIONS.includes(d as Dimension) || MISSION_LEVEL.includes(d as Dimension)));
  if (Object.keys(missionWhere).length === Object.keys(spec.where).length) return g;
  return {
    blankReason: g.blankReason,
    value(by) {
      const out = g.value(by);
      if (by.length === 0 || !by.every((d) => TIME_DIMENSIONS.includes(d))) return out;
      for (const key of run(SIMPLE_MEASURES.person_months, by, { ...spec, where: missionWhere }).keys()) if (!out.has(key)) out.set(key, 0);
      return out;
    },
  };
}

/**
 * Average strength: the cell's person-months over the months of its period that the workspace holds
 * reports for. Those months depend on time alone (the cell's year, quarter or month, time filters and
 * the date range), so a country or mission not reported in such a month counts 0 there, and the rows
 * of a table not split by time share one denominator and add up to its total.
 */
function deployed(spec: ViewSpec, run: Aggregator): Grouped {
  const timeSpec = { ...spec, where: Object.fromEntries(Object.entries(spec.where).filter(([d]) => TIME_DIMENSIONS.includes(d as Dimension))) };
  const result: Grouped = {
    blankReason: null,
    value(g) {
      const personMonths = run(DEPLOYED_PARTS.personMonths, g, spec);
      const time = g.filter((d) => TIME_DIMENSIONS.includes(d));
      const months = run(DEPLOYED_PARTS.months, time, timeSpec);
      const at = time.map((d) => g.indexOf(d));
      const out = new Map<string, number | null>();
      for (const [key, pm] of personMonths) {
        const parts = key.split(KEY_SEPARATOR);
        const m = months.get(at.map((i) => parts[i]).join(KEY_SEPARATOR)) ?? 0;
        out.set(key, m ? (pm ?? 0) / m : null);
        if (!m) result.blankReason = 'no_reports';
      }
      return out;
    },
  };
  return result;
}

/** The spec of a rate's person-months: filters that only pick deaths (incident_type) do not apply to them. */
export function denominatorSpec(spec: ViewSpec): ViewSpec {
  const only = measureInfo[spec.measure].filterOnly ?? [];
  return { ...spec, where: Object.fromEntries(Object.entries(spec.where).filter(([d]) => !only.includes(d as Dimension))) };
}

function rate(spec: ViewSpec, run: Aggregator): Grouped {
  const perSpec = denominatorSpec(spec);
  const computed = new Map<string, { values: Map<string, number | null>; details: Map<string, RateCell> }>();
  const parts = (g: Dimension[]) => {
    const memo = computed.get(g.join());
    if (memo) return memo;
    const deaths = run(RATE_PARTS.deaths, g, spec);
    const months = run(RATE_PARTS.personMonths, g, perSpec);
    // Cells with deaths but no deployment reports must show up blank, not vanish.
    const anyDeaths = run(RATE_PARTS.anyUniformedDeaths, g, spec);
    const values = new Map<string, number | null>();
    const details = new Map<string, RateCell>();
    let blanks = 0;
    for (const key of new Set([...anyDeaths.keys(), ...months.keys()])) {
      const pm = months.get(key) ?? 0;
      const counted = deaths.get(key) ?? 0;
      const [low, high] = poissonInterval95(counted);
      details.set(key, { deaths: counted, excluded: (anyDeaths.get(key) ?? 0) - counted, low: pm ? (low * 12000) / pm : null, high: pm ? (high * 12000) / pm : null });
      if (!pm) {
        values.set(key, null);
        blanks++;
      } else values.set(key, (counted * 12000) / pm);
    }
    if (blanks > 0) {
      result.blankReason = 'no_deployments';
    }
    computed.set(g.join(), { values, details });
    return { values, details };
  };
  const result: Grouped = { blankReason: null, value: (g) => parts(g).values, detail: (g) => parts(g).details };
  return result;
}

function compareKeys(dims: Dimension[]) {
  return (a: string[], b: string[]) => {
    for (let i = 0; i < dims.length; i++) {
      if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return 0;
  };
}

/** What a cross-tab is computed with besides its spec. */
export interface CrossTabContext {
  synthetic: boolean;
  sources: CrossTab['sources'];
  /**
   * Whether a nested table also carries its groups' subtotals (what the grid and the exports show). The
   * workspace always asks; the engines' differential test leaves them to its own test (subtotals.test.ts).
   */
  subtotals?: boolean;
}

/** A cross-tab: cells for every row key × column key, row totals, column totals and the grand total. */
export function crossTab(asked: ViewSpec, run: Aggregator, context: CrossTabContext): CrossTab {
  const started = performance.now();
  const spec = withKnownFilterValues(asked, run.values);
  const g = grouped(spec, run);
  const rowDims = spec.rows;
  const colDim = spec.cols ?? null;
  const cells = colDim ? g.value([...rowDims, colDim]) : new Map<string, number | null>();
  const rowTotals = g.value(rowDims);
  const colTotals = colDim ? g.value([colDim]) : new Map<string, number | null>();
  const grand = g.value([]).get('') ?? null;

  const colKeys = [...colTotals.keys()].sort();
  const rowKeys = [...rowTotals.keys()].map((k) => (rowDims.length ? k.split(KEY_SEPARATOR) : [])).sort(compareKeys(rowDims));
  const rows = (rowDims.length ? rowKeys : []).map((key) => {
    const rk = key.join(KEY_SEPARATOR);
    return {
      key,
      cells: colKeys.map((c) => cells.get(rk + KEY_SEPARATOR + c) ?? measureInfo[spec.measure].emptyCell),
      total: rowTotals.get(rk) ?? null,
    };
  });
  const rate = g.detail && rateDetail(g.detail, rows.map((r) => r.key.join(KEY_SEPARATOR)), rowDims, colDim, colKeys);
  const subtotals = context.subtotals ? subtotalLevels(g, spec, rows, rowDims, colDim, colKeys) : [];
  return {
    spec,
    rowDims,
    colDim,
    colKeys,
    rows,
    colTotals: colKeys.map((c) => colTotals.get(c) ?? null),
    grandTotal: grand,
    ...(subtotals.length ? { subtotals } : {}),
    blankReason: g.blankReason,
    ...(rate ? { rate } : {}),
    synthetic: context.synthetic,
    sources: context.sources,
    elapsedMs: performance.now() - started,
  };
}

/**
 * The subtotal of every group of a nested table: for each leading part of the row dimensions (the
 * mission, of mission × personnel type), the group's cells and total. A measure that adds up is summed
 * from the rows (no query more); any other is computed by the engine grouped by that part, as the row
 * totals are, so an average or a rate's subtotal is its own average or rate, never a sum.
 */
function subtotalLevels(g: Grouped, spec: ViewSpec, rows: CrossTab['rows'], rowDims: Dimension[], colDim: Dimension | null, colKeys: string[]): NonNullable<CrossTab['subtotals']> {
  const levels: NonNullable<CrossTab['subtotals']> = [];
  const info = measureInfo[spec.measure];
  for (let depth = 1; depth < rowDims.length; depth++) {
    if (info.additive) {
      const groups = new Map<string, CrossTab['rows'][number]>();
      for (const r of rows) {
        const key = r.key.slice(0, depth);
        const k = key.join(KEY_SEPARATOR);
        const sum = groups.get(k);
        const add = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));
        groups.set(k, sum ? { key, cells: sum.cells.map((c, j) => add(c, r.cells[j])), total: add(sum.total, r.total) } : { key, cells: [...r.cells], total: r.total });
      }
      levels.push({ depth, rows: [...groups.values()] });
      continue;
    }
    const dims = rowDims.slice(0, depth);
    const cells = colDim ? g.value([...dims, colDim]) : new Map<string, number | null>();
    const totals = g.value(dims);
    const keys = [...totals.keys()].map((k) => k.split(KEY_SEPARATOR)).sort(compareKeys(dims));
    levels.push({
      depth,
      rows: keys.map((key) => {
        const k = key.join(KEY_SEPARATOR);
        return { key, cells: colKeys.map((c) => cells.get(k + KEY_SEPARATOR + c) ?? info.emptyCell), total: totals.get(k) ?? null };
      }),
    });
  }
  return levels;
}

/** A rate's detail shaped as its table: per cell, per row total, per column total, and the grand total. */
function rateDetail(detail: NonNullable<Grouped['detail']>, rowKeys: string[], rowDims: Dimension[], colDim: Dimension | null, colKeys: string[]): NonNullable<CrossTab['rate']> {
  const cells = colDim ? detail([...rowDims, colDim]) : null;
  const rowTotals = detail(rowDims);
  const colTotals = colDim ? detail([colDim]) : null;
  return {
    cells: rowKeys.map((rk) => (cells ? colKeys.map((c) => cells.get(rk + KEY_SEPARATOR + c) ?? null) : [])),
    rowTotals: rowKeys.map((rk) => rowTotals.get(rk) ?? null),
    colTotals: colTotals ? colKeys.map((c) => colTotals.get(c) ?? null) : [],
    grandTotal: detail([]).get('') ?? null,
  };
}

export function subjectsOf(spec: ViewSpec): readonly Subject[] {
  return measureInfo[spec.measure].subjects;
}
