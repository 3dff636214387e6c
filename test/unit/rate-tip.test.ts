import { describe, expect, it } from 'vitest';
import { PHRASES } from '../../shared/present/phrases';
import { gridModel } from '../../renderer/src/views/crossTab/gridModel';
import { lookups } from '../../shared/present/labels';
import { parseViewSpec, type CrossTab } from '../../shared/spec';

// MINUSMA in 2021 with 5 deaths counted over 2,200 person-months, and one death left out.
const cell = { deaths: 5, excluded: 1, low: 8.87, high: 63.6 };
const table: CrossTab = {
  spec: parseViewSpec({ measure: 'fatality_rate', rows: ['mission'], cols: 'year' }),
  rowDims: ['mission'],
  colDim: 'year',
  colKeys: ['2021'],
  rows: [{ key: ['MINUSMA'], cells: [27.27], total: 27.27 }],
  colTotals: [27.27],
  grandTotal: 27.27,
  blankReason: null,
  rate: { cells: [[cell]], rowTotals: [cell], colTotals: [cell], grandTotal: cell },
  synthetic: false,
  sources: [],
  elapsedMs: 1,
};

describe('a rate cell says what stands behind it', () => {
  it('its tooltip gives the interval, the deaths counted and those left out; totals too', () => {
    const model = gridModel(table, 'en', lookups(null), 'Total', (c) => `${c.low}–${c.high} · ${c.deaths} · ${c.excluded}`);
    const tip = (colId: string, row: (typeof model.rowData)[number]) => {
      const def = model.columnDefs.find((d) => d.colId === colId)!;
      return (def.tooltipValueGetter as (p: { data: typeof row }) => string)({ data: row });
    };
    expect(tip('c0', model.rowData[0])).toBe('8.87–63.6 · 5 · 1');
    expect(tip('total', model.totals[0])).toBe('8.87–63.6 · 5 · 1');
  });

  it('a table without rate detail has no such tooltip', () => {
    const model = gridModel({ ...table, rate: undefined }, 'en', lookups(null), 'Total', () => 'never');
    // (Every number column has a tooltip getter: a blank cell says why it is blank; a number without rate detail says nothing.)
    const getter = model.columnDefs.find((d) => d.colId === 'c0')!.tooltipValueGetter as (p: { data: (typeof model.rowData)[number] }) => string | undefined;
    expect(getter({ data: model.rowData[0] })).toBeUndefined();
  });

  it('both languages word the note and the tooltip', () => {
    for (const lang of ['en', 'zh'] as const) {
      expect(PHRASES.excludedDeaths[lang]).toContain('{count}');
      for (const k of ['{low}', '{high}', '{deaths}', '{excluded}']) expect(PHRASES.rateInterval[lang]).toContain(k);
    }
  });
});
