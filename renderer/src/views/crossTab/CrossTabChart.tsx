import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrossTab } from '../../../../shared/spec';
import { chartOption } from '../../../../shared/present/chart';
import { crossTabChart } from '../../../../shared/present/crossTabChart';
import { describeSpec } from '../../../../shared/present/describe';
import { dimensionLabel } from '../../../../shared/present/labels';
import { phrase } from '../../../../shared/present/phrases';
import { TOP_SERIES } from '../../../../shared/present/trend';
import { useBluehelm } from '../../store';
import { ChartData } from '../trends/ChartData';
import { TrendChart, type ChartLink } from '../trends/TrendChart';

/** The current cross-tab drawn as a chart beside or below the grid, from the same answer as the grid; redrawn only when that answer changes. */
export const CrossTabChart = memo(function CrossTabChart({ table }: { table: CrossTab }) {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const lookups = useBluehelm((s) => s.lookups);
  const drawn = useMemo(() => {
    const chart = crossTabChart(table, lang, lookups);
    // The chart's own text (SVG) does not inherit the page's font, so it is handed the same stack.
    const fontFamily = getComputedStyle(document.documentElement).fontFamily;
    const watermark = table.synthetic ? phrase('syntheticMark', lang) : null;
    const option = chartOption({ times: chart.categories, lines: chart.lines, measure: table.spec.measure, lang, fontFamily, watermark, type: chart.type });
    // Linked with the grid beside it: a row lit there lights its line here, and back.
    const link: ChartLink = { kind: 'series', keys: chart.links };
    return { chart, option, link, title: describeSpec(table.spec, lang, lookups).title };
  }, [table, lang, lookups]);
  const { chart, option, link, title } = drawn;
  const series = chart.seriesOf ? dimensionLabel(chart.seriesOf, lang) : '';
  return (
    <div className="bh-crosstab-chart">
      <TrendChart option={option} label={title} link={link} testId="crosstab-chart" fileName={`bluehelm-${table.spec.measure}-crosstab`} />
      <ChartData times={chart.categories} lines={chart.lines} measure={table.spec.measure} caption={title} testId="crosstab-chart-data" />
      {chart.notDrawn.count > 0 && (
        <p className="bh-help" data-testid="crosstab-chart-note">
          {chart.notDrawn.combined
            ? phrase('otherCombined', lang, { top: TOP_SERIES, n: chart.notDrawn.count, series })
            : t('grid.chartNotDrawn', { top: TOP_SERIES, n: chart.notDrawn.count, series })}
        </p>
      )}
    </div>
  );
});
