import { z } from 'zod';
import { measureInfo, TIME_DIMENSIONS, type Dimension } from '../catalogue';
import { MAX_VALUE_LENGTH } from '../limits';
import type { CrossTab } from '../spec';
import type { Shown } from './format';
import { outsideMandates, periodBounds, type Mandate } from './trend';

// The cross-tab as a pivot table: nested groups with the engine's subtotals, values shown as the analyst
// asks (shares, differences, ranks), the largest N per level with the rest as "Other", sorted by any
// column. Pure numbers and keys, so the grid, the copy and every export lay out the same lines.

export const SHOW_AS = ['value', 'pct_row', 'pct_col', 'pct_total', 'diff', 'pct_diff', 'rank'] as const;
export type ShowAs = (typeof SHOW_AS)[number];
/** 0 keeps every value; the others keep the largest N of each level. */
export const TOP_NS = [0, 5, 10, 20] as const;

export const pivotOptionsSchema = z.object({
  showAs: z.enum(SHOW_AS).default('value'),
  /** The column key that "difference from" compares with; the first column when absent or not in the table. */
  base: z.string().max(MAX_VALUE_LENGTH).optional(),
  top: z.number().int().min(0).max(1000).default(0),
  /** The column the lines are sorted by; absent: time in time order, anything else largest total first. */
  sort: z
    .object({ by: z.enum(['label', 'total', 'column']), key: z.string().max(MAX_VALUE_LENGTH).optional(), desc: z.boolean() })
    .optional(),
  heat: z.boolean().default(false),
  /**
   * The folded groups, by their keys from the outermost level down: those listed, or with `all` every group
   * but those listed ("Fold all", then one opened again). Absent: every group open.
   */
  fold: z
    .object({ all: z.literal(true).optional(), groups: z.array(z.array(z.string().max(MAX_VALUE_LENGTH)).max(4)).max(1000) })
    .optional(),
});
export type PivotOptions = z.infer<typeof pivotOptionsSchema>;
export const DEFAULT_PIVOT_OPTIONS: PivotOptions = { showAs: 'value', top: 0, heat: false };

/** Why a cell shows no number (worded by shared/present/phrases as blank_<reason>). */
export type BlankWhy = 'no_data' | 'not_deployed' | 'no_base' | 'is_base' | 'not_compared' | 'not_additive' | 'no_deployments' | 'no_reports';

export interface PivotCell {
  /** The measure's own number (what "Other" and the shares are computed from). */
  value: number | null;
  /** What the cell shows under "show values as". */
  shown: number | null;
  blank?: BlankWhy;
}

export interface PivotLine {
  /** Unique among the lines: the keys of the path, and "Other" of its parent. */
  id: string;
  kind: 'group' | 'leaf' | 'other' | 'total';
  /** 0 for the first row dimension. */
  depth: number;
  /** The keys from the outermost level down to this line's (an "Other" line's last key is ''). */
  keys: string[];
  /** "Other": how many values it combines. */
  combined?: number;
  /** One per column key, then the row's total. */
  cells: PivotCell[];
}

export interface Pivot {
  lines: PivotLine[];
  grand: PivotLine;
  /** What the shown numbers are: the measure's, percentages, or ranks. */
  unit: 'measure' | 'percent' | 'rank';
  showAs: ShowAs;
  /** Index of the base column for differences, else null. */
  base: number | null;
}

/** The ways of showing values that make sense for this table: shares only for a measure that adds up, differences only across columns. */
export function showAsFor(t: Pick<CrossTab, 'colDim' | 'spec'>): readonly ShowAs[] {
  const additive = measureInfo[t.spec.measure].additive;
  return SHOW_AS.filter((s) => {
    if (s === 'pct_row' || s === 'pct_col') return additive && t.colDim !== null;
    if (s === 'pct_total') return additive;
    if (s === 'diff' || s === 'pct_diff') return t.colDim !== null;
    return true;
  });
}

interface Node {
  keys: string[];
  values: (number | null)[];
  children: Node[];
}

const OTHER = '';

/** The tree of groups: leaves from the rows, each group's numbers from the engine's subtotal of that group. */
function tree(t: CrossTab): Node[] {
  const depth = t.rowDims.length;
  const levels = new Map<string, (number | null)[]>();
  for (const level of t.subtotals ?? []) for (const r of level.rows) levels.set(JSON.stringify(r.key), [...r.cells, r.total]);
  const roots: Node[] = [];
  const groups = new Map<string, Node>();
  for (const r of t.rows) {
    let siblings = roots;
    for (let d = 0; d < depth - 1; d++) {
      const keys = r.key.slice(0, d + 1);
      const id = JSON.stringify(keys);
      let g = groups.get(id);
      if (!g) {
        const values = levels.get(id);
        if (!values) throw new Error(`the cross-tab has no subtotal for ${keys.join(' / ')}`);
        g = { keys, values, children: [] };
        groups.set(id, g);
        siblings.push(g);
      }
      siblings = g.children;
    }
    siblings.push({ keys: r.key, values: [...r.cells, r.total], children: [] });
  }
  return roots;
}

const total = (n: { values: (number | null)[] }) => n.values[n.values.length - 1] ?? null;

/** Keeps the largest `top` siblings by total; the rest become one "Other" whose numbers are the parent's minus the kept (a measure that adds up), else blank. */
function keepTop(nodes: Node[], parent: (number | null)[], top: number, additive: boolean): { kept: Node[]; other: { node: Node; combined: number } | null } {
  if (top <= 0 || nodes.length <= top) return { kept: nodes, other: null };
  const kept = [...nodes].sort((a, b) => (total(b) ?? -Infinity) - (total(a) ?? -Infinity)).slice(0, top);
  const keptSet = new Set(kept);
  const values = parent.map((p, j) => (additive && p !== null ? kept.reduce((s, n) => s - (n.values[j] ?? 0), p) : null));
  const keys = [...nodes[0].keys.slice(0, -1), OTHER];
  return { kept: nodes.filter((n) => keptSet.has(n)), other: { node: { keys, values, children: [] }, combined: nodes.length - top } };
}

/**
 * Where the cell's period lies outside the mandate of the mission in the row's path or the column, or of the
 * missions the view is filtered to, per the reference table: the same rule as the trend chart's (outsideMandates).
 */
function mandateCheck(t: CrossTab, missions: ReadonlyMap<string, Mandate>) {
  const dims: Dimension[] = [...t.rowDims, ...(t.colDim ? [t.colDim] : [])];
  const mission = dims.indexOf('mission');
  const time = dims.findIndex((d) => TIME_DIMENSIONS.includes(d));
  const filtered = t.spec.where.mission ?? [];
  if (time < 0 || (mission < 0 && filtered.length === 0)) return () => false;
  return (keys: string[], colKey: string | null) => {
    // A group's keys are shorter than the row dimensions, and a row total has no column key: no period or no mission there.
    const all: (string | null | undefined)[] = [...keys, ...Array.from({ length: t.rowDims.length - keys.length }, () => undefined), ...(t.colDim ? [colKey] : [])];
    const p = all[time];
    if (p === null || p === undefined) return false;
    // "Other" combines missions: only the filter's mandates speak for it.
    const m = mission < 0 ? null : all[mission];
    return outsideMandates(periodBounds(p, dims[time]), m === undefined || m === null || m === OTHER ? null : m, filtered, missions);
  };
}

/** Rank 1 for the largest; equal numbers share a rank. */
function ranks(values: (number | null)[]): (number | null)[] {
  return values.map((v) => (v === null ? null : 1 + values.filter((w) => w !== null && w > v).length));
}

/**
 * The pivot of a cross-tab. `label` gives the text a key is sorted by (the analyst's language);
 * `missions` the mandates that tell "not deployed then" from a real 0.
 */
export function pivot(t: CrossTab, asked: PivotOptions, ctx: { label?: (dim: Dimension, key: string) => string; missions?: ReadonlyMap<string, Mandate> } = {}): Pivot {
  const showAs = showAsFor(t).includes(asked.showAs) ? asked.showAs : 'value';
  const o = { ...asked, showAs };
  const info = measureInfo[t.spec.measure];
  const colKeys = t.colDim ? t.colKeys : [];
  const width = colKeys.length + 1;
  const label = ctx.label ?? ((_d: Dimension, k: string) => k);
  const notDeployed = mandateCheck(t, ctx.missions ?? new Map());
  const grandValues = [...(t.colDim ? t.colTotals : []), t.grandTotal];
  const base = showAs === 'diff' || showAs === 'pct_diff' ? Math.max(0, colKeys.indexOf(o.base ?? '')) : null;

  const shownOf = (values: (number | null)[], j: number): number | null => {
    const v = values[j];
    if (v === null) return null;
    const pct = (d: number | null) => (d ? (v / d) * 100 : null);
    switch (showAs) {
      case 'pct_row':
        return pct(values[width - 1]);
      case 'pct_col':
        return pct(grandValues[j]);
      case 'pct_total':
        return pct(grandValues[width - 1]);
      case 'diff':
      case 'pct_diff': {
        const b = values[base!];
        if (j === base || j === width - 1 || b === null) return null;
        return showAs === 'diff' ? v - b : b ? ((v - b) / Math.abs(b)) * 100 : null;
      }
      default:
        return v;
    }
  };
  const blankOf = (values: (number | null)[], j: number, shown: number | null): BlankWhy | undefined => {
    if (shown !== null) return undefined;
    if (values[j] === null) return t.blankReason ?? 'no_data';
    if (base !== null) return j === width - 1 ? 'not_compared' : j === base ? 'is_base' : 'no_base';
    return 'no_data';
  };
  const cellsOf = (keys: string[], values: (number | null)[], kind: PivotLine['kind']): PivotCell[] =>
    values.map((value, j) => {
      if (kind === 'other' && value === null) return { value, shown: null, blank: 'not_additive' };
      // A 0 where the mission had no mandate is "no data", not a count of nothing.
      if (kind !== 'total' && !value && notDeployed(keys, j < colKeys.length ? colKeys[j] : null)) return { value, shown: null, blank: 'not_deployed' };
      const shown = showAs === 'rank' ? value : shownOf(values, j);
      const blank = blankOf(values, j, shown);
      return blank ? { value, shown, blank } : { value, shown };
    });

  // No sort asked: time reads in time order, anything else largest total first.
  const compare = (dim: Dimension) => {
    const sort = o.sort ?? (TIME_DIMENSIONS.includes(dim) ? { by: 'label' as const, desc: false } : { by: 'total' as const, desc: true });
    const sign = sort.desc ? -1 : 1;
    const byLabel = (a: Node, b: Node) => label(dim, a.keys[a.keys.length - 1]).localeCompare(label(dim, b.keys[b.keys.length - 1]), undefined, { numeric: true });
    if (sort.by === 'label') return (a: Node, b: Node) => sign * byLabel(a, b);
    const j = sort.by === 'total' ? width - 1 : colKeys.indexOf(sort.key ?? '') < 0 ? width - 1 : colKeys.indexOf(sort.key ?? '');
    return (a: Node, b: Node) => {
      // Equal shares (every row's total is 100 % of itself) fall back to the numbers, then the labels.
      for (const [va, vb] of [[shownOf(a.values, j), shownOf(b.values, j)], [a.values[j], b.values[j]]]) {
        // Blanks go last whichever way the column is sorted.
        if (va === null || vb === null) {
          if (va !== vb) return va === null ? 1 : -1;
        } else if (va !== vb) return sign * (va - vb);
      }
      return byLabel(a, b);
    };
  };

  const lines: PivotLine[] = [];
  const walk = (nodes: Node[], parent: (number | null)[], depth: number) => {
    const dim = t.rowDims[depth];
    const { kept, other } = keepTop(nodes, parent, o.top, info.additive);
    const sorted = [...kept].sort(compare(dim));
    const siblingLines: PivotLine[] = [];
    const rankCells = (ls: PivotLine[]) => {
      for (let j = 0; j < width; j++) {
        const r = ranks(ls.map((l) => (l.cells[j].blank === 'not_deployed' ? null : l.cells[j].value)));
        ls.forEach((l, i) => (l.cells[j] = { value: l.cells[j].value, shown: r[i], ...(r[i] === null ? { blank: l.cells[j].blank ?? 'no_data' } : {}) }));
      }
    };
    for (const n of sorted) {
      const line: PivotLine = { id: JSON.stringify(n.keys), kind: n.children.length ? 'group' : 'leaf', depth, keys: n.keys, cells: cellsOf(n.keys, n.values, 'leaf') };
      lines.push(line);
      siblingLines.push(line);
      if (n.children.length) walk(n.children, n.values, depth + 1);
    }
    if (showAs === 'rank') rankCells(siblingLines);
    if (other) {
      const cells = cellsOf(other.node.keys, other.node.values, 'other');
      lines.push({ id: `${JSON.stringify(other.node.keys)}+other`, kind: 'other', depth, keys: other.node.keys, combined: other.combined, cells: showAs === 'rank' ? cells.map((c) => ({ value: c.value, shown: null, blank: c.blank ?? 'no_data' })) : cells });
    }
  };
  walk(t.rowDims.length ? tree(t) : [], grandValues, 0);
  const grandCells = cellsOf([], grandValues, 'total').map((c) => (showAs === 'rank' ? { value: c.value, shown: null, blank: 'no_data' as const } : c));
  return {
    lines,
    grand: { id: 'total', kind: 'total', depth: 0, keys: [], cells: grandCells },
    unit: showAs === 'value' || showAs === 'diff' ? 'measure' : showAs === 'rank' ? 'rank' : 'percent',
    showAs,
    base,
  };
}

export type Fold = PivotOptions['fold'];

/** Whether the group whose line id is `id` (the JSON of its keys) is folded. */
export function isFolded(fold: Fold, id: string): boolean {
  if (!fold) return false;
  const listed = fold.groups.some((keys) => JSON.stringify(keys) === id);
  return fold.all ? !listed : listed;
}

/** The fold with one group folded or opened; every group open is no fold at all, so the address leaves it out. */
export function toggleFold(fold: Fold, keys: string[]): Fold {
  const id = JSON.stringify(keys);
  const current = fold ?? { groups: [] };
  const listed = current.groups.some((k) => JSON.stringify(k) === id);
  const groups = listed ? current.groups.filter((k) => JSON.stringify(k) !== id) : [...current.groups, keys];
  if (!current.all && groups.length === 0) return undefined;
  return current.all ? { all: true, groups } : { groups };
}

/** "Fold all": every group folded, those of a later filter or date change too. */
export const FOLD_ALL: NonNullable<Fold> = { all: true, groups: [] };

/** The lines on screen: those under a folded group are hidden. */
export function visibleLines(p: Pivot, fold: Fold): PivotLine[] {
  const hidden: string[] = [];
  return p.lines.filter((l) => {
    while (hidden.length && !l.id.startsWith(hidden[hidden.length - 1])) hidden.pop();
    if (hidden.length) return false;
    if (l.kind === 'group' && isFolded(fold, l.id)) hidden.push(l.id.slice(0, -1) + ',');
    return true;
  });
}

/** Heat classes 1–5 over the value cells (not the totals), 0 for a blank: a single-hue scale read the same by colour-blind readers. */
export function heatClass(p: Pivot, line: PivotLine, j: number): number {
  const cell = line.cells[j];
  const last = line.cells.length - 1;
  if (cell.shown === null || line.kind === 'total' || line.kind === 'group' || (j === last && last > 0)) return 0;
  const range = heatRange(p);
  if (!range || range.max === range.min) return 0;
  return 1 + Math.min(4, Math.floor(((cell.shown - range.min) / (range.max - range.min)) * 5));
}

const ranges = new WeakMap<Pivot, { min: number; max: number } | null>();
function heatRange(p: Pivot): { min: number; max: number } | null {
  if (ranges.has(p)) return ranges.get(p)!;
  let min = Infinity;
  let max = -Infinity;
  for (const l of p.lines) {
    if (l.kind === 'group') continue;
    const values = l.cells.length > 1 ? l.cells.slice(0, -1) : l.cells;
    for (const c of values) {
      if (c.shown === null) continue;
      min = Math.min(min, c.shown);
      max = Math.max(max, c.shown);
    }
  }
  const range = min <= max ? { min, max } : null;
  ranges.set(p, range);
  return range;
}

/** What this pivot's numbers are, for formatting them. */
export function shownOf(t: Pick<CrossTab, 'spec'>, p: Pivot): Shown {
  return { measure: t.spec.measure, unit: p.unit, signed: p.showAs === 'diff' || p.showAs === 'pct_diff' };
}

/** The options a briefing-pack slide keeps: how the table reads (heat colouring is the screen's alone). */
export function keptPivot(o: PivotOptions): PivotOptions {
  return { ...o, heat: false };
}

/** Options as one text whatever order they were set in: for comparing them, and for the address. */
export function pivotKey(o: PivotOptions): string {
  return JSON.stringify(pivotOptionsSchema.parse(o));
}

export type SortBy = Omit<NonNullable<PivotOptions['sort']>, 'desc'>;

/** The sort the lines follow when none was asked: time in time order, anything else largest total first. */
export function effectiveSort(t: Pick<CrossTab, 'rowDims'>, o: PivotOptions): NonNullable<PivotOptions['sort']> {
  return o.sort ?? (t.rowDims.length && TIME_DIMENSIONS.includes(t.rowDims[0]) ? { by: 'label', desc: false } : { by: 'total', desc: true });
}

/** A click on a column's header: numbers sort largest first, labels A to Z; a second click reverses, a third returns to the default. */
export function nextSort(current: PivotOptions['sort'], clicked: SortBy): PivotOptions['sort'] {
  const first = clicked.by !== 'label';
  const same = current && current.by === clicked.by && (current.key ?? '') === (clicked.key ?? '');
  if (!same) return { ...clicked, desc: first };
  return current.desc === first ? { ...clicked, desc: !first } : undefined;
}
