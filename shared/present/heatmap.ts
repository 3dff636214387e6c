import type { EChartsCoreOption } from 'echarts/core';
import { measureInfo, type Measure } from '../catalogue';
import { BLANK, formatValue } from './format';
import type { Lang } from './lang';
import { phrase } from './phrases';

// A heat map of a trend: a row per line (a mission, say), a column per period, each cell coloured by its
// class. A blank cell is never coloured as 0: it is drawn apart, and says whether the mission did not
// exist then (outside its mandate) or there is simply no value.

export interface HeatRow {
  name: string;
  values: (number | null)[];
  /** Per period: blank because the period is outside the mission's mandate. */
  outside?: boolean[];
}

/** A colour class: the values v with gt < v <= lte (or the single value `equals`), one colour. */
export interface HeatClass {
  gt?: number;
  lte?: number;
  gte?: number;
  lt?: number;
  equals?: number;
  colour: string;
}

export type BlankReason = 'no_value' | 'outside_mandate';

export interface HeatmapModel {
  times: string[];
  rows: string[];
  /** [period index, row index, value]: what the coloured series draws. */
  cells: [number, number, number][];
  blanks: Record<BlankReason, [number, number][]>;
  classes: HeatClass[];
}

/** Blues for values above zero (light to dark), oranges below, a pale tint for exactly 0. */
export const HEAT_BLUES = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
export const HEAT_ORANGES = ['#fdd0a2', '#fdae6b', '#f16913', '#a63603'];
export const HEAT_ZERO = '#e6eef5';
/** No value: an empty (white) cell marked "—", as the grid marks it; outside the mandate: grey, unmarked. */
export const BLANK_COLOURS: Record<BlankReason, string> = { no_value: '#ffffff', outside_mandate: '#d5d9de' };

/** A round step (1, 2, 2.5, 5 × a power of ten) of at least `x`; whole numbers only for a measure without decimals. */
export function niceStep(x: number, whole: boolean): number {
  if (!(x > 0)) return 1;
  const pow = 10 ** Math.floor(Math.log10(x));
  const f = x / pow;
  const m = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 && !(whole && pow < 10) ? 2.5 : f <= 5 ? 5 : 10;
  const step = m * pow;
  return whole ? Math.max(1, Math.ceil(step)) : step;
}

/**
 * The colour classes of a set of values: 0 a class of its own (so it is never confused with a blank or with
 * "a little"), then up to five equal round steps up to the largest value; with values below 0 (a change on a
 * year before), up to four round steps down in oranges.
 */
export function heatClasses(values: readonly number[], measure: Measure, extraDecimals = 0): HeatClass[] {
  if (values.length === 0) return [];
  const whole = measureInfo[measure].decimals + extraDecimals === 0;
  const max = Math.max(...values);
  const min = Math.min(...values);
  const classes: HeatClass[] = [];
  if (min < 0) {
    const step = niceStep(-min / HEAT_ORANGES.length, whole);
    const n = Math.ceil(-min / step);
    for (let k = n; k >= 1; k--) classes.push({ gte: -k * step, lt: -(k - 1) * step, colour: HEAT_ORANGES[Math.min(k, HEAT_ORANGES.length) - 1] });
  }
  if (values.includes(0)) classes.push({ equals: 0, colour: HEAT_ZERO });
  if (max > 0) {
    const step = niceStep(max / HEAT_BLUES.length, whole);
    const n = Math.ceil(max / step);
    for (let k = 1; k <= n; k++) classes.push({ gt: (k - 1) * step, lte: k * step, colour: HEAT_BLUES[k - 1] });
  }
  return classes;
}

export function classOf(v: number, classes: readonly HeatClass[]): HeatClass | undefined {
  return classes.find((c) =>
    c.equals !== undefined ? v === c.equals : c.gt !== undefined ? v > c.gt && v <= c.lte! : v >= c.gte! && v < c.lt!,
  );
}

/** A class as its legend reads: "1–5" for whole numbers (values above 0 start at 1), else "0.1–5.0"; 0 alone as "0". */
export function classLabel(c: HeatClass, measure: Measure, lang: Lang, extraDecimals = 0): string {
  const fmt = (v: number) => formatValue(measure, v, lang, extraDecimals);
  if (c.equals !== undefined) return fmt(c.equals);
  const whole = measureInfo[measure].decimals + extraDecimals === 0;
  if (c.gt !== undefined) {
    const low = whole ? c.gt + 1 : c.gt;
    return whole && low === c.lte ? fmt(c.lte!) : `${whole ? fmt(low) : `>${fmt(low)}`}–${fmt(c.lte!)}`;
  }
  const high = whole ? c.lt! - 1 : c.lt!;
  return whole && high === c.gte ? fmt(c.gte!) : `${fmt(c.gte!)}–${whole ? fmt(high) : `<${fmt(high)}`}`;
}

export function heatmapModel(times: string[], rows: readonly HeatRow[], measure: Measure, extraDecimals = 0): HeatmapModel {
  const cells: [number, number, number][] = [];
  const blanks: HeatmapModel['blanks'] = { no_value: [], outside_mandate: [] };
  rows.forEach((row, y) =>
    row.values.forEach((v, x) => {
      if (v !== null) cells.push([x, y, v]);
      else blanks[row.outside?.[x] ? 'outside_mandate' : 'no_value'].push([x, y]);
    }),
  );
  return { times, rows: rows.map((r) => r.name), cells, blanks, classes: heatClasses(cells.map((c) => c[2]), measure, extraDecimals) };
}

export interface HeatmapInput {
  model: HeatmapModel;
  measure: Measure;
  lang: Lang;
  fontFamily: string;
  watermark: string | null;
  extraDecimals?: number;
}

/** Up to this many cells carry their number; more would be unreadable, and the tooltip gives each. */
const LABELS_UP_TO = 160;

export function heatmapOption({ model, measure, lang, fontFamily, watermark, extraDecimals = 0 }: HeatmapInput): EChartsCoreOption {
  const fmt = (v: number) => formatValue(measure, v, lang, extraDecimals);
  const blankName: Record<BlankReason, string> = { no_value: phrase('blankNoValue', lang), outside_mandate: phrase('blankOutsideMandate', lang) };
  const cellCount = model.times.length * model.rows.length;
  const place = (x: number, y: number) => `${model.rows[y]} · ${model.times[x]}`;
  const blankSeries = (reason: BlankReason) => ({
    name: blankName[reason],
    type: 'heatmap',
    data: model.blanks[reason].map(([x, y]) => [x, y, 0]),
    itemStyle: { color: BLANK_COLOURS[reason], borderColor: reason === 'no_value' ? '#cfd5db' : '#ffffff', borderWidth: 1 },
    label: { show: reason === 'no_value' && cellCount <= LABELS_UP_TO, formatter: BLANK, color: '#6b7785', fontSize: 11 },
    tooltip: { formatter: (p: { data: [number, number] }) => `${place(p.data[0], p.data[1])}: ${blankName[reason]}` },
    emphasis: { disabled: true },
  });
  return {
    animation: false,
    textStyle: { fontFamily },
    tooltip: { trigger: 'item' },
    grid: { left: 8, right: 16, top: 64, bottom: 8, containLabel: true },
    legend: { top: 30, left: 0, data: (['no_value', 'outside_mandate'] as const).filter((r) => model.blanks[r].length > 0).map((r) => blankName[r]) },
    visualMap: {
      type: 'piecewise',
      seriesIndex: 0,
      orient: 'horizontal',
      top: 0,
      left: 0,
      itemGap: 6,
      pieces: model.classes.map((c) => ({ ...(c.equals !== undefined ? { value: c.equals } : c.gt !== undefined ? { gt: c.gt, lte: c.lte } : { gte: c.gte, lt: c.lt }), color: c.colour, label: classLabel(c, measure, lang, extraDecimals) })),
    },
    xAxis: { type: 'category', data: model.times, splitArea: { show: false }, axisTick: { alignWithLabel: true } },
    yAxis: { type: 'category', data: model.rows, inverse: true },
    series: [
      {
        name: phrase('heatValues', lang),
        type: 'heatmap',
        data: model.cells,
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        label: { show: cellCount <= LABELS_UP_TO, fontSize: 11, formatter: (p: { data: [number, number, number] }) => fmt(p.data[2]) },
        tooltip: { formatter: (p: { data: [number, number, number] }) => `${place(p.data[0], p.data[1])}: ${fmt(p.data[2])}` },
        emphasis: { itemStyle: { borderColor: '#1b2a3a', borderWidth: 2 } },
      },
      blankSeries('no_value'),
      blankSeries('outside_mandate'),
    ],
    graphic: watermark
      ? [{ type: 'text', left: 'center', top: 'middle', silent: true, z: 100, style: { text: watermark, fill: 'rgba(180, 83, 9, 0.22)', font: `700 30px ${fontFamily}` } }]
      : [],
  };
}
