import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// SVG, not canvas: text stays text (searchable, selectable, crisp in screenshots), and the CSP needs no exception.
use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, GraphicComponent, SVGRenderer]);

export function TrendChart({ option, label, testId = 'trend-chart' }: { option: EChartsCoreOption; label: string; testId?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const el = host.current!;
    const c = init(el, null, { renderer: 'svg' });
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  // What the option is made of (its parts and its watermark): while that stays, a new option only replaces
  // the series and merges the rest, so ECharts keeps its axes, legend and tooltip. Replacing everything
  // (notMerge) rebuilds them all, and the new tooltip measures the page (a forced layout) on every change.
  const parts = useRef('');
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    const o = option as Record<string, unknown>;
    const next = JSON.stringify([Object.keys(o).filter((k) => o[k] !== undefined).sort(), o.graphic]);
    c.setOption(option, next === parts.current ? { replaceMerge: ['series'] } : { notMerge: true });
    parts.current = next;
  }, [option]);

  return <div ref={host} className="bh-chart" data-testid={testId} role="img" aria-label={label} />;
}
