import { useTranslation } from 'react-i18next';
import { AVERAGE_WINDOWS, TIME_GRAINS, TREND_LAYOUTS, showsFor, trendChartTypesFor, type TimeGrain } from '../../../../shared/present/trend';
import type { Dimension, Measure } from '../../../../shared/catalogue';
import { useBluehelm } from '../../store';

/**
 * The chart's settings: how it is drawn, per which period, and what is drawn (values, change on a year before,
 * running total; averaged or not). `grain` is the period on the axis now; `outer` names the outer dimension
 * where the view has two besides time, which then may be drawn as small multiples.
 */
export function TrendControls({ measure, grain, outer }: { measure: Measure; grain: Dimension; outer: string | null }) {
  const { t } = useTranslation();
  const options = useBluehelm((s) => s.trendOptions);
  const setOptions = useBluehelm((s) => s.setTrendOptions);
  const types = trendChartTypesFor(measure);
  const shows = showsFor(measure);
  // A setting the measure cannot take (stacking rates, a running total of an average) is shown as the plain one.
  const chart = types.includes(options.chart) ? options.chart : 'line';
  const show = shows.includes(options.show) ? options.show : 'value';
  return (
    <div className="bh-trend-controls" data-testid="trend-controls">
      <label>
        {t('trends.chart')}
        <select data-testid="trend-chart-type" value={chart} onChange={(e) => setOptions({ chart: e.target.value as typeof chart })}>
          {types.map((c) => (
            <option key={c} value={c}>
              {t(`trends.chartType.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('trends.grain')}
        <select data-testid="trend-grain" value={grain} onChange={(e) => setOptions({ grain: e.target.value as TimeGrain })}>
          {TIME_GRAINS.map((g) => (
            <option key={g} value={g}>
              {t(`trends.grains.${g}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('trends.show')}
        <select data-testid="trend-show" value={show} onChange={(e) => setOptions({ show: e.target.value as typeof show })}>
          {shows.map((s) => (
            <option key={s} value={s}>
              {t(`trends.shows.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('trends.average')}
        <select data-testid="trend-average" value={options.average} onChange={(e) => setOptions({ average: Number(e.target.value) as typeof options.average })}>
          {AVERAGE_WINDOWS.map((w) => (
            <option key={w} value={w}>
              {w === 0 ? t('trends.noAverage') : t('trends.window', { n: w })}
            </option>
          ))}
        </select>
      </label>
      <label className="bh-check">
        <input type="checkbox" data-testid="trend-annotations" checked={options.annotations} onChange={(e) => setOptions({ annotations: e.target.checked })} />
        {t('annotations.toggle')}
      </label>
      {outer && chart !== 'heatmap' && (
        <label>
          {t('trends.layout')}
          <select data-testid="trend-layout" value={options.layout ?? 'combined'} onChange={(e) => setOptions({ layout: e.target.value as (typeof TREND_LAYOUTS)[number] })}>
            {TREND_LAYOUTS.map((l) => (
              <option key={l} value={l}>
                {t(`trends.layouts.${l}`, { outer })}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
