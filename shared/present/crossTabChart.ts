import { TIME_DIMENSIONS, measureInfo, type Dimension } from '../catalogue';
import type { CrossTab } from '../spec';
import type { ChartLine, ChartType } from './chart';
import { measureLabel, valueText, type Lookups } from './labels';
import type { Lang } from './lang';
import { linkKey, rowLinkKey } from './link';
import { phrase } from './phrases';
import { TOP_SERIES } from './trend';

// The chart drawn beside a cross-tab: the table's own numbers (no second query), so the chart and the
// grid can never disagree and both show a change in the same frame.

export interface CrossTabChart {
  /** The category axis: time when the table has a time dimension, else the rows. */
  categories: string[];
  lines: ChartLine[];
  type: ChartType;
  /** What the series are values of (a dimension's label), when there are several. */
  seriesOf: Dimension | null;
  /** Series beyond TOP_SERIES: summed into "Other" for a measure that adds up, else not drawn. */
  notDrawn: { count: number; combined: boolean };
  /** Each line's key in the grid's terms (shared/present/link.ts), so a row lit in the grid lights its line; "Other" has none. */
  links: (string | null)[];
}

const isTime = (d: Dimension | null | undefined) => !!d && TIME_DIMENSIONS.includes(d);

interface Candidate {
  name: string;
  values: (number | null)[];
  rank: number;
  link: string | null;
}

/** The largest series by their total; the rest combined (additive measures) or counted as not drawn. */
function topSeries(candidates: Candidate[], additive: boolean, lang: Lang): Pick<CrossTabChart, 'lines' | 'notDrawn' | 'links'> {
  const ranked = [...candidates].sort((a, b) => b.rank - a.rank);
  const drawn = (cs: Candidate[]) => ({ lines: cs.map((c) => ({ name: c.name, values: c.values, other: false })), links: cs.map((c) => c.link) });
  // An "Other" of one series would hide its name, so up to TOP_SERIES + 1 are all drawn.
  if (ranked.length <= TOP_SERIES + 1) return { ...drawn(ranked), notDrawn: { count: 0, combined: false } };
  const top = drawn(ranked.slice(0, TOP_SERIES));
  const rest = ranked.slice(TOP_SERIES);
  if (!additive) return { ...top, notDrawn: { count: rest.length, combined: false } };
  const other = top.lines[0].values.map((_, i) => (rest.every((c) => c.values[i] === null) ? null : rest.reduce((a, c) => a + (c.values[i] ?? 0), 0)));
  return { lines: [...top.lines, { name: phrase('other', lang), values: other, other: true }], links: [...top.links, null], notDrawn: { count: rest.length, combined: true } };
}

const rankOf = (values: (number | null)[], total: number | null) => total ?? values.reduce<number>((a, v) => a + (v ?? 0), 0);

export function crossTabChart(t: CrossTab, lang: Lang, lookups: Lookups): CrossTabChart {
  const additive = measureInfo[t.spec.measure].additive;
  const label = (d: Dimension, key: string) => valueText(d, key, lang, lookups).text;
  const rowLabel = (key: string[], from = 0) => key.slice(from).map((k, i) => label(t.rowDims[from + i], k)).join(' · ');
  const measure = measureLabel(t.spec.measure, lang);
  const none = { count: 0, combined: false };
  const [first] = t.rowDims;

  // No row dimension: the table is one line of column totals (or one number).
  if (!first) {
    const cols = t.colDim;
    return cols
      ? { categories: t.colKeys.map((k) => label(cols, k)), lines: [{ name: measure, values: t.colTotals, other: false }], type: isTime(cols) ? 'line' : 'bar', seriesOf: null, notDrawn: none, links: [null] }
      : { categories: [measure], lines: [{ name: measure, values: [t.grandTotal], other: false }], type: 'bar', seriesOf: null, notDrawn: none, links: [null] };
  }

  // Time across the columns (more than one period) and not down the rows: time runs along the axis, one
  // series per row. A single period (a filter to one year) would be a column of dots: the rows become bars.
  if (t.colDim && isTime(t.colDim) && !isTime(first) && t.colKeys.length > 1) {
    const series = topSeries(
      t.rows.map((r) => ({ name: rowLabel(r.key), values: r.cells, rank: rankOf(r.cells, r.total), link: rowLinkKey(t.rowDims, r.key) })),
      additive,
      lang,
    );
    return { categories: t.colKeys.map((k) => label(t.colDim!, k)), ...series, type: 'line', seriesOf: first };
  }

  // Rows along the axis; the column's values (or, with no column, the further row dimensions) as series.
  const byFirst = !t.colDim && t.rowDims.length > 1;
  const categoryOf = (key: string[]) => (byFirst ? key[0] : key.join('\u0000'));
  const keys = [...new Set(t.rows.map((r) => categoryOf(r.key)))];
  // Time reads left to right in its own order, whatever order the table is sorted in.
  if (isTime(first) && (byFirst || t.rowDims.length === 1)) keys.sort();
  const at = new Map(keys.map((k, i) => [k, i]));
  const categories = keys.map((k) => (byFirst ? label(first, k) : rowLabel(k.split('\u0000'))));
  /** One value per category, from the rows a series has values in. */
  const along = (rows: CrossTab['rows'], value: (r: CrossTab['rows'][number]) => number | null) => {
    const values = new Array<number | null>(keys.length).fill(null);
    for (const r of rows) values[at.get(categoryOf(r.key))!] = value(r);
    return values;
  };

  let candidates: Candidate[];
  if (t.colDim) {
    const cols = t.colDim;
    candidates = t.colKeys.map((k, j) => {
      const values = along(t.rows, (r) => r.cells[j] ?? null);
      return { name: label(cols, k), values, rank: rankOf(values, t.colTotals[j] ?? null), link: linkKey([[cols, k]]) };
    });
  } else if (byFirst) {
    const groups = new Map<string, CrossTab['rows']>();
    for (const r of t.rows) groups.set(rowLabel(r.key, 1), [...(groups.get(rowLabel(r.key, 1)) ?? []), r]);
    candidates = [...groups].map(([name, rows]) => {
      const values = along(rows, (r) => r.total);
      // The line of the further row dimensions' values: every grid row that has them lights it.
      const link = linkKey(t.rowDims.slice(1).map((d, i) => [d, rows[0].key[i + 1]] as const));
      return { name, values, rank: rankOf(values, null), link };
    });
  } else {
    candidates = [{ name: measure, values: along(t.rows, (r) => r.total), rank: 0, link: null }];
  }
  return { categories, ...topSeries(candidates, additive, lang), type: isTime(first) && categories.length > 1 ? 'line' : 'bar', seriesOf: t.colDim ?? (byFirst ? t.rowDims[1] : null) };
}
