import { useTranslation } from 'react-i18next';
import { chartTypesFor } from '../../../../shared/present/chart';
import { AVERAGE_WINDOWS, showsFor } from '../../../../shared/present/trend';
import type { Measure } from '../../../../shared/catalogue';
import { useBluehelm } from '../../store';

/** The chart's settings: how it is drawn, and what is drawn (values, change on a year before, running total; averaged or not). */
export function TrendControls({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  const options = useBluehelm((s) => s.trendOptions);
  const setOptions = useBluehelm((s) => s.setTrendOptions);
  const types = chartTypesFor(measure);
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
    </div>
  );
}
