import { TIME_DIMENSIONS, type Dimension, type Subject } from '../../../../shared/catalogue';
import type { ViewSpec } from '../../../../shared/spec';
import { daysInMonth, monthWeight, MONTH_UNIT, partialMonths, type DateRange } from '../../../../shared/time';
import type { Aggregator } from '../crosstab';
import type { ColumnarReading, SimpleMeasure } from '../measures';
import { KEY_SEPARATOR } from '../sql';
import { BLOCK_ROWS, NO_COUNT, RATE_COVERED, RATE_UNIFORMED, type DimensionColumn, type FactProjection, type Projections } from './projection';

/** Beyond this many possible groups, group numbers are renumbered densely instead of multiplied out. */
const DENSE_GROUPS = 1 << 22;


function dimension(p: FactProjection, d: Dimension): DimensionColumn {
  const col = p.dims[d];
  if (!col) throw new Error(`dimension "${d}" is not defined for ${p.subject}`);
  return col;
}

/** "YYYY-MM-DD" as YYYYMMDD: ISO text and these numbers sort the same way. */
const dayNumber = (iso: string) => Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));

/**
 * Lists the rows the spec's dates, the measure's own condition and the filters keep, in `sel`, each
 * starting in group 0; returns how many. Blocks of rows wholly outside the date range are not read.
 * Later passes visit only the listed rows, so a selective view costs what it selects.
 */
/** The rate flags each `keep` looks at (mask) and wants among them (need). */
const KEEP_FLAGS: Record<NonNullable<ColumnarReading['keep']>, [need: number, mask: number]> = {
  uniformed: [RATE_UNIFORMED, RATE_UNIFORMED],
  uniformed_reported: [RATE_UNIFORMED | RATE_COVERED, RATE_UNIFORMED | RATE_COVERED],
  uniformed_unreported: [RATE_UNIFORMED, RATE_UNIFORMED | RATE_COVERED],
  with_persons: [0, 0],
};

function select(p: FactProjection, measure: RowMeasure, spec: Pick<ViewSpec, 'where' | 'from' | 'to'>, group: Int32Array, sel: Int32Array): number {
  // Deployments are placed on their month's last day: a range keeps a month it overlaps, so up to its own month's end.
  const monthly = p.subject === 'deployments';
  const from = spec.from ? dayNumber(spec.from) : -Infinity;
  const to = spec.to ? (monthly ? dayNumber(spec.to.slice(0, 8) + daysInMonth(spec.to.slice(0, 7))) : dayNumber(spec.to)) : Infinity;
  const keep = measure.columnar.keep;
  const positive = keep === 'with_persons' ? p.strength! : null;
  const day = p.day;
  // Rate flags the row must have, among those looked at (uniformed; and covered by a deployment report, or not).
  const [need, mask] = keep ? KEEP_FLAGS[keep] : [0, 0];
  const flags = p.rateFlags;
  const filters = (Object.entries(spec.where) as [Dimension, string[]][]).map(([d, wanted]) => {
    const col = dimension(p, d);
    const wantedSet = new Set(wanted);
    const base = col.via ? col.via.length : col.values.length;
    const allowed = new Uint8Array(base);
    for (let c = 0; c < base; c++) allowed[c] = wantedSet.has(col.values[col.via ? col.via[c] : c]) ? 1 : 0;
    return { codes: col.codes, allowed };
  });
  const f0 = filters[0];
  const dated = spec.from !== undefined || spec.to !== undefined;
  let m = 0;
  const blocks = p.blockMin && dated ? p.blockMin.length : 1;
  for (let b = 0; b < blocks; b++) {
    let start = 0;
    let end = p.rows;
    if (blocks > 1 || (p.blockMin && dated)) {
      if (p.blockMax![b] < from || p.blockMin![b] > to) continue;
      start = b * BLOCK_ROWS;
      end = Math.min(p.rows, start + BLOCK_ROWS);
    }
    rows: for (let r = start; r < end; r++) {
      if (dated) {
        const d = day[r];
        if (d < from || d > to) continue;
      }
      if (mask !== 0 && (flags![r] & mask) !== need) continue;
      if (positive !== null && positive[r] === 0) continue;
      if (f0 !== undefined) {
        if (f0.allowed[f0.codes[r]] === 0) continue;
        for (let k = 1; k < filters.length; k++) if (filters[k].allowed[filters[k].codes[r]] === 0) continue rows;
      }
      group[r] = 0;
      sel[m++] = r;
    }
  }
  return m;
}

/** Codes that stand for themselves: a dimension read without a lookup, through the same loop as one with. */
function identity(n: number): Int32Array {
  const out = new Int32Array(Math.max(1, n));
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** Numbers each selected row's group from its codes on the grouping dimensions; returns how many group numbers exist. */
function assignGroups(p: FactProjection, groupBy: Dimension[], group: Int32Array, sel: Int32Array, m: number): number {
  // The common case, one or two dimensions whose combinations stay few: one pass.
  if (groupBy.length >= 1 && groupBy.length <= 2) {
    const [c1, c2] = groupBy.map((d) => dimension(p, d));
    const card1 = Math.max(1, c1.values.length);
    const card2 = c2 ? Math.max(1, c2.values.length) : 1;
    if (card1 * card2 <= DENSE_GROUPS) {
      const codes1 = c1.codes;
      const via1 = c1.via ?? identity(c1.values.length);
      if (!c2) {
        for (let i = 0; i < m; i++) {
          const r = sel[i];
          group[r] = via1[codes1[r]];
        }
        return card1;
      }
      const codes2 = c2.codes;
      const via2 = c2.via ?? identity(c2.values.length);
      for (let i = 0; i < m; i++) {
        const r = sel[i];
        group[r] = via1[codes1[r]] * card2 + via2[codes2[r]];
      }
      return card1 * card2;
    }
  }
  let radix = 1;
  for (const d of groupBy) {
    const col = dimension(p, d);
    const codes = col.codes;
    const via = col.via;
    const card = Math.max(1, col.values.length);
    if (radix * card <= DENSE_GROUPS) {
      if (via) {
        for (let i = 0; i < m; i++) {
          const r = sel[i];
          group[r] = group[r] * card + via[codes[r]];
        }
      } else {
        for (let i = 0; i < m; i++) {
          const r = sel[i];
          group[r] = group[r] * card + codes[r];
        }
      }
      radix *= card;
      continue;
    }
    const ids = new Map<number, number>();
    for (let i = 0; i < m; i++) {
      const r = sel[i];
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
function distinctPerGroup(group: Int32Array, sel: Int32Array, m: number, groups: number, codes: ArrayLike<number>, card: number): Uint8Array {
  const seen = new Uint8Array(groups * card);
  for (let i = 0; i < m; i++) {
    const r = sel[i];
    seen[group[r] * card + codes[r]] = 1;
  }
  return seen;
}

function countDistinct(group: Int32Array, sel: Int32Array, m: number, groups: number, codes: ArrayLike<number>, card: number): Int32Array {
  const counts = new Int32Array(groups);
  const seen = new Set<number>();
  for (let i = 0; i < m; i++) {
    const r = sel[i];
    const g = group[r];
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

/** The columns a measure's declaration sums, read off the projection (strength as one gender's count in a gender half). */
function inputs(reading: ColumnarReading, p: FactProjection, gender: Gender | undefined): { a?: Int32Array | Uint8Array; b?: Int32Array; nullable?: boolean; weighted?: boolean; distinct?: DimensionColumn } {
  const column = (name: ColumnarReading['sum'] | ColumnarReading['sumB']) => {
    if (name === undefined) return undefined;
    const col = name === 'strength' && gender ? gender.counts : p[name];
    if (!col) throw new Error(`the ${p.subject} projection has no column "${name}"`);
    return col;
  };
  return { a: column(reading.sum), b: column(reading.sumB) as Int32Array | undefined, nullable: reading.nullable, weighted: reading.weighted, distinct: reading.distinct && dimension(p, reading.distinct) };
}

/**
 * Each month's weight inside the range (shared/time.ts), by month code; null when every month the
 * range keeps weighs a whole month, so sums are taken plain and scaled once.
 */
function monthWeights(p: FactProjection, range: DateRange): Float64Array | null {
  const edges = partialMonths(range);
  if (edges.length === 0) return null;
  const months = p.dims.month!.values;
  const weights = new Float64Array(months.length).fill(MONTH_UNIT);
  for (const e of edges) {
    const code = months.indexOf(e.month);
    if (code >= 0) weights[code] = e.weight;
  }
  return weights;
}

/** One scan: adds every selected row into its group's partials (rows holds the count, filled by the caller's pass). */
function scan(measure: RowMeasure, p: FactProjection, range: DateRange, gender: Gender | undefined, group: Int32Array, sel: Int32Array, m: number, groups: number, rows: Int32Array): Partials {
  const use = inputs(measure.columnar, p, gender);
  const card = use.distinct ? use.distinct.values.length : 0;
  const out = { ...emptyPartials(0, card, false), rows, a: new Float64Array(groups), b: new Float64Array(groups), recorded: new Int32Array(groups) };
  const { a, b, recorded } = out;
  const colA = use.a;
  const colB = use.b;
  const weights = use.weighted ? monthWeights(p, range) : null;
  if (weights) {
    // Strength × the month's weight: whole numbers, so the sums stay exact in any order.
    const month = p.dims.month!.codes;
    for (let i = 0; i < m; i++) {
      const r = sel[i];
      const g = group[r];
      const w = weights[month[r]];
      a[g] += colA![r] * w;
      if (colB) b[g] += colB[r] * w;
    }
  } else if (colA && colB) {
    for (let i = 0; i < m; i++) {
      const r = sel[i];
      const g = group[r];
      a[g] += colA[r];
      b[g] += colB[r];
    }
  } else if (colA && use.nullable) {
    for (let i = 0; i < m; i++) {
      const r = sel[i];
      const v = colA[r];
      if (v !== NO_COUNT) {
        const g = group[r];
        a[g] += v;
        recorded[g]++;
      }
    }
  } else if (colA) {
    for (let i = 0; i < m; i++) {
      const r = sel[i];
      a[group[r]] += colA[r];
    }
  }
  if (use.weighted && !weights) {
    for (let g = 0; g < groups; g++) {
      a[g] *= MONTH_UNIT;
      b[g] *= MONTH_UNIT;
    }
  }
  if (use.distinct && groups * card <= DISTINCT_BITMAP_LIMIT) out.distinct = distinctPerGroup(group, sel, m, groups, use.distinct.codes, card);
  else if (use.distinct) out.counted = countDistinct(group, sel, m, groups, use.distinct.codes, card);
  return out;
}

/** The value of one group from its partials, as the measure's declaration computes it. */
function value(measure: RowMeasure, x: Partials, g: number): number | null {
  return measure.columnar.value({
    rows: x.rows[g],
    a: x.a[g],
    b: x.b[g],
    recorded: x.recorded[g],
    distinct() {
      if (x.counted) return x.counted[g];
      let n = 0;
      for (let c = g * x.card, end = c + x.card; c < end; c++) n += x.distinct![c];
      return n;
    },
  });
}

/** One gender's half of the deployment rows: its value and each row's count of that gender. */
interface Gender {
  value: 'F' | 'M';
  counts: Int32Array;
}

type RowMeasure = SimpleMeasure & { columnar: ColumnarReading };

/** A measure with a columnar reading is an aggregate over the selected rows (the months reported are not). */
const readsRows = (measure: SimpleMeasure): measure is RowMeasure => measure.columnar !== undefined;

/** Partials by the finest grouping of a cross-tab, with each group's value on every dimension of that grouping. */
interface Grouped {
  measure: RowMeasure;
  filters: string;
  dims: Dimension[];
  keys: string[][];
  partials: Partials;
}

function groupedScan(p: FactProjection, measure: RowMeasure, groupBy: Dimension[], spec: Pick<ViewSpec, 'where' | 'from' | 'to'>, gender: Gender | undefined, group: Int32Array, sel: Int32Array): Grouped {
  const m = select(p, measure, spec, group, sel);
  const groups = assignGroups(p, groupBy, group, sel, m);
  // Count rows per group and note one row of each, to read the group's dimension values off.
  const firstRow = new Int32Array(groups).fill(-1);
  const rows = new Int32Array(groups);
  for (let i = 0; i < m; i++) {
    const r = sel[i];
    if (rows[group[r]]++ === 0) firstRow[group[r]] = r;
  }
  const all = scan(measure, p, spec, gender, group, sel, m, groups, rows);
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

/**
 * The months the deployments projection holds (every month with a report), weighed by how much of each
 * the date range covers, summed by the time dimensions asked for: the SQL engine's REPORTED_MONTHS.
 */
function reportedMonths(p: FactProjection, groupBy: Dimension[], spec: Pick<ViewSpec, 'where' | 'from' | 'to'>): Map<string, number | null> {
  const month = p.dims.month!;
  const valueOf = (d: Dimension, c: number) => {
    if (!TIME_DIMENSIONS.includes(d)) throw new Error(`the months reported are read by time only, not by "${d}"`);
    const col = dimension(p, d);
    return col.values[col.via ? col.via[c] : c];
  };
  const filters = Object.entries(spec.where) as [Dimension, string[]][];
  const sums = new Map<string, number>();
  for (let c = 0; c < month.values.length; c++) {
    const w = monthWeight(month.values[c], spec);
    if (w === 0 || filters.some(([d, wanted]) => !wanted.includes(valueOf(d, c)))) continue;
    const key = groupBy.map((d) => valueOf(d, c)).join(KEY_SEPARATOR);
    sums.set(key, (sums.get(key) ?? 0) + w);
  }
  const out = new Map<string, number | null>();
  for (const [key, w] of sums) out.set(key, w / MONTH_UNIT);
  // Without grouping SQL always answers one row: SUM over no months is NULL.
  if (groupBy.length === 0 && sums.size === 0) out.set('', null);
  return out;
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
  private selection = new Int32Array(0);

  constructor(readonly projections: Projections) {}

  /** Each deployment row's men (strength less women), made the first time a view splits by gender. */
  private men: Int32Array | undefined;

  aggregator(): Aggregator {
    const scanned: Grouped[] = [];
    const run = (measure: RowMeasure, groupBy: Dimension[], spec: Pick<ViewSpec, 'where' | 'from' | 'to'>, gender?: Gender): Map<string, number | null> => {
      const p = this.projections[measure.subject];
      if (this.scratch.length < p.rows) {
        this.scratch = new Int32Array(p.rows);
        this.selection = new Int32Array(p.rows);
      }
      const filters = JSON.stringify([spec.where, spec.from, spec.to, gender?.value]);
      const reusable = (s: Grouped) =>
        s.measure.id === measure.id &&
        s.filters === filters &&
        (s.partials.counted ? s.dims.length === groupBy.length : s.keys.length * Math.max(1, s.partials.card) <= ROLL_UP_LIMIT) &&
        groupBy.every((d) => s.dims.includes(d));
      let fine = scanned.find(reusable);
      if (!fine) {
        fine = { ...groupedScan(p, measure, groupBy, spec, gender, this.scratch.subarray(0, p.rows), this.selection), filters };
        scanned.push(fine);
      }
      const { keys, partials } = rollUp(fine, groupBy);
      const out = new Map<string, number | null>();
      keys.forEach((key, g) => out.set(key, value(measure, partials, g)));
      // Without grouping SQL always answers one row, even over no rows at all.
      if (groupBy.length === 0 && keys.length === 0) out.set('', value(measure, emptyPartials(1, partials.card, partials.distinct !== null), 0));
      return out;
    };
    const aggregate = (measure: SimpleMeasure, groupBy: Dimension[], spec: Pick<ViewSpec, 'where' | 'from' | 'to'>) => {
      const p = this.projections[measure.subject];
      if (!readsRows(measure)) return reportedMonths(p, groupBy, spec);
      if (p.subject === 'deployments' && (groupBy.includes('gender') || spec.where.gender !== undefined)) return this.byGender(run, measure, groupBy, spec);
      return run(measure, groupBy, spec);
    };
    // The dictionaries hold exactly the values the rows take; a deployment row counts women and men.
    const values = (subject: Subject, d: Dimension): readonly string[] =>
      subject === 'deployments' && d === 'gender' ? ['F', 'M'] : (this.projections[subject].dims[d]?.values ?? []);
    return Object.assign(aggregate, { values });
  }

  /**
   * Deployments split by gender, as the SQL engine's GENDER_SPLIT: the women's half and the men's half
   * are scanned apart (each with its own count as strength) and the gender put back into their keys.
   */
  private byGender(
    run: (measure: RowMeasure, groupBy: Dimension[], spec: Pick<ViewSpec, 'where' | 'from' | 'to'>, gender?: Gender) => Map<string, number | null>,
    measure: RowMeasure,
    groupBy: Dimension[],
    spec: Pick<ViewSpec, 'where' | 'from' | 'to'>,
  ): Map<string, number | null> {
    const p = this.projections.deployments;
    if (!this.men) {
      this.men = new Int32Array(p.rows);
      for (let r = 0; r < p.rows; r++) this.men[r] = p.strength![r] - p.female![r];
    }
    const { gender: wanted, ...where } = spec.where;
    const rest = { ...spec, where };
    const halves = (['F', 'M'] as const).filter((g) => !wanted || wanted.includes(g)).map((g): Gender => ({ value: g, counts: g === 'F' ? p.female! : this.men! }));
    const at = groupBy.indexOf('gender');
    if (at < 0) {
      // Filtered, not split: both halves are every row; neither is no row.
      if (halves.length === 2) return run(measure, groupBy, rest);
      if (halves.length === 1) return run(measure, groupBy, rest, halves[0]);
      return new Map(groupBy.length === 0 ? [['', null]] : []);
    }
    const inner = groupBy.filter((d) => d !== 'gender');
    const out = new Map<string, number | null>();
    for (const half of halves) {
      for (const [key, v] of run(measure, inner, rest, half)) {
        // Grouped by gender alone, a half with no rows has no group (SQL gives none).
        if (inner.length === 0 && v === null) continue;
        const parts = inner.length ? key.split(KEY_SEPARATOR) : [];
        parts.splice(at, 0, half.value);
        out.set(parts.join(KEY_SEPARATOR), v);
      }
    }
    return out;
  }
}
