import type { Dimension } from '../../../../shared/catalogue';
import type { ViewSpec } from '../../../../shared/spec';
import type { Aggregator } from '../crosstab';
import type { SimpleMeasure } from '../measures';
import { KEY_SEPARATOR } from '../sql';
import { NO_COUNT, RATE_COVERED, RATE_UNIFORMED, type DimensionColumn, type FactProjection, type Projections } from './projection';

/** Beyond this many possible groups, group numbers are renumbered densely instead of multiplied out. */
const DENSE_GROUPS = 1 << 22;
/** Beyond this many (group, value) pairs, distinct counts use a Set instead of a bitmap. */
const DENSE_PAIRS = 1 << 26;

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
  for (let r = 0; r < p.rows; r++) {
    const d = day[r];
    group[r] = d >= from && d <= to && (need === 0 || (flags![r] & need) === need) ? 0 : EXCLUDED;
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

/** Counts distinct values per group (months reported, missions reporting). */
function distinctPerGroup(group: Int32Array, rows: number, groups: number, codes: ArrayLike<number>, card: number): Int32Array {
  const counts = new Int32Array(groups);
  if (groups * card <= DENSE_PAIRS) {
    const seen = new Uint8Array(groups * card);
    for (let r = 0; r < rows; r++) {
      const g = group[r];
      if (g === EXCLUDED) continue;
      const k = g * card + codes[r];
      if (seen[k] === 0) {
        seen[k] = 1;
        counts[g]++;
      }
    }
    return counts;
  }
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

function sumPerGroup(group: Int32Array, rows: number, groups: number, values: Int32Array): Float64Array {
  const sums = new Float64Array(groups);
  for (let r = 0; r < rows; r++) {
    const g = group[r];
    if (g !== EXCLUDED) sums[g] += values[r];
  }
  return sums;
}

/** SUM over a column that may hold "not recorded": null where a group has no recorded value, as SQL's SUM. */
function nullableSumPerGroup(group: Int32Array, rows: number, groups: number, values: Int32Array): (g: number) => number | null {
  const sums = new Float64Array(groups);
  const recorded = new Int32Array(groups);
  for (let r = 0; r < rows; r++) {
    const g = group[r];
    const v = values[r];
    if (g !== EXCLUDED && v !== NO_COUNT) {
      sums[g] += v;
      recorded[g]++;
    }
  }
  return (g) => (recorded[g] ? sums[g] : null);
}

/**
 * The value of each group for one measure; `rowsIn[g]` is how many selected rows the group has.
 * Arithmetic follows the SQL engine's: integer sums, then one division in double precision.
 */
function values(measure: SimpleMeasure, p: FactProjection, group: Int32Array, groups: number, rowsIn: Int32Array): (g: number) => number | null {
  const n = p.rows;
  switch (measure.id) {
    case 'fatalities':
    case 'ied_incidents':
    case 'rate_deaths':
    case 'rate_any_uniformed_deaths':
      return (g) => rowsIn[g];
    case 'person_months': {
      const sums = sumPerGroup(group, n, groups, p.strength!);
      return (g) => (rowsIn[g] ? sums[g] : null);
    }
    case 'deployed': {
      const sums = sumPerGroup(group, n, groups, p.strength!);
      const month = p.dims.month!;
      const months = distinctPerGroup(group, n, groups, month.codes, month.values.length);
      return (g) => (months[g] ? sums[g] / months[g] : null);
    }
    case 'female_share': {
      const strength = sumPerGroup(group, n, groups, p.strength!);
      const women = sumPerGroup(group, n, groups, p.female!);
      return (g) => (strength[g] ? (100 * women[g]) / strength[g] : null);
    }
    case 'missions': {
      const mission = p.dims.mission!;
      const missions = distinctPerGroup(group, n, groups, mission.codes, mission.values.length);
      return (g) => missions[g];
    }
    case 'ied_killed':
      return nullableSumPerGroup(group, n, groups, p.killed!);
    case 'ied_injured':
      return nullableSumPerGroup(group, n, groups, p.injured!);
    case 'ied_peacekeeper_casualties': {
      const sums = sumPerGroup(group, n, groups, p.peacekeepers!);
      return (g) => (rowsIn[g] ? sums[g] : null);
    }
    case 'ied_cleared_share': {
      const cleared = new Float64Array(groups);
      const flags = p.cleared!;
      for (let r = 0; r < n; r++) if (group[r] !== EXCLUDED) cleared[group[r]] += flags[r];
      return (g) => (rowsIn[g] ? (100 * cleared[g]) / rowsIn[g] : null);
    }
  }
}

/** The columnar engine: the same answers as the SQL engine, from scans over typed arrays. */
export function columnarAggregator(projections: Projections): Aggregator {
  let scratch = new Int32Array(0);
  return (measure, groupBy, spec) => {
    const p = projections[measure.subject];
    if (scratch.length < p.rows) scratch = new Int32Array(p.rows);
    const group = scratch.subarray(0, p.rows);
    select(p, measure, spec, group);
    const groups = assignGroups(p, groupBy, group);
    const rowsIn = new Int32Array(groups);
    const firstRow = new Int32Array(groups).fill(-1);
    for (let r = 0; r < p.rows; r++) {
      const g = group[r];
      if (g === EXCLUDED) continue;
      if (rowsIn[g]++ === 0) firstRow[g] = r;
    }
    const valueOf = values(measure, p, group, groups, rowsIn);
    const out = new Map<string, number | null>();
    // Without grouping SQL always answers one row, even over no rows at all.
    if (groupBy.length === 0) {
      out.set('', valueOf(0));
      return out;
    }
    const cols = groupBy.map((d) => dimension(p, d));
    for (let g = 0; g < groups; g++) {
      const r = firstRow[g];
      if (r < 0) continue;
      const key = cols.map((c) => c.values[c.via ? c.via[c.codes[r]] : c.codes[r]]).join(KEY_SEPARATOR);
      out.set(key, valueOf(g));
    }
    return out;
  };
}
