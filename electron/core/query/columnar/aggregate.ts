import type { Dimension } from '../../../../shared/catalogue';
import type { ViewSpec } from '../../../../shared/spec';
import type { Aggregator } from '../crosstab';
import type { SimpleMeasure } from '../measures';
import { KEY_SEPARATOR } from '../sql';
import { NO_COUNT, RATE_COVERED, RATE_UNIFORMED, type DimensionColumn, type FactProjection, type Projections } from './projection';

/** Beyond this many possible groups, group numbers are renumbered densely instead of multiplied out. */
const DENSE_GROUPS = 1 << 22;

const EXCLUDED = -1;

function dimension(p: FactProjection, d: Dimension): DimensionColumn {
  const col = p.dims[d];
  if (!col) throw new Error(`dimension "${d}" is not defined for ${p.subject}`);
  return col;
}

/** "YYYY-MM-DD" as YYYYMMDD: ISO text and these numbers sort the same way. */
const dayNumber = (iso: string) => Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));

/** Marks every row the spec's dates, the measure's own condition and the filters leave out; the rest start in group 0. */
function select(p: FactProjection, measure: SimpleMeasure, spec: Pick<ViewSpec, 'where' | 'from' | 'to'>, group: Int32Array): void {
  const from = spec.from ? dayNumber(spec.from) : -Infinity;
  const to = spec.to ? dayNumber(spec.to) : Infinity;
  const day = p.day;
  const need = measure.id === 'rate_deaths' ? RATE_UNIFORMED | RATE_COVERED : measure.id === 'rate_any_uniformed_deaths' ? RATE_UNIFORMED : 0;
  const flags = p.rateFlags;
  if (!spec.from && !spec.to && need === 0) group.fill(0);
  else {
    for (let r = 0; r < p.rows; r++) {
      const d = day[r];
      group[r] = d >= from && d <= to && (need === 0 || (flags![r] & need) === need) ? 0 : EXCLUDED;
    }
  }
  for (const [d, wanted] of Object.entries(spec.where) as [Dimension, string[]][]) {
    const col = dimension(p, d);
    const wantedSet = new Set(wanted);
    const base = col.via ? col.via.length : col.values.length;
    const allowed = new Uint8Array(base);
    for (let c = 0; c < base; c++) allowed[c] = wantedSet.has(col.values[col.via ? col.via[c] : c]) ? 1 : 0;
    const codes = col.codes;
    for (let r = 0; r < p.rows; r++) if (allowed[codes[r]] === 0) group[r] = EXCLUDED;
  }
}

/** Numbers each selected row's group from its codes on the grouping dimensions; returns how many group numbers exist. */
function assignGroups(p: FactProjection, groupBy: Dimension[], group: Int32Array): number {
  let radix = 1;
  for (const d of groupBy) {
    const col = dimension(p, d);
    const codes = col.codes;
    const via = col.via;
    const card = Math.max(1, col.values.length);
    if (radix * card <= DENSE_GROUPS) {
      if (via) {
        for (let r = 0; r < p.rows; r++) if (group[r] !== EXCLUDED) group[r] = group[r] * card + via[codes[r]];
      } else {
        for (let r = 0; r < p.rows; r++) if (group[r] !== EXCLUDED) group[r] = group[r] * card + codes[r];
      }
      radix *= card;
      continue;
    }
    const ids = new Map<number, number>();
    for (let r = 0; r < p.rows; r++) {
      if (group[r] === EXCLUDED) continue;
      const k = group[r] * card + (via ? via[codes[r]] : codes[r]);
      let id = ids.get(k);
      if (id === undefined) ids.set(k, (id = ids.size));
      group[r] = id;
    }
    radix = Math.max(1, ids.size);
  }
  return radix;
}

/** Beyond this many groups × values, distinct values are counted with a Set and not kept per group. */
const DISTINCT_BITMAP_LIMIT = 1 << 26;

/** Distinct values of one column per group, as a bitmap of groups × values (months reported, missions reporting). */
function distinctPerGroup(group: Int32Array, rows: number, groups: number, codes: ArrayLike<number>, card: number): Uint8Array {
  const seen = new Uint8Array(groups * card);
  for (let r = 0; r < rows; r++) {
    const g = group[r];
    if (g !== EXCLUDED) seen[g * card + codes[r]] = 1;
  }
  return seen;
}

function countDistinct(group: Int32Array, rows: number, groups: number, codes: ArrayLike<number>, card: number): Int32Array {
  const counts = new Int32Array(groups);
  const seen = new Set<number>();
  for (let r = 0; r < rows; r++) {
    const g = group[r];
    if (g === EXCLUDED) continue;
    const k = g * card + codes[r];
    if (!seen.has(k)) {
      seen.add(k);
      counts[g]++;
    }
  }
  return counts;
}

/** What a measure adds up per group, from which the value follows; coarser groupings add these up again. */
interface Partials {
  rows: Int32Array;
  /** The measure's main sum (strength, killed, …) and, for female_share, the women. */
  a: Float64Array;
  b: Float64Array;
  /** Rows whose nullable count was recorded (SQL's SUM is null when none was). */
  recorded: Int32Array;
  /** Groups × values bitmap for the distinct counts, and how many values the column has. */
  distinct: Uint8Array | null;
  card: number;
  /** Distinct counts where a bitmap would be too large; such partials cannot be rolled up. */
  counted: Int32Array | null;
}

function emptyPartials(groups: number, card: number, distinct: boolean): Partials {
  return {
    rows: new Int32Array(groups),
    a: new Float64Array(groups),
    b: new Float64Array(groups),
    recorded: new Int32Array(groups),
    distinct: distinct ? new Uint8Array(groups * card) : null,
    card,
    counted: null,
  };
}

/** The columns a measure reads beyond the row count. */
function inputs(measure: SimpleMeasure, p: FactProjection): { a?: Int32Array | Uint8Array; b?: Int32Array; nullable?: boolean; distinct?: DimensionColumn } {
  switch (measure.id) {
    case 'person_months':
      return { a: p.strength };
    case 'deployed':
      return { a: p.strength, distinct: p.dims.month };
    case 'female_share':
      return { a: p.strength, b: p.female };
    case 'missions':
      return { distinct: p.dims.mission };
    case 'ied_killed':
      return { a: p.killed, nullable: true };
    case 'ied_injured':
      return { a: p.injured, nullable: true };
    case 'ied_peacekeepers_killed':
      return { a: p.peacekeepersKilled };
    case 'ied_peacekeeper_casualties':
      return { a: p.peacekeepers };
    case 'ied_cleared_share':
      return { a: p.cleared };
    default:
      return {};
  }
}

/** One scan: adds every selected row into its group's partials (rows holds the count, filled by the caller's pass). */
function scan(measure: SimpleMeasure, p: FactProjection, group: Int32Array, groups: number, rows: Int32Array): Partials {
  const use = inputs(measure, p);
  const card = use.distinct ? use.distinct.values.length : 0;
  const out = { ...emptyPartials(0, card, false), rows, a: new Float64Array(groups), b: new Float64Array(groups), recorded: new Int32Array(groups) };
  const { a, b, recorded } = out;
  const n = p.rows;
  const colA = use.a;
  const colB = use.b;
  if (colA && colB) {
    for (let r = 0; r < n; r++) {
      const g = group[r];
      if (g === EXCLUDED) continue;
      a[g] += colA[r];
      b[g] += colB[r];
    }
  } else if (colA && use.nullable) {
    for (let r = 0; r < n; r++) {
      const g = group[r];
      if (g === EXCLUDED) continue;
      const v = colA[r];
      if (v !== NO_COUNT) {
        a[g] += v;
        recorded[g]++;
      }
    }
  } else if (colA) {
    for (let r = 0; r < n; r++) {
      const g = group[r];
      if (g === EXCLUDED) continue;
      a[g] += colA[r];
    }
  }
  if (use.distinct && groups * card <= DISTINCT_BITMAP_LIMIT) out.distinct = distinctPerGroup(group, n, groups, use.distinct.codes, card);
  else if (use.distinct) out.counted = countDistinct(group, n, groups, use.distinct.codes, card);
  return out;
}

/**
 * The value of one group from its partials, with the SQL engine's arithmetic: integer sums,
 * then one division in double precision; null where SQL gives NULL.
 */
function value(measure: SimpleMeasure, x: Partials, g: number): number | null {
  const rows = x.rows[g];
  const distinct = () => {
    if (x.counted) return x.counted[g];
    let n = 0;
    for (let c = g * x.card, end = c + x.card; c < end; c++) n += x.distinct![c];
    return n;
  };
  switch (measure.id) {
    case 'fatalities':
    case 'ied_incidents':
    case 'rate_deaths':
    case 'rate_any_uniformed_deaths':
      return rows;
    case 'person_months':
    case 'ied_peacekeepers_killed':
    case 'ied_peacekeeper_casualties':
      return rows ? x.a[g] : null;
    case 'deployed': {
      const months = distinct();
      return months ? x.a[g] / months : null;
    }
    case 'female_share':
      return x.a[g] ? (100 * x.b[g]) / x.a[g] : null;
    case 'missions':
      return distinct();
    case 'ied_killed':
    case 'ied_injured':
      return x.recorded[g] ? x.a[g] : null;
    case 'ied_cleared_share':
      return rows ? (100 * x.a[g]) / rows : null;
  }
}

/** Partials by the finest grouping of a cross-tab, with each group's value on every dimension of that grouping. */
interface Grouped {
  measure: SimpleMeasure;
  filters: string;
  dims: Dimension[];
  keys: string[][];
  partials: Partials;
}

function groupedScan(p: FactProjection, measure: SimpleMeasure, groupBy: Dimension[], spec: Pick<ViewSpec, 'where' | 'from' | 'to'>, group: Int32Array): Grouped {
  select(p, measure, spec, group);
  const groups = assignGroups(p, groupBy, group);
  // Count rows per group and note one row of each, to read the group's dimension values off.
  const firstRow = new Int32Array(groups).fill(-1);
  const rows = new Int32Array(groups);
  for (let r = 0; r < p.rows; r++) {
    const g = group[r];
    if (g !== EXCLUDED && rows[g]++ === 0) firstRow[g] = r;
  }
  const all = scan(measure, p, group, groups, rows);
  const cols = groupBy.map((d) => dimension(p, d));
  const present: number[] = [];
  for (let g = 0; g < groups; g++) if (firstRow[g] >= 0) present.push(g);
  const keys = present.map((g) => cols.map((c) => c.values[c.via ? c.via[c.codes[firstRow[g]]] : c.codes[firstRow[g]]]));
  const partials = emptyPartials(present.length, all.card, all.distinct !== null);
  if (all.counted) partials.counted = Int32Array.from(present, (g) => all.counted![g]);
  present.forEach((g, k) => {
    partials.rows[k] = all.rows[g];
    partials.a[k] = all.a[g];
    partials.b[k] = all.b[g];
    partials.recorded[k] = all.recorded[g];
    if (all.distinct) partials.distinct!.set(all.distinct.subarray(g * all.card, (g + 1) * all.card), k * all.card);
  });
  return { measure, filters: '', dims: groupBy, keys, partials };
}

/** Adds finer groups' partials up into a coarser grouping (a subset of the finer one's dimensions). */
function rollUp(fine: Grouped, groupBy: Dimension[]): { keys: string[]; partials: Partials } {
  if (fine.partials.counted) return { keys: fine.keys.map((k) => k.join(KEY_SEPARATOR)), partials: fine.partials };
  const positions = groupBy.map((d) => fine.dims.indexOf(d));
  const index = new Map<string, number>();
  const target = fine.keys.map((parts) => {
    const key = positions.map((i) => parts[i]).join(KEY_SEPARATOR);
    let k = index.get(key);
    if (k === undefined) index.set(key, (k = index.size));
    return k;
  });
  const x = fine.partials;
  const out = emptyPartials(index.size, x.card, x.distinct !== null);
  target.forEach((k, g) => {
    out.rows[k] += x.rows[g];
    out.a[k] += x.a[g];
    out.b[k] += x.b[g];
    out.recorded[k] += x.recorded[g];
    if (x.distinct) for (let c = 0; c < x.card; c++) out.distinct![k * x.card + c] |= x.distinct[g * x.card + c];
  });
  return { keys: [...index.keys()], partials: out };
}

/** Beyond this many groups × distinct values, a coarser grouping is scanned again rather than rolled up. */
const ROLL_UP_LIMIT = 1 << 24;

/**
 * The columnar engine over a set of projections. Each cross-tab gets its own aggregator: the
 * finest grouping is scanned once, and its row totals, column totals and grand total are rolled
 * up from it instead of scanning again.
 */
export class ColumnarQueries {
  private scratch = new Int32Array(0);

  constructor(readonly projections: Projections) {}

  aggregator(): Aggregator {
    const scanned: Grouped[] = [];
    return (measure, groupBy, spec) => {
      const p = this.projections[measure.subject];
      if (this.scratch.length < p.rows) this.scratch = new Int32Array(p.rows);
      const filters = JSON.stringify([spec.where, spec.from, spec.to]);
      const reusable = (s: Grouped) =>
        s.measure.id === measure.id &&
        s.filters === filters &&
        (s.partials.counted ? s.dims.length === groupBy.length : s.keys.length * Math.max(1, s.partials.card) <= ROLL_UP_LIMIT) &&
        groupBy.every((d) => s.dims.includes(d));
      let fine = scanned.find(reusable);
      if (!fine) {
        fine = { ...groupedScan(p, measure, groupBy, spec, this.scratch.subarray(0, p.rows)), filters };
        scanned.push(fine);
      }
      const { keys, partials } = rollUp(fine, groupBy);
      const out = new Map<string, number | null>();
      keys.forEach((key, g) => out.set(key, value(measure, partials, g)));
      // Without grouping SQL always answers one row, even over no rows at all.
      if (groupBy.length === 0 && keys.length === 0) out.set('', value(measure, emptyPartials(1, partials.card, partials.distinct !== null), 0));
      return out;
    };
  }
}
