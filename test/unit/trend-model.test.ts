import { describe, expect, it } from 'vitest';
import { specOf, type Draft } from '../../renderer/src/store/viewSlice';
import { buildTrend, lineLabel, otherSpec, splitSeries, timeline, trendAxes, trendSpec, TOP_SERIES } from '../../shared/present/trend';
import { engineTable, MINUSMA_REF } from './crosstab-fixture';
import type { CrossTab, ViewSpecInput } from '../../shared/spec';

const draft = (change: Partial<Draft>): Draft => ({ measure: 'fatalities', rows: [], cols: null, where: {}, from: '', to: '', ...change });

/** A cross-tab as the engine answers it, rows keyed by period alone. */
const table = (spec: ViewSpecInput, colKeys: string[], rows: [string, (number | null)[], number | null][], colTotals: (number | null)[] = []): CrossTab =>
  engineTable(spec, colKeys, rows.map(([key, cells, total]) => [[key], cells, total]), colTotals);

const ref = MINUSMA_REF;

describe('the axes of a trend', () => {
  it('runs along the view’s time dimension and draws one line per value of its other dimension', () => {
    expect(trendAxes(draft({ rows: ['mission'], cols: 'year' }))).toEqual({ time: 'year', series: 'mission' });
    expect(trendAxes(draft({ rows: ['quarter'], cols: 'mission' }))).toEqual({ time: 'quarter', series: 'mission' });
    expect(trendAxes(draft({ rows: ['month', 'incident_type'] }))).toEqual({ time: 'month', series: 'incident_type' });
  });

  it('falls back to years, and to a single line, when the view has no such dimension', () => {
    expect(trendAxes(draft({ rows: ['mission'] }))).toEqual({ time: 'year', series: 'mission' });
    expect(trendAxes(draft({ rows: ['year'] }))).toEqual({ time: 'year', series: null });
    expect(trendAxes(draft({}))).toEqual({ time: 'year', series: null });
  });

  it('prefers the column to a row for the lines, and splits them by the other row rather than dropping it', () => {
    expect(trendAxes(draft({ rows: ['mission', 'year'], cols: 'service' }))).toEqual({ time: 'year', series: 'service', second: 'mission' });
  });

  it('asks the engine for time down the rows and the series across, keeping filters and dates', () => {
    const d = draft({ rows: ['mission'], cols: 'year', where: { service: ['military'], gender: [] }, from: '2018-01-01', to: '' });
    expect(trendSpec(specOf(d), trendAxes(d))).toEqual({ measure: 'fatalities', rows: ['year'], cols: 'mission', where: { service: ['military'] }, from: '2018-01-01' });
    const single = draft({ rows: ['year'] });
    expect(trendSpec(specOf(single), trendAxes(single))).not.toHaveProperty('cols');
  });
});

describe('the time axis', () => {
  it('fills the years without data, so a gap shows as a gap', () => {
    expect(timeline(['2018', '2015', '2016'], 'year')).toEqual(['2015', '2016', '2017', '2018']);
  });

  it('fills quarters and months across a year boundary', () => {
    expect(timeline(['2019-Q2', '2018-Q3'], 'quarter')).toEqual(['2018-Q3', '2018-Q4', '2019-Q1', '2019-Q2']);
    expect(timeline(['2020-02', '2019-11'], 'month')).toEqual(['2019-11', '2019-12', '2020-01', '2020-02']);
  });

  it('is empty for no periods, and keeps keys it cannot read as they are, in order', () => {
    expect(timeline([], 'year')).toEqual([]);
    expect(timeline(['2019', '', '2017'], 'year')).toEqual(['', '2017', '2019']);
    expect(timeline(['b', 'a'], 'mission')).toEqual(['a', 'b']);
  });
});

describe('the lines drawn', () => {
  const keys = Array.from({ length: 12 }, (_, i) => `M${String(i).padStart(2, '0')}`);

  it('keeps the 8 largest by total and combines the rest as "Other"', () => {
    const totals = keys.map((_, i) => i * 10);
    const { top, rest } = splitSeries(table({ measure: 'fatalities', rows: ['year'], cols: 'mission' }, keys, [], totals));
    expect(top).toHaveLength(TOP_SERIES);
    expect(top).toEqual(['M11', 'M10', 'M09', 'M08', 'M07', 'M06', 'M05', 'M04']);
    expect(rest).toEqual(['M03', 'M02', 'M01', 'M00']);
  });

  it('never makes an "Other" of a single value, and ranks blank totals last', () => {
    const nine = keys.slice(0, 9);
    expect(splitSeries(table({ measure: 'fatalities', rows: ['year'], cols: 'mission' }, nine, [], nine.map(() => 1))).rest).toEqual([]);
    const withBlank = splitSeries(table({ measure: 'deployed', rows: ['year'], cols: 'mission' }, keys, [], keys.map((_, i) => (i === 11 ? null : i))));
    expect(withBlank.rest.at(-1)).toBe('M11');
  });

  it('asks "Other" of the engine as the combined values, without the series column', () => {
    const spec: ViewSpecInput = { measure: 'deployed', rows: ['year'], cols: 'mission', where: { service: ['police'] }, from: '2020-01-01' };
    expect(otherSpec(spec, 'mission', ['MINURSO', 'UNFICYP'])).toEqual({
      measure: 'deployed',
      rows: ['year'],
      where: { service: ['police'], mission: ['MINURSO', 'UNFICYP'] },
      from: '2020-01-01',
      to: undefined,
    });
  });

  it('counts a year without fatalities as zero, and adds "Other" along the same axis', () => {
    const spec: ViewSpecInput = { measure: 'fatalities', rows: ['year'], cols: 'mission' };
    const t = table(spec, ['MINUSMA', 'MONUSCO'], [
      ['2016', [3, 1], 4],
      ['2018', [5, null], 5],
    ]);
    const other = table({ measure: 'fatalities', rows: ['year'] }, [], [['2019', [], 2]]);
    const trend = buildTrend({ time: 'year', series: 'mission' }, t, ['MINUSMA', 'MONUSCO'], other, 4);
    expect(trend.times).toEqual(['2016', '2017', '2018', '2019']);
    expect(trend.lines).toEqual([
      { kind: 'value', key: 'MINUSMA', values: [3, 0, 5, 0] },
      { kind: 'value', key: 'MONUSCO', values: [1, 0, null, 0] },
      { kind: 'other', values: [0, 0, 0, 2] },
    ]);
    expect(trend.combined).toBe(4);
  });

  it('leaves a month without deployment reports blank rather than zero', () => {
    const t = table({ measure: 'deployed', rows: ['month'] }, [], [
      ['2020-11', [], 100],
      ['2021-01', [], 120],
    ]);
    const trend = buildTrend({ time: 'month', series: null }, t, [], null, 0);
    expect(trend.lines).toEqual([{ kind: 'total', values: [100, null, 120] }]);
  });
});

describe('the names of the lines', () => {
  const spec: ViewSpecInput = { measure: 'fatalities', rows: ['year'], cols: 'mission' };
  const trend = buildTrend({ time: 'year', series: 'mission' }, table(spec, ['MINUSMA'], [['2018', [1], 1]]), ['MINUSMA'], null, 0);

  it('names a value line by its series value, in the chosen language', () => {
    expect(lineLabel(trend, trend.lines[0], 'en', ref)).toBe('MINUSMA');
    expect(lineLabel(trend, trend.lines[0], 'zh', ref)).toBe('马里稳定团(MINUSMA)');
  });

  it('names "Other" as told, and a single line after the measure', () => {
    expect(lineLabel(trend, { kind: 'other', values: [] }, 'zh', ref)).toBe('其他');
    expect(lineLabel(trend, { kind: 'total', values: [] }, 'en', ref)).toBe('Fatalities');
    expect(lineLabel(trend, { kind: 'total', values: [] }, 'zh', ref)).toBe('死亡人数');
  });

  it('shows service values in words', () => {
    const byService = buildTrend({ time: 'year', series: 'service' }, table({ measure: 'fatalities', rows: ['year'], cols: 'service' }, ['police'], [['2018', [1], 1]]), ['police'], null, 0);
    expect(lineLabel(byService, byService.lines[0], 'en', ref)).toBe('Police');
    expect(lineLabel(byService, byService.lines[0], 'zh', ref)).toBe('警察');
  });
});
