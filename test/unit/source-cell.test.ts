import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../renderer/src/i18n/en.json';
import zh from '../../renderer/src/i18n/zh.json';
import { lookups } from '../../shared/present/labels';
import { gridModel, type GridRow } from '../../renderer/src/views/crossTab/gridModel';
import { describeCell } from '../../renderer/src/views/sourceRows/describeCell';
import { cellKind, sameView, sourceCellAt } from '../../renderer/src/views/sourceRows/sourceCell';
import { parseViewSpec, type CrossTab } from '../../shared/spec';

const spec = parseViewSpec({ measure: 'fatalities', rows: ['mission'], cols: 'year', where: { incident_type: ['Malicious Act'] } });
const table: CrossTab = {
  spec,
  rowDims: ['mission'],
  colDim: 'year',
  colKeys: ['2017', '2018'],
  rows: [
    { key: ['MINUSMA'], cells: [21, 11], total: 32 },
    { key: ['MONUSCO'], cells: [16, 8], total: 24 },
  ],
  colTotals: [37, 19],
  grandTotal: 56,
  blankReason: null,
  synthetic: true,
  sources: [],
  elapsedMs: 1,
};
const model = gridModel(table, 'en', lookups(null), 'Total');
const [minusma] = model.rowData;
const [totals] = model.totals;
const colIdOf = (header: string) => model.columnDefs.find((c) => c.headerName === header)!.colId!;

// The panel's words are looked up in the same files the app loads, so a missing key shows here.
const translate = (strings: object): TFunction =>
  ((key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], strings) ?? key) as TFunction;

describe('the number under a click', () => {
  it('is a value cell: its row key and its column key', () => {
    expect(sourceCellAt(table, minusma, colIdOf('2018'))).toEqual({ spec, rowKey: ['MINUSMA'], colKey: '2018', synthetic: true });
  });

  it('is a row total, a column total or the grand total', () => {
    expect(sourceCellAt(table, minusma, colIdOf('Total'))).toEqual({ spec, rowKey: ['MINUSMA'], synthetic: true });
    expect(sourceCellAt(table, totals, colIdOf('2017'))).toEqual({ spec, rowKey: [], colKey: '2017', synthetic: true });
    expect(sourceCellAt(table, totals, colIdOf('Total'))).toEqual({ spec, rowKey: [], synthetic: true });
  });

  it('is nothing on a key cell or outside a row', () => {
    expect(sourceCellAt(table, minusma, colIdOf('Mission'))).toBeNull();
    expect(sourceCellAt(table, undefined, colIdOf('2018'))).toBeNull();
    expect(sourceCellAt(table, { keys: ['MINUSMA'], cells: [], total: null } satisfies GridRow, 'c9')).toBeNull();
  });
});

describe('a cell in words', () => {
  it('names its kind', () => {
    expect(cellKind(sourceCellAt(table, minusma, colIdOf('2018'))!)).toBe('cell');
    expect(cellKind(sourceCellAt(table, minusma, colIdOf('Total'))!)).toBe('rowTotal');
    expect(cellKind(sourceCellAt(table, totals, colIdOf('2018'))!)).toBe('colTotal');
    expect(cellKind(sourceCellAt(table, totals, colIdOf('Total'))!)).toBe('grandTotal');
  });

  it('a view without a column: its only number per row is a cell', () => {
    expect(cellKind({ spec: parseViewSpec({ measure: 'fatalities', rows: ['year'] }), rowKey: ['2018'], synthetic: false })).toBe('cell');
  });

  it('says each dimension with its value, "all" where it is totalled, in English and Chinese', () => {
    const l = lookups({
      missions: [{ acronym: 'MINUSMA', name_en: 'UN Multidimensional Integrated Stabilization Mission in Mali', name_zh: '联合国马里多层面综合稳定特派团', short_zh: '马里稳定团', host: ['MLI'] }],
      countries: [],
      regions: {},
    });
    expect(describeCell(sourceCellAt(table, minusma, colIdOf('2018'))!, 'en', l, translate(en))).toEqual({ kind: 'Cell', keys: ['Mission: MINUSMA', 'Year: 2018'] });
    expect(describeCell(sourceCellAt(table, minusma, colIdOf('Total'))!, 'zh', l, translate(zh))).toEqual({ kind: '行合计', keys: ['特派团：马里稳定团(MINUSMA)', '年份：全部'] });
    expect(describeCell(sourceCellAt(table, totals, colIdOf('Total'))!, 'en', l, translate(en))).toEqual({ kind: 'Grand total', keys: ['Mission: all', 'Year: all'] });
  });
});

describe('the panel follows its table', () => {
  it('keeps a view computed again, and drops another', () => {
    expect(sameView(spec, parseViewSpec({ measure: 'fatalities', rows: ['mission'], cols: 'year', where: { incident_type: ['Malicious Act'] } }))).toBe(true);
    expect(sameView(spec, parseViewSpec({ measure: 'fatalities', rows: ['mission'], cols: 'year' }))).toBe(false);
  });
});
