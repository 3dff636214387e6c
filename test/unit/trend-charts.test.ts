import { describe, expect, it } from 'vitest';
import { buildTrend, clipToMandates, packChart, trendAxes, trendChartTypesFor, type Trend } from '../../shared/present/trend';
import { classLabel, classOf, heatClasses, heatmapModel, heatmapOption, niceStep, HEAT_BLUES, HEAT_ZERO } from '../../shared/present/heatmap';
import { panelsBy, smallMultiples } from '../../shared/present/smallMultiples';
import { cellLinkKey, lineLinkKey, linked, partsLinkKey, rowLinkKey } from '../../shared/present/link';
import { derivedDecimals, formatValue } from '../../shared/present/format';
import { PALETTE, chartOption } from '../../shared/present/chart';
import { lookups } from '../../shared/present/labels';
import type { CrossTab, ViewSpecInput } from '../../shared/spec';
import { engineTable, type FixtureRow } from './crosstab-fixture';
import { readViewHash, viewHash } from '../../renderer/src/views/viewHash';

const table = (spec: ViewSpecInput, colKeys: string[], rows: FixtureRow[]): CrossTab => engineTable(spec, colKeys, rows);
const noRef = lookups(null);

describe('the trend\'s grain and chart types', () => {
  it('puts the grain asked for on the time axis, in place of the view\'s time dimension', () => {
    expect(trendAxes({ rows: ['year', 'mission'] }, 'quarter')).toEqual({ time: 'quarter', series: 'mission' });
    expect(trendAxes({ rows: ['mission'], cols: 'month' }, 'year')).toEqual({ time: 'year', series: 'mission' });
    expect(trendAxes({ rows: ['mission'], cols: 'month' })).toEqual({ time: 'month', series: 'mission' });
  });

  it('offers a heat map for every measure, and sends it to a slide as lines (a deck has no native heat map)', () => {
    expect(trendChartTypesFor('fatality_rate')).toEqual(['line', 'bar', 'heatmap']);
    expect(trendChartTypesFor('fatalities')).toContain('heatmap');
    expect(packChart('fatalities', 'heatmap')).toBe('line');
    expect(packChart('fatalities', 'stacked_bar')).toBe('stacked_bar');
    expect(packChart('fatality_rate', 'stacked_bar')).toBe('line');
  });
});

describe('heat map classes', () => {
  it('steps round numbers, whole for counts', () => {
    expect(niceStep(7.3, true)).toBe(10);
    expect(niceStep(2.2, true)).toBe(5);
    expect(niceStep(0.3, true)).toBe(1);
    expect(niceStep(0.22, false)).toBe(0.25);
    expect(niceStep(1400, false)).toBe(2000);
  });

  it('gives 0 a class of its own and up to five blue classes above it, labelled as the analyst reads them', () => {
    const classes = heatClasses([0, 3, 12, 23], 'fatalities');
    expect(classes.map((c) => classLabel(c, 'fatalities', 'en'))).toEqual(['0', '1–5', '6–10', '11–15', '16–20', '21–25']);
    expect(classOf(0, classes)?.colour).toBe(HEAT_ZERO);
    expect(classOf(5, classes)?.colour).toBe(HEAT_BLUES[0]);
    expect(classOf(6, classes)?.colour).toBe(HEAT_BLUES[1]);
    expect(classOf(23, classes)?.colour).toBe(HEAT_BLUES[4]);
    // Every value falls in exactly one class.
    for (const v of [0, 1, 5, 6, 10, 11, 20, 21, 23]) expect(classes.filter((c) => classOf(v, [c])).length).toBe(1);
  });

  it('colours a fall below zero (a change on a year before) in oranges', () => {
    const classes = heatClasses([-7, 0, 4], 'fatalities');
    expect(classes.map((c) => classLabel(c, 'fatalities', 'en'))).toEqual(['-8–-7', '-6–-5', '-4–-3', '-2–-1', '0', '1', '2', '3', '4']);
    expect(classOf(-7, classes)?.colour).toBe('#a63603');
    expect(classOf(-1, classes)?.colour).toBe('#fdd0a2');
  });

  it('keeps decimals in the labels of a rate', () => {
    const classes = heatClasses([0.4, 2.3], 'fatality_rate');
    expect(classes.map((c) => classLabel(c, 'fatality_rate', 'zh'))).toEqual(['>0.00–0.50', '>0.50–1.00', '>1.00–1.50', '>1.50–2.00', '>2.00–2.50']);
  });
});

describe('heat map model', () => {
  it('draws a cell per value and keeps blank apart from 0, saying which blank is outside the mandate', () => {
    const model = heatmapModel(
      ['2012', '2013', '2014'],
      [
        { name: 'MINUSMA', values: [null, 12, 0], outside: [true, false, false] },
        { name: 'UNMISS', values: [3, null, 5] },
      ],
      'fatalities',
    );
    expect(model.cells).toEqual([[1, 0, 12], [2, 0, 0], [0, 1, 3], [2, 1, 5]]);
    expect(model.blanks).toEqual({ no_value: [[1, 1]], outside_mandate: [[0, 0]] });
    const option = heatmapOption({ model, measure: 'fatalities', lang: 'zh', fontFamily: 'sans-serif', watermark: null }) as {
      series: { name: string; data: number[][]; itemStyle: { color?: string } }[];
      visualMap: { seriesIndex: number; pieces: { value?: number; color: string; label: string }[] };
      yAxis: { data: string[] };
      legend: { data: string[] };
    };
    expect(option.series.map((s) => s.name)).toEqual(['数值', '无数值', '任务授权期外']);
    expect(option.series[0].data).toEqual(model.cells);
    // Only the values are coloured by class; the blanks keep their own colours, so a blank never reads as 0.
    expect(option.visualMap.seriesIndex).toBe(0);
    expect(option.visualMap.pieces[0]).toMatchObject({ value: 0, color: HEAT_ZERO, label: '0' });
    expect(option.series[1].itemStyle.color).not.toBe(HEAT_ZERO);
    expect(option.series[2].itemStyle.color).not.toBe(HEAT_ZERO);
    expect(option.yAxis.data).toEqual(['MINUSMA', 'UNMISS']);
    expect(option.legend.data).toEqual(['无数值', '任务授权期外']);
  });
});

function twoDimTrend(): Trend {
  // Fatalities, rows mission × service, per year: the trend draws mission (series) × service (second).
  const view = { rows: ['mission', 'service'] as const, cols: null };
  const axes = trendAxes({ rows: [...view.rows] }, 'year');
  const t = table({ measure: 'fatalities', rows: ['year', 'service'], cols: 'mission' }, ['MINUSMA', 'UNMISS'], [
    [['2012', 'military'], [0, 2], 2],
    [['2013', 'military'], [10, 1], 11],
    [['2013', 'police'], [3, 0], 3],
    [['2014', 'civilian'], [1, 0], 1],
    [['2014', 'military'], [20, 4], 24],
  ]);
  return buildTrend(axes, t, ['MINUSMA', 'UNMISS'], null, 0);
}

describe('small multiples', () => {
  it('draw a chart per outer value holding every combination, on one scale', () => {
    const trend = twoDimTrend();
    expect(panelsBy({ rows: ['mission', 'service'] })).toBe('series');
    expect(panelsBy({ rows: ['service'], cols: 'mission' })).toBe('second');
    const sm = smallMultiples(trend, 'series', 'en', noRef);
    expect(sm.panels.map((p) => p.title)).toEqual(['MINUSMA', 'UNMISS']);
    expect(sm.panels[0].lines.map((l) => [l.name, l.values])).toEqual([
      ['Military', [0, 10, 20]],
      ['Police', [0, 3, 0]],
      ['Civilian', [0, 0, 1]],
    ]);
    expect(sm.panels[1].lines.map((l) => l.name)).toEqual(['Military']);
    // 2 + 3 + 1 combinations with data: nothing dropped.
    expect(sm.panels.reduce((n, p) => n + p.lines.length, 0)).toBe(trend.combinations!.length);
    expect(sm.min).toBe(0);
    expect(sm.max).toBe(20);
    // One colour per service in every chart, and one legend for all.
    expect(sm.panels.map((p) => p.lines[0].colour)).toEqual([PALETTE[0], PALETTE[0]]);
    expect(sm.legend).toEqual([
      { name: 'Military', colour: PALETTE[0] },
      { name: 'Police', colour: PALETTE[1] },
      { name: 'Civilian', colour: PALETTE[2] },
    ]);
    const byService = smallMultiples(trend, 'second', 'en', noRef);
    expect(byService.panels.map((p) => p.title)).toEqual(['Military', 'Police', 'Civilian']);
    expect(byService.panels[0].lines.map((l) => l.name)).toEqual(['MINUSMA', 'UNMISS']);
  });

  it('set the shared scale on the stacked heights, after the time tools', () => {
    const sm = smallMultiples(twoDimTrend(), 'series', 'en', noRef, (v) => v.map((x) => (x === null ? null : x * 2)), true);
    // MINUSMA 2014: (20 + 0 + 1) × 2 = 42, rounded out to the axis step 10.
    expect(sm.max).toBe(50);
  });

  it('keep each line tied to its grid row, and clip it to its mission\'s mandate', () => {
    const trend = clipToMandates(twoDimTrend(), new Map([['MINUSMA', { start: '2013-04-25', end: null }]]));
    const sm = smallMultiples(trend, 'series', 'en', noRef);
    expect(sm.panels[0].lines[0].values).toEqual([null, 10, 20]);
    expect(trend.outside?.combinations?.[0]).toEqual([true, false, false]);
    expect(partsLinkKey(trend.axes, sm.panels[0].parts[0])).toBe('mission=MINUSMA|service=military');
  });
});

describe('the link between grid rows and chart lines', () => {
  it('keys a row by its dimensions other than time, as its line is keyed', () => {
    expect(rowLinkKey(['year', 'mission'], ['2018', 'MINUSMA'])).toBe('mission=MINUSMA');
    expect(rowLinkKey(['service', 'mission'], ['police', 'MINUSMA'])).toBe('mission=MINUSMA|service=police');
    expect(rowLinkKey(['year'], ['2018'])).toBeNull();
    // A cell adds its column's value, unless the columns are time.
    expect(cellLinkKey(['month'], ['2018-07'], 'mission', 'MINUSMA')).toBe('mission=MINUSMA');
    expect(cellLinkKey(['mission'], ['MINUSMA'], 'year', '2018')).toBe('mission=MINUSMA');
    expect(cellLinkKey(['mission'], ['MINUSMA'], 'service', undefined)).toBe('mission=MINUSMA');
    expect(cellLinkKey(['year'], ['2018'], null, undefined)).toBeNull();
    const trend = twoDimTrend();
    expect(lineLinkKey(trend.axes, trend.lines[0])).toBe(rowLinkKey(['mission', 'service'], ['MINUSMA', 'military']));
    const one = buildTrend(trendAxes({ rows: ['mission'], cols: 'year' }), table({ measure: 'fatalities', rows: ['year'], cols: 'mission' }, ['MINUSMA'], [[['2018'], [5], 5]]), ['MINUSMA'], null, 0);
    expect(lineLinkKey(one.axes, one.lines[0])).toBe('mission=MINUSMA');
    expect(lineLinkKey(one.axes, { kind: 'other', values: [] })).toBeNull();
  });

  it('lights what names a part of the lit key: a mission\'s row lights each of its lines split by service, and back', () => {
    expect(linked('mission=MINUSMA', 'mission=MINUSMA|service=police')).toBe(true);
    expect(linked('mission=MINUSMA|service=police', 'mission=MINUSMA')).toBe(true);
    expect(linked('mission=MINUSMA', 'mission=MINUSMA')).toBe(true);
    expect(linked('mission=MINUSMA', 'mission=UNMISS|service=police')).toBe(false);
    expect(linked('mission=MINUSMA|service=military', 'mission=MINUSMA|service=police')).toBe(false);
    expect(linked(null, 'mission=MINUSMA')).toBe(false);
    expect(linked('mission=MINUSMA', null)).toBe(false);
  });
});

describe('decimals of derived values', () => {
  it('gives a moving average one decimal more than the measure, in the tooltip and the axis', () => {
    expect(derivedDecimals({ average: 12 })).toBe(1);
    expect(derivedDecimals({ average: 0 })).toBe(0);
    expect(formatValue('fatalities', 50 / 12, 'en', 1)).toBe('4.2');
    expect(formatValue('deployed', 1234.5678, 'en', 1)).toBe('1,234.57');
    expect(formatValue('fatalities', 50 / 12, 'en')).toBe('4');
    const option = chartOption({ times: ['a'], lines: [{ name: 'x', values: [50 / 12], other: false }], measure: 'fatalities', lang: 'en', fontFamily: 'x', watermark: null, extraDecimals: 1 }) as {
      tooltip: { valueFormatter: (v: unknown) => string };
    };
    expect(option.tooltip.valueFormatter(50 / 12)).toBe('4.2');
  });
});

describe('the address keeps the grain, the heat map and the layout', () => {
  it('round-trips them, and an address without a grain means the view\'s own', () => {
    const spec = { measure: 'fatalities' as const, rows: ['mission' as const], where: {} };
    const hash = viewHash({ spec, tab: 'trends', trend: { chart: 'heatmap', average: 0, show: 'value', annotations: false, grain: 'quarter', layout: 'small_multiples' } });
    expect(readViewHash(hash).trend).toEqual({ chart: 'heatmap', average: 0, show: 'value', annotations: false, grain: 'quarter', layout: 'small_multiples' });
    const plain = readViewHash(viewHash({ spec, tab: 'trends', trend: { chart: 'line', average: 3, show: 'value', annotations: true } }));
    expect(plain.trend.grain).toBeUndefined();
    expect('grain' in plain.trend).toBe(true);
  });
});
