import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyTimeTools,
  buildTrend,
  clipToMandates,
  cumulative,
  lineLabel,
  movingAverage,
  periodBounds,
  trendAxes,
  trendSpec,
  yearOnYear,
  type Mandate,
} from '../../shared/present/trend';
import { lookups } from '../../shared/present/labels';
import type { CrossTab, ViewSpecInput } from '../../shared/spec';
import { engineTable, type FixtureRow } from './crosstab-fixture';
import { REPO } from '../helpers';

const table = (spec: ViewSpecInput, colKeys: string[], rows: FixtureRow[]): CrossTab => engineTable(spec, colKeys, rows);

describe('moving average', () => {
  it('averages the last 12 months, equal to a hand computation', () => {
    const months = [5, 3, 8, 0, 2, 7, 4, 6, 1, 9, 3, 2, 10, 4];
    const ma = movingAverage(months, 12);
    expect(ma.slice(0, 11)).toEqual(Array(11).fill(null));
    // (5+3+8+0+2+7+4+6+1+9+3+2) / 12 = 50 / 12
    expect(ma[11]).toBeCloseTo(50 / 12, 12);
    // drop 5, add 10: 55 / 12; drop 3, add 4: 56 / 12
    expect(ma[12]).toBeCloseTo(55 / 12, 12);
    expect(ma[13]).toBeCloseTo(56 / 12, 12);
  });

  it('is blank where its window holds a blank, and leaves values alone without a window', () => {
    expect(movingAverage([1, 2, null, 4, 5, 6], 3)).toEqual([null, null, null, null, null, 5]);
    expect(movingAverage([1, null, 3], 0)).toEqual([1, null, 3]);
  });
});

describe('year-on-year change and running total', () => {
  it('compares each month with the same month a year before', () => {
    const values = Array.from({ length: 14 }, (_, i) => i * 2);
    const yoy = yearOnYear(values, 12);
    expect(yoy.slice(0, 12)).toEqual(Array(12).fill(null));
    expect(yoy[12]).toBe(24);
    expect(yearOnYear([10, 7, null, 9], 1)).toEqual([null, -3, null, null]);
  });

  it('adds up, keeping a blank period blank', () => {
    expect(cumulative([1, 2, null, 4])).toEqual([1, 3, null, 7]);
  });

  it('averages the change when both are asked', () => {
    expect(applyTimeTools([1, 2, 4, 8], 'year', { show: 'yoy', average: 3 })).toEqual([null, null, null, (1 + 2 + 4) / 3]);
    expect(applyTimeTools([1, 2, 4], 'year', { show: 'cumulative', average: 0 })).toEqual([1, 3, 7]);
  });
});

describe('mandates', () => {
  it('knows the first and last day of a year, a quarter and a month', () => {
    expect(periodBounds('2013', 'year')).toEqual({ first: '2013-01-01', last: '2013-12-31' });
    expect(periodBounds('2013-Q2', 'quarter')).toEqual({ first: '2013-04-01', last: '2013-06-30' });
    expect(periodBounds('2024-02', 'month')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
  });

  it('draws MINUSMA only from its mandate (25 April 2013) to its close, as the reference table dates it', () => {
    const missions = JSON.parse(fs.readFileSync(path.join(REPO, 'data', 'reference', 'missions.json'), 'utf8')) as (Mandate & { acronym: string })[];
    const minusma = missions.find((m) => m.acronym === 'MINUSMA')!;
    expect(minusma.start).toBe('2013-04-25');
    const byMission = new Map(missions.map((m) => [m.acronym, m]));
    const t = table({ measure: 'fatalities', rows: ['year'], cols: 'mission' }, ['MINUSMA', 'UNMISS'], [
      [['2011'], [null, 2], 2],
      [['2013'], [4, 3], 7],
      [['2023'], [9, 1], 10],
      [['2024'], [null, 1], 1],
    ]);
    const trend = clipToMandates(buildTrend({ time: 'year', series: 'mission' }, t, ['MINUSMA', 'UNMISS'], null, 0), byMission);
    expect(trend.times).toEqual(['2011', '2012', '2013', '2014', '2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024']);
    const [mali, southSudan] = trend.lines;
    // Before 2013 blank, not 0; in its years a year without deaths is 0; after its close (2023) blank again.
    expect(mali.values.slice(0, 4)).toEqual([null, null, 4, 0]);
    expect(mali.values.at(-1)).toBeNull();
    expect(mali.values.at(-2)).toBe(9);
    // UNMISS started in July 2011: 2011 is inside its mandate.
    expect(southSudan.values[0]).toBe(2);
  });

  it('limits every line to the missions the view is filtered to', () => {
    const t = table({ measure: 'fatalities', rows: ['year'], where: { mission: ['MINUSMA'] } }, [], [
      [['2012'], [], 0],
      [['2013'], [], 5],
    ]);
    const trend = clipToMandates(buildTrend({ time: 'year', series: null }, t, [], null, 0), new Map([['MINUSMA', { start: '2013-04-25', end: '2023-12-31' }]]));
    expect(trend.lines[0].values).toEqual([null, 5]);
  });
});

describe('a second dimension', () => {
  it('becomes a line per combination rather than being dropped', () => {
    const view = { rows: ['year', 'mission', 'service'] as const, cols: null };
    const axes = trendAxes({ rows: [...view.rows], cols: null });
    expect(axes).toEqual({ time: 'year', series: 'mission', second: 'service' });
    expect(trendSpec({ measure: 'fatalities', rows: ['year', 'mission', 'service'], where: {} }, axes)).toEqual({ measure: 'fatalities', rows: ['year', 'service'], cols: 'mission', where: {} });
    const t = table({ measure: 'fatalities', rows: ['year', 'service'], cols: 'mission' }, ['MINUSMA', 'MONUSCO'], [
      [['2018', 'military'], [10, 2], 12],
      [['2018', 'police'], [1, 0], 1],
      [['2019', 'military'], [8, 3], 11],
    ]);
    const trend = buildTrend(axes, t, ['MINUSMA', 'MONUSCO'], null, 0);
    expect(trend.lines).toEqual([
      { kind: 'combination', key: 'MINUSMA', second: 'military', values: [10, 8] },
      { kind: 'combination', key: 'MONUSCO', second: 'military', values: [2, 3] },
      { kind: 'combination', key: 'MINUSMA', second: 'police', values: [1, 0] },
    ]);
    const ref = lookups(null);
    expect(lineLabel(trend, trend.lines[2], 'en', ref)).toBe('MINUSMA · Police');
    expect(lineLabel(trend, trend.lines[2], 'zh', ref)).toBe('MINUSMA · 警察');
  });
});
