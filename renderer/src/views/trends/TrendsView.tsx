import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dimensionLabel, valueText } from '../../../../shared/present/labels';
import { useBluehelm } from '../../store';
import { GridNotes } from '../crossTab/GridNotes';
import { describeSpec } from '../../../../shared/present/describe';
import { SyntheticMark } from '../workspace/SyntheticMark';
import { chartOption, chartTypesFor } from '../../../../shared/present/chart';
import { phrase } from '../../../../shared/present/phrases';
import { TrendChart } from './TrendChart';
import { AddToPack } from '../packs/AddToPack';
import { TOP_SERIES, applyTimeTools, showsFor, trendLines } from '../../../../shared/present/trend';
import { TrendControls } from './TrendControls';
import { ChartData } from './ChartData';
import { useViewRun } from '../useViewRun';
import { chartMarks, missionsInTrend } from '../../../../shared/present/annotations';
import { AnnotationsPanel } from './AnnotationsPanel';
import { SaveView } from '../savedViews/SaveView';

// The chart's own text (SVG) does not inherit the page's font, so it is handed the same stack.
const fontFamily = () => getComputedStyle(document.documentElement).fontFamily;

/** The current view's measure over time, one line per value of its other dimension. */
export function TrendsView() {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const lookups = useBluehelm((s) => s.lookups);
  const trend = useBluehelm((s) => s.trend);
  const error = useBluehelm((s) => s.trendError);
  const running = useBluehelm((s) => s.trendRunning);
  const options = useBluehelm((s) => s.trendOptions);
  const annotations = useBluehelm((s) => s.annotations);
  useViewRun(useBluehelm((s) => s.runTrend));

  const drawn = useMemo(() => {
    if (!trend) return null;
    const measure = trend.table.spec.measure;
    const show = showsFor(measure).includes(options.show) ? options.show : 'value';
    const lines = trendLines(trend, lang, lookups).map((l) => ({ ...l, values: applyTimeTools(l.values, trend.axes.time, { show, average: options.average }) }));
    const watermark = trend.table.synthetic ? phrase('syntheticMark', lang) : null;
    // The axis reads as the grid's row labels do (2018年第3季度 in Chinese), not as the query's keys.
    const times = trend.times.map((k) => valueText(trend.axes.time, k, lang, lookups).text);
    const type = chartTypesFor(measure).includes(options.chart) ? options.chart : 'line';
    const marks = options.annotations
      ? chartMarks({ times: trend.times, time: trend.axes.time, annotations, missions: missionsInTrend(trend), lookups, lang })
      : [];
    return { times, lines, option: chartOption({ times, lines, measure, lang, fontFamily: fontFamily(), watermark, type, marks }) };
  }, [trend, lang, lookups, options, annotations]);
  const option = drawn?.option;

  const described = trend && describeSpec(trend.table.spec, lang, lookups);
  const series = trend?.axes.series ? dimensionLabel(trend.axes.series, lang) : null;
  // What was done to the numbers is said in the title's line, so a screenshot of the chart cannot be taken for raw values.
  const show = trend && showsFor(trend.table.spec.measure).includes(options.show) ? options.show : 'value';
  const tools = [...(show !== 'value' ? [t(`trends.shows.${show}`)] : []), ...(options.average ? [t('trends.averaged', { n: options.average })] : [])].join(lang === 'zh' ? '，' : ', ');
  const perLine = trend?.axes.second
    ? t('trends.seriesPerCombination', { first: series, second: dimensionLabel(trend.axes.second, lang) })
    : series
      ? t('trends.perLine', { series })
      : null;
  return (
    <section className="bh-trends" data-testid="trends-view">
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
            slide={() => ({ kind: 'view', spec: trend.table.spec, show: 'chart', chart: chartTypesFor(trend.table.spec.measure).includes(options.chart) ? options.chart : 'line', annotations: options.annotations })}
          />
        )}
      </div>
      {trend && <TrendControls measure={trend.table.spec.measure} />}
      {error && (
        <p className="bh-error" role="alert" data-testid="trend-error">
          {t('grid.refused', { message: error })}
        </p>
      )}
      {trend && option && (
        <>
          {trend.times.length === 0 ? (
            <p className="bh-help">{t('grid.noRows')}</p>
          ) : (
            <>
              <TrendChart option={option} label={described?.title ?? ''} />
              <ChartData times={drawn.times} lines={drawn.lines} measure={trend.table.spec.measure} caption={described?.title ?? ''} />
            </>
          )}
          {trend.combined > 0 && series && <p className="bh-help">{t('trends.combined', { top: TOP_SERIES, n: trend.combined, series })}</p>}
          <GridNotes table={trend.table} />
          <AnnotationsPanel />
        </>
      )}
    </section>
  );
}
