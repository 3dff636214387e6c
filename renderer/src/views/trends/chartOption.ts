import type { EChartsCoreOption } from 'echarts/core';
import type { Lang } from '../../i18n/setup';
import { formatNumber } from '../crossTab/format';

/** Eight lines told apart by colour (colour-blind safe order), and "Other" in grey behind them. */
const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#d55e00', '#cc79a7', '#56b4e9', '#8c6d31', '#000000'];
const OTHER = '#9aa6b2';
const SYMBOLS_UP_TO = 40;

export interface ChartLine {
  name: string;
  values: (number | null)[];
  other: boolean;
}

export interface ChartInput {
  times: string[];
  lines: ChartLine[];
  lang: Lang;
  fontFamily: string;
  /** Drawn inside the chart, so the chart carries the mark wherever it is copied to. */
  watermark: string | null;
}

export function chartOption({ times, lines, lang, fontFamily, watermark }: ChartInput): EChartsCoreOption {
  const fmt = (v: unknown) => formatNumber(typeof v === 'number' ? v : null, lang);
  return {
    animation: false,
    textStyle: { fontFamily },
    color: PALETTE,
    grid: { left: 16, right: 24, top: lines.length > 1 ? 48 : 20, bottom: 16 },
    legend: lines.length > 1 ? { type: 'scroll', top: 0, left: 0, right: 0, itemGap: 16 } : undefined,
    tooltip: { trigger: 'axis', order: 'valueDesc', valueFormatter: fmt },
    xAxis: { type: 'category', data: times, boundaryGap: false, axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', axisLabel: { formatter: fmt }, splitLine: { lineStyle: { color: '#e3e9ef' } } },
    series: lines.map((l) => ({
      type: 'line',
      name: l.name,
      data: l.values,
      connectNulls: false,
      showSymbol: times.length <= SYMBOLS_UP_TO,
      symbolSize: 5,
      emphasis: { focus: 'series' },
      ...(l.other ? { itemStyle: { color: OTHER }, lineStyle: { type: 'dashed', color: OTHER }, z: 1 } : { z: 2 }),
    })),
    graphic: watermark
      ? [
          {
            type: 'text',
            left: 'center',
            top: 'middle',
            silent: true,
            z: 0,
            style: { text: watermark, fill: 'rgba(180, 83, 9, 0.22)', font: `700 30px ${fontFamily}` },
          },
        ]
      : [],
  };
}
