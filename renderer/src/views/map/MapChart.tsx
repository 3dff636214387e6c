import { useEffect, useRef } from 'react';
import { ScatterChart } from 'echarts/charts';
import { GeoComponent, GraphicComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// SVG as for the trends: text stays text, each country a path whose fill is its class's colour.
use([GeoComponent, ScatterChart, TooltipComponent, GraphicComponent, SVGRenderer]);

/** The map; a click on a country hands its name (the ISO3 code the shapes are registered under) to `onCountry`. */
export function MapChart({ option, label, onCountry }: { option: EChartsCoreOption; label: string; onCountry: (iso3: string) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const clicked = useRef(onCountry);
  clicked.current = onCountry;

  useEffect(() => {
    const el = host.current!;
    const c = init(el, null, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (p) => {
      if (p.componentType === 'geo' && p.name) clicked.current(p.name);
    });
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

  return <div ref={host} className="bh-map-chart" data-testid="map-chart" role="img" aria-label={label} />;
}
