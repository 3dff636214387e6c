import { TIME_DIMENSIONS, measureInfo, type Dimension, type Measure } from '../catalogue';
import type { CrossTab, ViewSpecInput } from '../spec';
import { measureLabel, valueText, type Lookups } from './labels';
import type { Lang } from './lang';
import { CHART_TYPES, chartTypesFor, type ChartType } from './chart';
import { phrase } from './phrases';

/** More lines than this cannot be told apart; the rest are combined into one "Other" line. */
export const TOP_SERIES = 8;

/** What the chart runs along (time) and what it draws one line for (a value of another dimension). */
export interface TrendAxes {
  time: Dimension;
  series: Dimension | null;
  /** A second dimension besides the series: one line per combination of the two, never dropped. */
  second?: Dimension;
}

export type TrendLine =
  | { kind: 'value'; key: string; values: (number | null)[] }
  /** A combination of a series value (or "Other", key null) and a value of the second dimension. */
  | { kind: 'combination'; key: string | null; second: string; values: (number | null)[] }
  | { kind: 'other' | 'total'; values: (number | null)[] };

export interface Trend {
  axes: TrendAxes;
  times: string[];
  lines: TrendLine[];
  /** How many values of the series dimension went into "Other". */
  combined: number;
  /** With a second dimension: every combination with data, before the smallest were combined (small multiples draw them all). */
  combinations?: Extract<TrendLine, { kind: 'combination' }>[];
  /** Per line (and per combination), per period: blank because the mission did not exist then, not for want of data. */
  outside?: { lines: boolean[][]; combinations?: boolean[][] };
  /** The cross-tab the chart draws: its sources and synthetic flag are the chart's. */
  table: CrossTab;
}

const isTime = (d: Dimension) => TIME_DIMENSIONS.includes(d);

/** The dimensions of a view as the builder holds them (no column is null) or as a spec names them. */
export interface ViewDims {
  rows: readonly Dimension[];
  cols?: Dimension | null;
}

/**
 * Time from the view's rows or column (year if it has none); lines from its column, else its first other
 * row; a further non-time dimension splits each line by its values (series × second).
 */
export function trendAxes(view: ViewDims, grain?: TimeGrain): TrendAxes {
  // A grain the analyst picked replaces the view's time dimension: the engine answers per quarter or year
  // itself, since averages and rates of quarters cannot be added up from months.
  const time = grain ?? [...view.rows, ...(view.cols ? [view.cols] : [])].find(isTime) ?? 'year';
  const others = [...(view.cols && !isTime(view.cols) ? [view.cols] : []), ...view.rows.filter((d) => !isTime(d) && d !== view.cols)];
  const [series = null, second] = others;
  return second ? { time, series, second } : { time, series };
}

/** The view turned so that time runs down the rows and the series across, with the analyst's filters and dates. */
export function trendSpec(spec: ViewSpecInput, axes: TrendAxes): ViewSpecInput {
  const { measure, where, from, to } = spec;
  return { measure, rows: [axes.time, ...(axes.second ? [axes.second] : [])], ...(axes.series ? { cols: axes.series } : {}), where, ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/**
 * The view at the trend's grain: each time dimension of its rows and column becomes the grain, so a grid
 * drawn beside the chart shows the chart's periods. Without a grain the view is as the analyst built it.
 */
export function atGrain(spec: ViewSpecInput, grain: TimeGrain | undefined): ViewSpecInput {
  if (!grain) return spec;
  const cols = spec.cols && isTime(spec.cols) ? grain : spec.cols;
  const rows = [...new Set((spec.rows ?? []).map((d) => (isTime(d) ? grain : d)))].filter((d) => d !== cols);
  return { ...spec, rows, ...(cols ? { cols } : {}) };
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

/**
 * One line per (series value or "Other") × value of the second dimension, ranked by their sum. A measure that
 * adds up keeps the TOP_SERIES largest and sums the rest into one "Other"; any other measure draws them all,
 * since its values cannot be combined here.
 */
function combinationLines(
  axes: TrendAxes,
  times: string[],
  table: CrossTab,
  top: string[],
  other: CrossTab | null,
): { lines: TrendLine[]; combined: number; all: Extract<TrendLine, { kind: 'combination' }>[] } {
  const secondValues = [...new Set([...table.rows.map((r) => r.key[1]), ...(other?.rows.map((r) => r.key[1]) ?? [])])].sort();
  const missing = missingValue(table.spec.measure);
  const alongSecond = (t: CrossTab, second: string, pick: (row: CrossTab['rows'][number]) => number | null) => {
    const byTime = new Map(t.rows.filter((r) => r.key[1] === second).map((r) => [r.key[0], pick(r)]));
    return times.map((x) => (byTime.has(x) ? byTime.get(x)! : missing));
  };
  const candidates: Extract<TrendLine, { kind: 'combination' }>[] = [];
  for (const second of secondValues) {
    for (const key of top) {
      const j = table.colKeys.indexOf(key);
      candidates.push({ kind: 'combination', key, second, values: alongSecond(table, second, (r) => r.cells[j]) });
    }
    if (other) candidates.push({ kind: 'combination', key: null, second, values: alongSecond(other, second, (r) => r.total) });
  }
  const withData = candidates.filter((c) => c.values.some((v) => v !== null && v !== 0));
  const sum = (vs: (number | null)[]) => vs.reduce<number>((a, v) => a + (v ?? 0), 0);
  withData.sort((a, b) => sum(b.values) - sum(a.values));
  if (!measureInfo[table.spec.measure].additive || withData.length <= TOP_SERIES + 1) return { lines: withData, combined: 0, all: withData };
  const rest = withData.slice(TOP_SERIES);
  const otherValues = times.map((_, i) => (rest.every((c) => c.values[i] === null) ? null : sum(rest.map((c) => c.values[i]))));
  return { lines: [...withData.slice(0, TOP_SERIES), { kind: 'other', values: otherValues }], combined: rest.length, all: withData };
}

export function buildTrend(axes: TrendAxes, table: CrossTab, top: string[], other: CrossTab | null, combined: number): Trend {
  const times = timeline([...table.rows.map((r) => r.key[0]), ...(other?.rows.map((r) => r.key[0]) ?? [])], axes.time);
  if (axes.second) {
    const combos = combinationLines(axes, times, table, axes.series ? top : [], other);
    return { axes, times, lines: combos.lines, combined: combos.combined, combinations: combos.all, table };
  }
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
  if (line.kind === 'combination') {
    const first = line.key === null ? phrase('other', lang) : valueText(trend.axes.series!, line.key, lang, lookups).text;
    return `${first} · ${valueText(trend.axes.second!, line.second, lang, lookups).text}`;
  }
  return line.kind === 'other' ? phrase('other', lang) : measureLabel(trend.table.spec.measure, lang);
}

/** The chart's series, labelled: what the option builder draws and what a slide's native chart holds. */
export function trendLines(trend: Trend, lang: Lang, lookups: Lookups): { name: string; values: (number | null)[]; other: boolean }[] {
  return trend.lines.map((l) => ({ name: lineLabel(trend, l, lang, lookups), values: l.values, other: l.kind === 'other' }));
}

// ---- Time tools: what the analyst can do to a line. Pure, so each is checked against a hand computation.

export const AVERAGE_WINDOWS = [0, 3, 6, 12] as const;
export const TREND_SHOWS = ['value', 'yoy', 'cumulative'] as const;

export const TIME_GRAINS = ['month', 'quarter', 'year'] as const;
export type TimeGrain = (typeof TIME_GRAINS)[number];

/** The trend's own chart types: the shared ones, and a heat map (a row per line, a column per period). */
export const TREND_CHART_TYPES = [...CHART_TYPES, 'heatmap'] as const;
export type TrendChartType = (typeof TREND_CHART_TYPES)[number];

/** Two dimensions besides time: one chart with a line per combination, or a small chart per outer value. */
export const TREND_LAYOUTS = ['combined', 'small_multiples'] as const;
export type TrendLayout = (typeof TREND_LAYOUTS)[number];

export interface TrendOptions {
  chart: TrendChartType;
  /** Trailing moving average over this many periods; 0 draws the values themselves. */
  average: (typeof AVERAGE_WINDOWS)[number];
  /** The values, their change from the same period a year before, or their running total. */
  show: (typeof TREND_SHOWS)[number];
  /** Annotations marked on the time axis (shared/present/annotations.ts). */
  annotations: boolean;
  /** The time axis's period; absent, the view's own time dimension (or year). */
  grain?: TimeGrain;
  /** Absent, one chart ("combined"). */
  layout?: TrendLayout;
}

/** A heat map colours each value on its own, so stacking does not apply, and it takes any measure. */
export function trendChartTypesFor(measure: Measure): readonly TrendChartType[] {
  return [...chartTypesFor(measure), 'heatmap'];
}

/** What the slide of a trend draws: a heat map has no native chart in a deck, so it goes as lines. */
export function packChart(measure: Measure, chart: TrendChartType): ChartType {
  return (chartTypesFor(measure) as readonly string[]).includes(chart) ? (chart as ChartType) : 'line';
}

export const DEFAULT_TREND_OPTIONS: TrendOptions = { chart: 'line', average: 0, show: 'value', annotations: true };

/**
 * The mean of the last `window` values, ending at each period; blank until a full window is there and
 * wherever a value in the window is blank, so an average never pretends to know a missing month.
 */
export function movingAverage(values: readonly (number | null)[], window: number): (number | null)[] {
  if (window <= 1) return [...values];
  return values.map((_, i) => {
    if (i + 1 < window) return null;
    const part = values.slice(i + 1 - window, i + 1);
    return part.some((v) => v === null) ? null : (part as number[]).reduce((a, v) => a + v, 0) / window;
  });
}

/** How many periods make a year on this time axis (month 12, quarter 4, year 1). */
export function periodsPerYear(time: Dimension): number {
  return PERIOD[time]?.perYear ?? 1;
}

/** The change from the same period one year earlier, in the measure's own unit; blank for the first year. */
export function yearOnYear(values: readonly (number | null)[], perYear: number): (number | null)[] {
  return values.map((v, i) => {
    const before = i >= perYear ? values[i - perYear] : null;
    return v === null || before === null ? null : v - before;
  });
}

/** The running total; a blank period adds nothing and stays blank, so a gap is still visible. */
export function cumulative(values: readonly (number | null)[]): (number | null)[] {
  let total = 0;
  return values.map((v) => {
    if (v === null) return null;
    total += v;
    return total;
  });
}

/** Only a measure that adds up has a running total (a cumulative average or rate means nothing). */
export function showsFor(measure: Measure): readonly TrendOptions['show'][] {
  return measureInfo[measure].additive ? TREND_SHOWS : ['value', 'yoy'];
}

/** A line as the options ask: first the change or running total, then the average of that. */
export function applyTimeTools(values: readonly (number | null)[], time: Dimension, options: Pick<TrendOptions, 'average' | 'show'>): (number | null)[] {
  const shown = options.show === 'yoy' ? yearOnYear(values, periodsPerYear(time)) : options.show === 'cumulative' ? cumulative(values) : [...values];
  return movingAverage(shown, options.average);
}

/** The first and last day of a period key (2018, 2018-Q3, 2018-07), for comparing with a mandate's dates. */
export function periodBounds(key: string, time: Dimension): { first: string; last: string } | null {
  const period = PERIOD[time];
  const m = period?.re.exec(key);
  if (!period || !m) return null;
  const year = Number(m[1]);
  const firstMonth = period.perYear === 1 ? 1 : period.perYear === 4 ? (Number(m[2]) - 1) * 3 + 1 : Number(m[2]);
  const months = 12 / period.perYear;
  const lastMonth = firstMonth + months - 1;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { first: `${year}-${pad(firstMonth)}-01`, last: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

export interface Mandate {
  start?: string | null;
  end?: string | null;
}

/** A period is inside a mandate if any of its days is: a mission that started on 25 April 2013 has a 2013. */
export function inside(bounds: { first: string; last: string } | null, m: Mandate): boolean {
  if (!bounds) return true;
  return (!m.start || bounds.last >= m.start) && (!m.end || bounds.first <= m.end);
}

/**
 * Whether a period lies outside the mandate of its mission (the line's or the cell's, if any), or outside the
 * combined mandates of the missions the view is filtered to. The one rule the chart (clipToMandates) and the
 * grid (pivot's blank "not deployed") both follow, so the two never disagree about a cell.
 */
export function outsideMandates(bounds: { first: string; last: string } | null, mission: string | null, filtered: readonly string[], missions: ReadonlyMap<string, Mandate>): boolean {
  const mandatesOf = (keys: readonly string[]) => keys.map((k) => missions.get(k)).filter((m): m is Mandate => m !== undefined);
  return [mandatesOf(mission === null ? [] : [mission]), mandatesOf(filtered)].some((ms) => ms.length > 0 && !ms.some((m) => inside(bounds, m)));
}

/**
 * Each mission's line starts and ends with its mandate: a period before it was established or after it
 * closed is blank, not 0. With the view filtered to missions, every line is limited to their combined mandates.
 */
export function clipToMandates(trend: Trend, missions: ReadonlyMap<string, Mandate>): Trend {
  const bounds = trend.times.map((t) => periodBounds(t, trend.axes.time));
  const filtered = trend.table.spec.where.mission ?? [];
  const lineMission = (l: TrendLine): string | null => {
    if (l.kind === 'value' && trend.axes.series === 'mission') return l.key;
    if (l.kind === 'combination') {
      if (trend.axes.series === 'mission' && l.key !== null) return l.key;
      if (trend.axes.second === 'mission') return l.second;
    }
    return null;
  };
  const outsideOf = (l: TrendLine) => {
    const mission = lineMission(l);
    return bounds.map((b) => outsideMandates(b, mission, filtered, missions));
  };
  const clipped = <L extends TrendLine>(l: L, outside: boolean[]): L => ({ ...l, values: l.values.map((v, i) => (outside[i] ? null : v)) });
  const lineMasks = trend.lines.map(outsideOf);
  const comboMasks = trend.combinations?.map(outsideOf);
  return {
    ...trend,
    lines: trend.lines.map((l, i) => clipped(l, lineMasks[i])),
    ...(trend.combinations ? { combinations: trend.combinations.map((c, i) => clipped(c, comboMasks![i])) } : {}),
    outside: { lines: lineMasks, ...(comboMasks ? { combinations: comboMasks } : {}) },
  };
}
