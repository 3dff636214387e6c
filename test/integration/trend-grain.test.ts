import { afterAll, describe, expect, it } from 'vitest';
import { importFile } from '../../electron/core/import/run';
import { Workspace } from '../../electron/core/operations';
import { crossTab, sqlAggregator } from '../../electron/core/query/crosstab';
import { ColumnarQueries } from '../../electron/core/query/columnar/aggregate';
import { buildProjections } from '../../electron/core/query/columnar/projection';
import { atGrain, buildTrend, splitSeries, trendAxes, trendSpec } from '../../shared/present/trend';
import { parseViewSpec, type ViewSpecInput } from '../../shared/spec';
import type { Measure } from '../../shared/catalogue';
import { CONTRIBUTIONS_PSDH, FATALITIES_CSV, tempDb } from '../helpers';

// The trend's grain is the engine's: a quarter of deployments, shares or rates is computed from the quarter's
// rows, never added up from months (an average of people or a rate cannot be). Both engines answer alike.

describe('a trend per quarter or year (real fatalities and deployments files)', () => {
  const ws = new Workspace(tempDb());
  for (const file of [FATALITIES_CSV, CONTRIBUTIONS_PSDH]) importFile(ws.db, { path: file });
  afterAll(() => ws.close());
  const where = { mission: ['MINUSMA', 'UNMISS', 'MINUSCA'] };
  const view = (measure: Measure): ViewSpecInput => ({ measure, rows: ['mission'], cols: 'year', where, from: '2021-01-01', to: '2022-12-31' });

  for (const measure of ['fatalities', 'deployed', 'female_share', 'fatality_rate'] as Measure[]) {
    it(`${measure}: each quarter's value on the chart is the core's cross-tab by quarter, in both engines`, () => {
      const axes = trendAxes({ rows: ['mission'], cols: 'year' }, 'quarter');
      expect(axes).toEqual({ time: 'quarter', series: 'mission' });
      const spec = trendSpec(view(measure), axes);
      const table = ws.crossTab(spec);
      const trend = buildTrend(axes, table, splitSeries(table).top, null, 0);
      expect(trend.times).toEqual(['2021-Q1', '2021-Q2', '2021-Q3', '2021-Q4', '2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4']);
      const core = ws.crossTab({ measure, rows: ['quarter'], cols: 'mission', where, from: '2021-01-01', to: '2022-12-31' });
      for (const line of trend.lines) {
        if (line.kind !== 'value') throw new Error(`unexpected line ${line.kind}`);
        const j = core.colKeys.indexOf(line.key);
        trend.times.forEach((q, i) => expect(line.values[i], `${line.key} ${q}`).toBe(core.rows.find((r) => r.key[0] === q)?.cells[j] ?? null));
      }
      const parsed = parseViewSpec(spec);
      const columnar = new ColumnarQueries(buildProjections(ws.db));
      const context = { synthetic: false, sources: [] };
      expect({ ...crossTab(parsed, columnar.aggregator(), context), elapsedMs: 0 }).toEqual({ ...crossTab(parsed, sqlAggregator(ws.db), context), elapsedMs: 0 });
    });
  }

  it('a quarter of deployed (average strength) is the mean of its three reported months, not their sum', () => {
    const months = ws.crossTab({ measure: 'deployed', rows: ['month'], where: { mission: ['UNMISS'] }, from: '2022-04-01', to: '2022-06-30' });
    const quarter = ws.crossTab({ measure: 'deployed', rows: ['quarter'], where: { mission: ['UNMISS'] }, from: '2022-04-01', to: '2022-06-30' });
    const values = months.rows.map((r) => r.total!);
    expect(values).toHaveLength(3);
    const sum = values.reduce((a, v) => a + v, 0);
    expect(quarter.grandTotal).toBeCloseTo(sum / 3, 9);
    expect(quarter.grandTotal).toBeLessThan(sum);
  });

  it('the grid under the trend asks for the view at the chart\'s grain', () => {
    expect(atGrain(view('deployed'), 'quarter')).toMatchObject({ rows: ['mission'], cols: 'quarter' });
    expect(atGrain({ measure: 'fatalities', rows: ['year', 'month', 'mission'] }, 'quarter')).toEqual({ measure: 'fatalities', rows: ['quarter', 'mission'] });
    expect(atGrain({ measure: 'fatalities', rows: ['month'], cols: 'year' }, 'year')).toEqual({ measure: 'fatalities', rows: [], cols: 'year' });
    expect(atGrain(view('fatalities'), undefined)).toEqual(view('fatalities'));
    const grid = ws.crossTab(atGrain(view('deployed'), 'year'));
    expect(grid.colKeys).toEqual(['2021', '2022']);
  });
});
