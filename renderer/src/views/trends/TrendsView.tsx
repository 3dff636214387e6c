import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dimensionLabel, valueText } from '../../../../shared/present/labels';
import { useBluehelm } from '../../store';
import { GridNotes } from '../crossTab/GridNotes';
import { CrossTabGrid } from '../crossTab/CrossTabGrid';
import { describeSpec } from '../../../../shared/present/describe';
import { SyntheticMark } from '../workspace/SyntheticMark';
import { chartOption } from '../../../../shared/present/chart';
import { derivedDecimals } from '../../../../shared/present/format';
import { heatmapModel, heatmapOption } from '../../../../shared/present/heatmap';
import { lineLinkKey, partsLinkKey } from '../../../../shared/present/link';
import { panelsBy, smallMultiples } from '../../../../shared/present/smallMultiples';
import { phrase } from '../../../../shared/present/phrases';
import { TrendChart, type ChartLink } from './TrendChart';
import { AddToPack } from '../packs/AddToPack';
import { TOP_SERIES, applyTimeTools, packChart, showsFor, trendChartTypesFor, trendLines } from '../../../../shared/present/trend';
import { TrendControls } from './TrendControls';
import { ChartData } from './ChartData';
import { SmallMultiplesGrid } from './SmallMultiplesGrid';
import { useViewRun } from '../useViewRun';
import { chartMarks, missionsInTrend } from '../../../../shared/present/annotations';
import { AnnotationsPanel } from './AnnotationsPanel';
import { SaveView } from '../savedViews/SaveView';

// The chart's own text (SVG) does not inherit the page's font, so it is handed the same stack. Its names are
// quoted with single quotes: ECharts writes the stack into a double-quoted style attribute of the saved SVG.
const fontFamily = () => getComputedStyle(document.documentElement).fontFamily.replace(/"/g, "'");

/** The current view's measure over time: lines, bars, a heat map or small multiples, with the grid of the same numbers beneath, linked row to line. */
/** Small multiples are laid out at least this wide (styles.css, .bh-small-multiples), 8 px apart. */
const PANEL_MIN = 280;
const PANEL_GAP = 8;

/**
 * The view's width, in steps of 20 px: the marks' labels are laid out in pixels above the plot, so the option
 * is built for the chart as drawn (a step keeps a window being dragged from rebuilding it at every pixel).
 */
function useWidth(): [(el: HTMLElement | null) => void, number | undefined] {
  const [el, setEl] = useState<HTMLElement | null>(null);
  const [width, setWidth] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width / 20) * 20 || undefined));
    observer.observe(el);
    return () => observer.disconnect();
  }, [el]);
  return [setEl, width];
}

export function TrendsView() {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const lookups = useBluehelm((s) => s.lookups);
  const trend = useBluehelm((s) => s.trend);
  const grid = useBluehelm((s) => s.trendGrid);
  const error = useBluehelm((s) => s.trendError);
  const running = useBluehelm((s) => s.trendRunning);
  const options = useBluehelm((s) => s.trendOptions);
  const annotations = useBluehelm((s) => s.annotations);
  const view = useBluehelm((s) => s.draft);
  const runTrend = useBluehelm((s) => s.runTrend);
  // A new grain is a new question for the engine, as a change of the view is.
  const grain = options.grain;
  useViewRun(useCallback(() => runTrend(), [runTrend, grain]));

  const [measured, width] = useWidth();
  const drawn = useMemo(() => {
    if (!trend) return null;
    const measure = trend.table.spec.measure;
    const show = showsFor(measure).includes(options.show) ? options.show : 'value';
    const tools = (values: (number | null)[]) => applyTimeTools(values, trend.axes.time, { show, average: options.average });
    const extraDecimals = derivedDecimals(options);
    const lines = trendLines(trend, lang, lookups).map((l) => ({ ...l, values: tools(l.values) }));
    const watermark = trend.table.synthetic ? phrase('syntheticMark', lang) : null;
    // The axis reads as the grid's row labels do (2018年第3季度 in Chinese), not as the query's keys.
    const times = trend.times.map((k) => valueText(trend.axes.time, k, lang, lookups).text);
    const chart = trendChartTypesFor(measure).includes(options.chart) ? options.chart : 'line';
    const base = { measure, lang, fontFamily: fontFamily(), watermark, extraDecimals };
    if (chart === 'heatmap') {
      const model = heatmapModel(times, lines.map((l, i) => ({ ...l, outside: trend.outside?.lines[i] })), measure, extraDecimals);
      const link: ChartLink = { kind: 'rows', keys: trend.lines.map((l) => lineLinkKey(trend.axes, l)), cells: model.cells };
      return { chart, times, lines, extraDecimals, charts: [{ title: null, option: heatmapOption({ model, ...base }), link }] };
    }
    const type = chart;
    const marks = options.annotations
      ? chartMarks({ times: trend.times, time: trend.axes.time, annotations, missions: missionsInTrend(trend), lookups, lang })
      : [];
    if (options.layout === 'small_multiples' && trend.axes.second) {
      const multiples = smallMultiples(trend, panelsBy(view), lang, lookups, tools, type === 'stacked_bar' || type === 'stacked_area');
      const columns = width ? Math.max(1, Math.floor((width + PANEL_GAP) / (PANEL_MIN + PANEL_GAP))) : 1;
      const panelWidth = width && (width - (columns - 1) * PANEL_GAP) / columns;
      const charts = multiples.panels.map((p) => ({
        title: p.title,
        option: chartOption({ times, lines: p.lines, type, yMin: multiples.min, yMax: multiples.max, noLegend: true, marks, width: panelWidth, ...base }),
        link: { kind: 'series', keys: p.parts.map((parts) => partsLinkKey(trend.axes, parts)) } satisfies ChartLink,
      }));
      const all = multiples.panels.flatMap((p) => p.lines.map((l) => ({ ...l, name: `${p.title} · ${l.name}` })));
      return { chart, times, lines: all, extraDecimals, charts, legend: multiples.legend };
    }
    const link: ChartLink = { kind: 'series', keys: trend.lines.map((l) => lineLinkKey(trend.axes, l)) };
    return { chart, times, lines, extraDecimals, charts: [{ title: null, option: chartOption({ times, lines, type, marks, width, ...base }), link }] };
  }, [trend, lang, lookups, options, view, annotations, width]);

  const described = trend && describeSpec(trend.table.spec, lang, lookups);
  const series = trend?.axes.series ? dimensionLabel(trend.axes.series, lang) : null;
  const second = trend?.axes.second ? dimensionLabel(trend.axes.second, lang) : null;
  const outerIsSeries = panelsBy(view) === 'series';
  const outer = second ? (outerIsSeries ? series : second) : null;
  // What was done to the numbers is said in the title's line, so a screenshot of the chart cannot be taken for raw values.
  const show = trend && showsFor(trend.table.spec.measure).includes(options.show) ? options.show : 'value';
  const tools = [...(show !== 'value' ? [t(`trends.shows.${show}`)] : []), ...(options.average ? [t('trends.averaged', { n: options.average })] : [])].join(lang === 'zh' ? '，' : ', ');
  const multiples = drawn?.legend !== undefined;
  const perLine =
    drawn?.chart === 'heatmap'
      ? second
        ? t('trends.heatmapRowsPerCombination', { first: series, second })
        : series
          ? t('trends.heatmapRows', { series })
          : null
      : multiples && second
        ? t('trends.panels', { outer, inner: outerIsSeries ? second : series })
        : second
          ? t('trends.seriesPerCombination', { first: series, second })
          : series
            ? t('trends.perLine', { series })
            : null;
  const fileName = trend ? `bluehelm-${trend.table.spec.measure}-${drawn?.chart ?? 'line'}` : 'bluehelm-chart';
  return (
    <section className="bh-trends" data-testid="trends-view" ref={measured}>
      <div className="bh-view-head">
        {described && (
          <div className="bh-view-title" data-testid="trend-title">
            <h2>{described.title}</h2>
            <p>{[...(perLine ? [perLine] : []), ...(tools ? [tools] : []), ...described.filters, ...(described.dates ? [described.dates] : [])].join(lang === 'zh' ? '；' : ' · ')}</p>
          </div>
        )}
        <SyntheticMark on={trend?.table.synthetic ?? false} />
        {running && <span className="bh-running">{t('grid.running')}</span>}
        {trend && <SaveView tab="trends" />}
        {trend && (
          <AddToPack
            testId="add-trend-to-pack"
            slide={() => ({ kind: 'view', spec: trend.table.spec, show: 'chart', chart: packChart(trend.table.spec.measure, options.chart), annotations: options.annotations })}
          />
        )}
      </div>
      {trend && <TrendControls measure={trend.table.spec.measure} grain={trend.axes.time} outer={outer} />}
      {error && (
        <p className="bh-error" role="alert" data-testid="trend-error">
          {t('grid.refused', { message: error })}
        </p>
      )}
      {trend && drawn && (
        <>
          {trend.times.length === 0 ? (
            <p className="bh-help">{t('grid.noRows')}</p>
          ) : (
            <>
              {drawn.legend ? (
                <SmallMultiplesGrid charts={drawn.charts} legend={drawn.legend} label={described?.title ?? ''} fileName={fileName} />
              ) : (
                <TrendChart option={drawn.charts[0].option} link={drawn.charts[0].link} label={described?.title ?? ''} fileName={fileName} />
              )}
              <ChartData times={drawn.times} lines={drawn.lines} measure={trend.table.spec.measure} caption={described?.title ?? ''} extraDecimals={drawn.extraDecimals} />
            </>
          )}
          {trend.combined > 0 && series && !multiples && <p className="bh-help">{t('trends.combined', { top: TOP_SERIES, n: trend.combined, series })}</p>}
          <GridNotes table={trend.table} />
          {grid && (
            <section className="bh-trend-table" aria-label={t('trends.table')}>
              <CrossTabGrid table={grid} trace={false} testId="trend-grid" />
            </section>
          )}
          <AnnotationsPanel />
        </>
      )}
    </section>
  );
}
