import { BarChart, LineChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { chartOption } from '../../../shared/present/chart';
import type { Lang } from '../../../shared/present/lang';
import { FONT_FAMILY } from './fonts';
import type { RenderedChart } from './types';

use([LineChart, BarChart, GridComponent, LegendComponent, GraphicComponent, MarkLineComponent, SVGRenderer]);

/**
 * A chart as SVG, drawn server-side by ECharts from the same option builder as the Trends view: the
 * PDF draws it as vector graphics and the pack builder previews it.
 */
export function chartSvg(chart: RenderedChart, lang: Lang, width: number, height: number): string {
  const ec = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    ec.setOption(
      chartOption({
        times: chart.categories,
        lines: chart.series,
        measure: chart.measure,
        lang,
        fontFamily: FONT_FAMILY,
        // The slide carries the synthetic mark itself, across the whole page.
        watermark: null,
        type: chart.type,
        forPrint: true,
        width,
        marks: chart.marks,
      }),
    );
    return ec.renderToSVGString();
  } finally {
    // An undisposed chart keeps timers alive and the process never exits.
    ec.dispose();
  }
}

/** The chart's SVG body placed at (x, y) inside a larger SVG (the slide). */
export function placeSvg(svg: string, x: number, y: number): string {
  const body = svg.replace(/^\s*<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  return `<g transform="translate(${x.toFixed(1)},${y.toFixed(1)})">${body}</g>`;
}
