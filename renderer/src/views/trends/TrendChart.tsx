import { useEffect, useRef } from 'react';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapPiecewiseComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useBluehelm } from '../../store';
import { highlightedKey } from '../../store/linkSlice';
import { linked } from '../../../../shared/present/link';
import { ChartImageActions } from './ChartImageActions';

// SVG, not canvas: text stays text (searchable, selectable, crisp in screenshots), and the CSP needs no exception.
use([LineChart, BarChart, HeatmapChart, GridComponent, LegendComponent, TooltipComponent, GraphicComponent, MarkLineComponent, VisualMapPiecewiseComponent, SVGRenderer]);

/**
 * What each drawn thing is in the grid's terms (shared/present/link.ts): a key per series, or, for a heat
 * map, a key per row of cells (the cells are [period, row, value]).
 */
export type ChartLink = { kind: 'series'; keys: readonly (string | null)[] } | { kind: 'rows'; keys: readonly (string | null)[]; cells: readonly (readonly [number, number, number])[] };

export function TrendChart({ option, label, link, fileName, testId = 'trend-chart' }: { option: EChartsCoreOption; label: string; link?: ChartLink; fileName: string; testId?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const linkRef = useRef(link);
  linkRef.current = link;
  const setHighlight = useBluehelm((s) => s.setHighlight);
  const lit = useBluehelm(highlightedKey);

  useEffect(() => {
    const el = host.current!;
    const c = init(el, null, { renderer: 'svg' });
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    // Pointing at a line (or a heat-map cell) lights up its grid row, wherever that grid is drawn.
    c.on('mouseover', (p: { componentType?: string; seriesIndex?: number; data?: unknown }) => {
      const l = linkRef.current;
      if (!l || p.componentType !== 'series') return;
      const key = l.kind === 'series' ? l.keys[p.seriesIndex ?? -1] : l.keys[(p.data as number[])[1]];
      setHighlight(key ?? null, 'hover');
    });
    c.on('mouseout', () => setHighlight(null, 'hover'));
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [setHighlight]);

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

  // Kept apart from drawing: redrawing on each hover would drop the tooltip under the pointer.
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    // A row hovered or selected in the grid lights up its line (the others fade) or its heat-map cells.
    c.dispatchAction({ type: 'downplay' });
    if (!lit || !link) return;
    if (link.kind === 'series') {
      const seriesIndex = link.keys.flatMap((k, i) => (linked(lit, k) ? [i] : []));
      if (seriesIndex.length > 0) c.dispatchAction({ type: 'highlight', seriesIndex });
    } else {
      const rows = new Set(link.keys.flatMap((k, i) => (linked(lit, k) ? [i] : [])));
      const dataIndex = link.cells.flatMap((cell, i) => (rows.has(cell[1]) ? [i] : []));
      if (dataIndex.length > 0) c.dispatchAction({ type: 'highlight', seriesIndex: 0, dataIndex });
    }
  }, [option, lit, link]);

  return (
    <div className="bh-chart-box">
      <ChartImageActions chart={() => chart.current} fileName={fileName} />
      <div ref={host} className="bh-chart" data-testid={testId} data-highlighted={lit ?? ''} role="img" aria-label={label} />
    </div>
  );
}
