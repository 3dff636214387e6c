import type { EChartsCoreOption } from 'echarts/core';
import { measureInfo, type Measure } from '../catalogue';
import { formatValue } from './format';
import type { Lang } from './lang';
import { bandHeight, markLineOf, placeLabels, SCREEN_WIDTH, type ChartMark } from './annotations';

// One ECharts option builder for the screen (the Trends view) and for exports (server-side SVG in the
// PDF and the slide preview), so a chart never differs between the app and the deck.

export const CHART_TYPES = ['line', 'bar', 'stacked_bar', 'stacked_area'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** Stacking adds the series up, which only means something for a measure whose values add up. */
export function chartTypesFor(measure: Measure): readonly ChartType[] {
  return measureInfo[measure].additive ? CHART_TYPES : ['line', 'bar'];
}

/** The chart a view gets on a slide unless the analyst picks another: lines over time, bars otherwise. */
export function defaultChart(spec: { rows: readonly string[]; cols?: string | null }): ChartType {
  return [...spec.rows, ...(spec.cols ? [spec.cols] : [])].some((d) => d === 'year' || d === 'quarter' || d === 'month') ? 'line' : 'bar';
}

/** Eight series told apart by colour (colour-blind safe order), and "Other" in grey behind them. */
export const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#d55e00', '#cc79a7', '#56b4e9', '#8c6d31', '#000000'];
export const OTHER_COLOUR = '#9aa6b2';
const SYMBOLS_UP_TO = 40;

export interface ChartLine {
  name: string;
  values: (number | null)[];
  other: boolean;
  /** A colour of its own, where several charts must draw the same value alike (small multiples). */
  colour?: string;
}

export interface ChartInput {
  times: string[];
  lines: ChartLine[];
  measure: Measure;
  lang: Lang;
  fontFamily: string;
  /** Drawn inside the chart, so the chart carries the mark wherever it is copied to. */
  watermark: string | null;
  type?: ChartType;
  /** Exports are drawn once, for print: no tooltip, no scrolling legend. */
  forPrint?: boolean;
  /** The drawing's width, where known: a legend that wraps gets the room it needs above the plot, and the marks' labels are laid out for it. */
  width?: number;
  /** Annotations on the time axis (shared/present/annotations.ts), drawn as vertical lines on the first series. */
  marks?: readonly ChartMark[];
  /** Decimals beyond the measure's own, for derived values (a moving average). */
  extraDecimals?: number;
  /** A scale shared by several charts (small multiples), so they compare. */
  yMin?: number;
  yMax?: number;
  /** Where the legend is drawn once for several charts. */
  noLegend?: boolean;
}

/** How many rows a plain legend takes at this width (about 7 px a character, plus the key and the gap). */
function legendRows(names: string[], width: number | undefined): number {
  if (!width) return 1;
  let rows = 1;
  let x = 0;
  for (const n of names) {
    const w = 25 + 16 + [...n].reduce((a, ch) => a + (ch.charCodeAt(0) > 0x2e80 ? 12 : 7), 0);
    if (x > 0 && x + w > width) {
      rows++;
      x = 0;
    }
    x += w;
  }
  return rows;
}

function seriesOf(l: ChartLine, type: ChartType, times: number): Record<string, unknown> {
  const stacked = type === 'stacked_bar' || type === 'stacked_area';
  const base = { name: l.name, data: l.values, emphasis: { focus: 'series' }, ...(stacked ? { stack: 'total' } : {}), ...(l.colour && !l.other ? { color: l.colour } : {}) };
  if (type === 'bar' || type === 'stacked_bar') {
    return { ...base, type: 'bar', ...(l.other ? { itemStyle: { color: OTHER_COLOUR } } : {}) };
  }
  return {
    ...base,
    type: 'line',
    // Hovering the line or its area itself (not only its points) names it, so the grid row it belongs to can light up.
    triggerEvent: true,
    connectNulls: false,
    showSymbol: times <= SYMBOLS_UP_TO && type === 'line',
    symbolSize: 5,
    ...(type === 'stacked_area' ? { areaStyle: { opacity: 0.85 }, lineStyle: { width: 1 } } : {}),
    ...(l.other ? { itemStyle: { color: OTHER_COLOUR }, lineStyle: { type: 'dashed', color: OTHER_COLOUR }, z: 1 } : { z: 2 }),
  };
}

const GRID = { left: 16, right: 24 };

/** About where the plot's left edge falls: ECharts moves it right of the value axis's widest label (12 px text and an 8 px gap). */
function plotLeft(lines: ChartLine[], stacked: boolean, fmt: (v: unknown) => string): number {
  const values = stacked ? (lines[0]?.values ?? []).map((_, i) => lines.reduce((s, l) => s + Math.max(0, l.values[i] ?? 0), 0)) : lines.flatMap((l) => l.values.map((v) => v ?? 0));
  const widest = Math.max(0, ...values);
  // The axis rounds its top up: a label a digit longer than the largest value is the widest it writes.
  return Math.max(GRID.left, 3 + 7 * (fmt(widest * 1.2).length + 1) + 8);
}

export function chartOption({ times, lines, measure, lang, fontFamily, watermark, type = 'line', forPrint = false, width, marks = [], extraDecimals = 0, yMin, yMax, noLegend = false }: ChartInput): EChartsCoreOption {
  const fmt = (v: unknown) => formatValue(measure, typeof v === 'number' ? v : null, lang, extraDecimals);
  const bars = type === 'bar' || type === 'stacked_bar';
  const legend = lines.length > 1 && !noLegend;
  const legendHeight = legend ? 24 + 24 * (forPrint ? legendRows(lines.map((l) => l.name), width) : 1) : 20;
  // The marks' labels take a band between the legend and the plot, so they never cross the data.
  const placed = marks.length
    ? placeLabels(marks, { width: width ?? SCREEN_WIDTH, left: plotLeft(lines, type === 'stacked_bar' || type === 'stacked_area', fmt), right: GRID.right, bands: bars, categories: times.length }, lang)
    : [];
  const top = legendHeight + bandHeight(placed);
  return {
    animation: false,
    textStyle: { fontFamily },
    color: PALETTE,
    grid: { ...GRID, top, bottom: 16 },
    legend: legend ? { type: forPrint ? 'plain' : 'scroll', top: 0, left: 0, right: 0, itemGap: 16 } : undefined,
    ...(forPrint ? {} : { tooltip: { trigger: 'axis', order: 'valueDesc', valueFormatter: fmt } }),
    xAxis: { type: 'category', data: times, boundaryGap: bars, axisTick: { alignWithLabel: true } },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: fmt },
      splitLine: { lineStyle: { color: '#e3e9ef' } },
      ...(yMin !== undefined ? { min: yMin } : {}),
      ...(yMax !== undefined ? { max: yMax } : {}),
    },
    series: lines.map((l, i) => ({ ...seriesOf(l, type, times.length), ...(i === 0 && marks.length > 0 ? { markLine: markLineOf(placed, fontFamily, top) } : {}) })),
    graphic: watermark
      ? [
          {
            type: 'text',
            left: 'center',
            top: 'middle',
            silent: true,
            z: 0,
            // One language a line, so the two-language mark fits a chart half the window wide.
            style: { text: watermark.split(' · ').join('\n'), align: 'center', lineHeight: 38, fill: 'rgba(180, 83, 9, 0.22)', font: `700 30px ${fontFamily}` },
          },
        ]
      : [],
  };
}
