import { TIME_DIMENSIONS, measureInfo, type Dimension, type Measure } from '../catalogue';
import type { CrossTab, ViewSpecInput } from '../spec';
import { measureLabel, valueText, type Lookups } from './labels';
import type { Lang } from './lang';
import { phrase } from './phrases';

/** More lines than this cannot be told apart; the rest are combined into one "Other" line. */
export const TOP_SERIES = 8;

/** What the chart runs along (time) and what it draws one line for (a value of another dimension). */
export interface TrendAxes {
  time: Dimension;
  series: Dimension | null;
}

export type TrendLine = { kind: 'value'; key: string; values: (number | null)[] } | { kind: 'other' | 'total'; values: (number | null)[] };

export interface Trend {
  axes: TrendAxes;
  times: string[];
  lines: TrendLine[];
  /** How many values of the series dimension went into "Other". */
  combined: number;
  /** The cross-tab the chart draws: its sources and synthetic flag are the chart's. */
  table: CrossTab;
}

const isTime = (d: Dimension) => TIME_DIMENSIONS.includes(d);

/** The dimensions of a view as the builder holds them (no column is null) or as a spec names them. */
export interface ViewDims {
  rows: readonly Dimension[];
  cols?: Dimension | null;
}

/** Time from the view's rows or column (year if it has none); lines from its column, else its first other row. */
export function trendAxes(view: ViewDims): TrendAxes {
  const time = [...view.rows, ...(view.cols ? [view.cols] : [])].find(isTime) ?? 'year';
  const series = view.cols && !isTime(view.cols) ? view.cols : (view.rows.find((d) => !isTime(d)) ?? null);
  return { time, series };
}

/** The view turned so that time runs down the rows and the series across, with the analyst's filters and dates. */
export function trendSpec(spec: ViewSpecInput, axes: TrendAxes): ViewSpecInput {
  const { measure, where, from, to } = spec;
  return { measure, rows: [axes.time], ...(axes.series ? { cols: axes.series } : {}), where, ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** The series values ranked by their total; an "Other" of a single value would hide its name, so it is kept. */
export function splitSeries(table: CrossTab): { top: string[]; rest: string[] } {
  // A blank total (a rate where nothing was deployed) ranks last.
  const ranked = table.colKeys.map((key, j) => ({ key, total: table.colTotals[j] ?? -1 })).sort((a, b) => b.total - a.total);
  const keys = ranked.map((r) => r.key);
  if (keys.length <= TOP_SERIES + 1) return { top: keys, rest: [] };
  return { top: keys.slice(0, TOP_SERIES), rest: keys.slice(TOP_SERIES) };
}

/**
 * "Other" is asked of the engine rather than summed here, so averages, shares and rates of the
 * combined values are computed the way the measure defines them.
 */
export function otherSpec(spec: ViewSpecInput, series: Dimension, rest: string[]): ViewSpecInput {
  return { measure: spec.measure, rows: spec.rows, where: { ...spec.where, [series]: rest }, from: spec.from, to: spec.to };
}

const PERIOD: Record<string, { re: RegExp; perYear: number; format: (year: number, i: number) => string }> = {
  year: { re: /^(\d{4})$/, perYear: 1, format: (y) => String(y) },
  quarter: { re: /^(\d{4})-Q([1-4])$/, perYear: 4, format: (y, i) => `${y}-Q${i + 1}` },
  month: { re: /^(\d{4})-(\d{2})$/, perYear: 12, format: (y, i) => `${y}-${String(i + 1).padStart(2, '0')}` },
};

/** Every period from the first to the last, so a period without data shows as a gap rather than vanishing from the axis. */
export function timeline(keys: string[], dim: Dimension): string[] {
  const period = PERIOD[dim];
  const sorted = [...keys].sort();
  const ordinals = sorted.map((k) => {
    const m = period?.re.exec(k);
    return m ? Number(m[1]) * period.perYear + (m[2] ? Number(m[2]) - 1 : 0) : NaN;
  });
  if (!period || ordinals.length === 0 || ordinals.some(Number.isNaN)) return sorted;
  const out: string[] = [];
  for (let o = ordinals[0]; o <= ordinals[ordinals.length - 1]; o++) out.push(period.format(Math.floor(o / period.perYear), o % period.perYear));
  return out;
}

/** A period with no rows is zero for a count of events, but unknown (a gap) for deployments, averages and rates. */
function missingValue(measure: Measure): 0 | null {
  const m = measureInfo[measure];
  return m.additive && !m.subjects.includes('deployments') ? 0 : null;
}

function along(times: string[], table: CrossTab, pick: (row: CrossTab['rows'][number]) => number | null): (number | null)[] {
  const byTime = new Map(table.rows.map((r) => [r.key[0], pick(r)]));
  const missing = missingValue(table.spec.measure);
  return times.map((t) => (byTime.has(t) ? byTime.get(t)! : missing));
}

export function buildTrend(axes: TrendAxes, table: CrossTab, top: string[], other: CrossTab | null, combined: number): Trend {
  const times = timeline([...table.rows.map((r) => r.key[0]), ...(other?.rows.map((r) => r.key[0]) ?? [])], axes.time);
  const lines: TrendLine[] = axes.series
    ? top.map((key) => {
        const j = table.colKeys.indexOf(key);
        return { kind: 'value', key, values: along(times, table, (r) => r.cells[j]) };
      })
    : [{ kind: 'total', values: along(times, table, (r) => r.total) }];
  if (other) lines.push({ kind: 'other', values: along(times, other, (r) => r.total) });
  return { axes, times, lines, combined, table };
}

/** A line's name in the legend: its series value in the analyst's language, "Other", or the measure itself. */
export function lineLabel(trend: Trend, line: TrendLine, lang: Lang, lookups: Lookups): string {
  if (line.kind === 'value') return valueText(trend.axes.series!, line.key, lang, lookups).text;
  return line.kind === 'other' ? phrase('other', lang) : measureLabel(trend.table.spec.measure, lang);
}

/** The chart's series, labelled: what the option builder draws and what a slide's native chart holds. */
export function trendLines(trend: Trend, lang: Lang, lookups: Lookups): { name: string; values: (number | null)[]; other: boolean }[] {
  return trend.lines.map((l) => ({ name: lineLabel(trend, l, lang, lookups), values: l.values, other: l.kind === 'other' }));
}
