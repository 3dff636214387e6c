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

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={host} className="bh-chart" data-testid={testId} role="img" aria-label={label} />;
}
