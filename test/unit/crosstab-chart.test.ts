import { describe, expect, it } from 'vitest';
import { crossTabChart } from '../../shared/present/crossTabChart';
import { TOP_SERIES } from '../../shared/present/trend';
import { engineTable, type FixtureRow, MINUSMA_REF } from './crosstab-fixture';
import type { CrossTab, ViewSpecInput } from '../../shared/spec';

/** A cross-tab as the engine answers it, its grand total the sum of its rows'. */
const table = (spec: ViewSpecInput, colKeys: string[], rows: FixtureRow[], colTotals: (number | null)[] = []): CrossTab =>
  engineTable(spec, colKeys, rows, colTotals, rows.reduce((a, r) => a + (r[2] ?? 0), 0));

const ref = MINUSMA_REF;

describe('the chart of a cross-tab', () => {
  it('draws a time row dimension as one line of the row totals, in time order whatever the table’s order', () => {
    const t = table({ measure: 'fatalities', rows: ['year'] }, [], [
      [['2019'], [], 30],
      [['2017'], [], 10],
      [['2018'], [], 20],
    ]);
    const c = crossTabChart(t, 'en', ref);
    expect(c.type).toBe('line');
    expect(c.categories).toEqual(['2017', '2018', '2019']);
    expect(c.lines).toEqual([{ name: 'Fatalities', values: [10, 20, 30], other: false }]);
    expect(c.notDrawn.count).toBe(0);
  });

  it('turns a table with time across the columns: time along the axis, one line per row, labelled in the language', () => {
    const t = table({ measure: 'fatalities', rows: ['mission'], cols: 'year' }, ['2017', '2018'], [[['MINUSMA'], [5, null], 5]], [5, null]);
    const c = crossTabChart(t, 'zh', ref);
    expect(c.type).toBe('line');
    expect(c.categories).toEqual(['2017', '2018']);
    expect(c.lines).toEqual([{ name: '马里稳定团(MINUSMA)', values: [5, null], other: false }]);
    expect(c.seriesOf).toBe('mission');
    // The line carries its grid row's key, so the row lit in the grid lights it.
    expect(c.links).toEqual(['mission=MINUSMA']);
  });

  it('draws bars, not a column of dots, when time across the columns holds a single period', () => {
    const t = table({ measure: 'fatalities', rows: ['mission'], cols: 'year' }, ['2018'], [
      [['MINUSMA'], [11], 11],
      [['MONUSCO'], [8], 8],
    ], [19]);
    const c = crossTabChart(t, 'en', ref);
    expect(c.type).toBe('bar');
    expect(c.categories).toEqual(['MINUSMA', 'MONUSCO']);
    expect(c.lines).toEqual([{ name: '2018', values: [11, 8], other: false }]);
  });

  it('draws bars per row and column value, the largest columns first and the rest summed as “Other” for a count', () => {
    const cols = Array.from({ length: TOP_SERIES + 3 }, (_, j) => `M${j}`);
    // Column j holds j in every row, so the largest are the last ones; "Other" is the sum of the three smallest.
    const rows: [string[], number[], number][] = ['Military', 'Civilian'].map((s) => [[s], cols.map((_, j) => j), cols.reduce((a, _, j) => a + j, 0)]);
    const t = table({ measure: 'fatalities', rows: ['personnel_type'], cols: 'mission' }, cols, rows, cols.map((_, j) => 2 * j));
    const c = crossTabChart(t, 'en', ref);
    expect(c.type).toBe('bar');
    expect(c.lines.map((l) => l.name)).toEqual([...cols.slice(3).reverse(), 'Other']);
    expect(c.lines.at(-1)).toEqual({ name: 'Other', values: [0 + 1 + 2, 0 + 1 + 2], other: true });
    expect(c.notDrawn).toEqual({ count: 3, combined: true });
    // A line per column value carries that value's key (a grid cell of its column lights it); "Other" none.
    expect(c.links).toEqual([...cols.slice(3).reverse().map((m) => `mission=${m}`), null]);
    // Every number of the table is drawn once: the bars of a row add up to its total.
    for (const [i, r] of t.rows.entries()) expect(c.lines.reduce((a, l) => a + (l.values[i] ?? 0), 0)).toBe(r.total);
  });

  it('never adds up values of a rate: the series beyond the largest are counted as not drawn', () => {
    const cols = Array.from({ length: TOP_SERIES + 2 }, (_, j) => `M${j}`);
    const t = table({ measure: 'fatality_rate', rows: ['year'], cols: 'mission' }, cols, [[['2020'], cols.map((_, j) => j / 10), 1]], cols.map((_, j) => j / 10));
    const c = crossTabChart(t, 'en', ref);
    expect(c.lines).toHaveLength(TOP_SERIES);
    expect(c.lines.some((l) => l.other)).toBe(false);
    expect(c.notDrawn).toEqual({ count: 2, combined: false });
  });

  it('draws two row dimensions as time along the axis and one line per value of the second', () => {
    const t = table({ measure: 'fatalities', rows: ['year', 'service'] }, [], [
      [['2018', 'military'], [], 4],
      [['2018', 'police'], [], 1],
      [['2019', 'military'], [], 6],
    ]);
    const c = crossTabChart(t, 'en', ref);
    expect(c.categories).toEqual(['2018', '2019']);
    expect(c.lines).toEqual([
      { name: 'Military', values: [4, 6], other: false },
      { name: 'Police', values: [1, null], other: false },
    ]);
    expect(c.seriesOf).toBe('service');
    // A line of the second dimension's value: every year's row of that value lights it.
    expect(c.links).toEqual(['service=military', 'service=police']);
  });
});
