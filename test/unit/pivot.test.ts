import { describe, expect, it } from 'vitest';
import { FOLD_ALL, heatClass, pivot, pivotOptionsSchema, showAsFor, toggleFold, visibleLines, DEFAULT_PIVOT_OPTIONS, type PivotOptions } from '../../shared/present/pivot';
import { formatShown, spreadsheetShownFormat } from '../../shared/present/format';
import { lookups } from '../../shared/present/labels';
import { pivotTable } from '../../shared/present/table';
import { tableCsv, tableTsv } from '../../shared/present/tableExport';
import { parseViewSpec, type CrossTab } from '../../shared/spec';

// A fatalities table by mission × service over two years, shaped as the engine returns it: leaves, and
// each mission's subtotal (which for a count is the sum of its leaves).
function table(measure: 'fatalities' | 'fatality_rate' = 'fatalities'): CrossTab {
  return {
    spec: parseViewSpec({ measure, rows: ['mission', 'service'], cols: 'year' }),
    rowDims: ['mission', 'service'],
    colDim: 'year',
    colKeys: ['2012', '2018'],
    rows: [
      { key: ['MINUSMA', 'civilian'], cells: [0, 4], total: 4 },
      { key: ['MINUSMA', 'military'], cells: [0, 20], total: 20 },
      { key: ['UNIFIL', 'civilian'], cells: [1, 1], total: 2 },
      { key: ['UNIFIL', 'military'], cells: [3, 2], total: 5 },
      { key: ['UNIFIL', 'police'], cells: [0, 1], total: 1 },
    ],
    subtotals: [
      {
        depth: 1,
        rows: [
          { key: ['MINUSMA'], cells: [0, 24], total: 24 },
          { key: ['UNIFIL'], cells: [4, 4], total: 8 },
        ],
      },
    ],
    colTotals: [4, 28],
    grandTotal: 32,
    blankReason: null,
    synthetic: false,
    sources: [],
    elapsedMs: 1,
  };
}

const opts = (o: Partial<PivotOptions>): PivotOptions => ({ ...DEFAULT_PIVOT_OPTIONS, ...o });
const shown = (p: ReturnType<typeof pivot>, id: string) => p.lines.find((l) => l.id === id)!.cells.map((c) => c.shown);
const MINUSMA = JSON.stringify(['MINUSMA']);
const UNIFIL = JSON.stringify(['UNIFIL']);
// MINUSMA was established on 25 April 2013: its 2012 is "not deployed", not 0.
const missions = new Map([['MINUSMA', { start: '2013-04-25', end: '2023-12-31' }]]);

describe('the pivot of a two-level cross-tab', () => {
  it('nests the leaves under their groups, each group carrying the engine’s subtotal, largest total first', () => {
    const p = pivot(table(), DEFAULT_PIVOT_OPTIONS);
    expect(p.lines.map((l) => [l.kind, l.depth, l.keys.join('/')])).toEqual([
      ['group', 0, 'MINUSMA'],
      ['leaf', 1, 'MINUSMA/military'],
      ['leaf', 1, 'MINUSMA/civilian'],
      ['group', 0, 'UNIFIL'],
      ['leaf', 1, 'UNIFIL/military'],
      ['leaf', 1, 'UNIFIL/civilian'],
      ['leaf', 1, 'UNIFIL/police'],
    ]);
    expect(shown(p, MINUSMA)).toEqual([0, 24, 24]);
    expect(p.grand.cells.map((c) => c.shown)).toEqual([4, 28, 32]);
  });

  it('takes a group’s numbers from the engine, not from adding its leaves (a rate’s subtotal is its own rate)', () => {
    const t = table('fatality_rate');
    t.subtotals![0].rows[1] = { key: ['UNIFIL'], cells: [0.5, 0.7], total: 0.61 };
    expect(shown(pivot(t, DEFAULT_PIVOT_OPTIONS), UNIFIL)).toEqual([0.5, 0.7, 0.61]);
    expect(() => pivot({ ...t, subtotals: undefined }, DEFAULT_PIVOT_OPTIONS)).toThrow(/no subtotal/);
  });

  it('shows % of row summing to 100 on every line, % of column and % of total', () => {
    const row = pivot(table(), opts({ showAs: 'pct_row' }));
    for (const l of row.lines) expect(l.cells[0].shown! + l.cells[1].shown!).toBeCloseTo(l.cells[2].shown!, 9);
    expect(shown(row, UNIFIL)).toEqual([50, 50, 100]);
    expect(row.unit).toBe('percent');
    const col = pivot(table(), opts({ showAs: 'pct_col' }));
    expect(shown(col, UNIFIL)).toEqual([100, (4 / 28) * 100, 25]);
    const all = pivot(table(), opts({ showAs: 'pct_total' }));
    expect(all.grand.cells[2].shown).toBe(100);
    expect(shown(all, MINUSMA)[2]).toBe(75);
  });

  it('shows the difference and % difference from a base column, leaving the base and the total blank with why', () => {
    const diff = pivot(table(), opts({ showAs: 'diff', base: '2012' }));
    expect(shown(diff, UNIFIL)).toEqual([null, 0, null]);
    expect(diff.lines.find((l) => l.id === UNIFIL)!.cells.map((c) => c.blank)).toEqual(['is_base', undefined, 'not_compared']);
    const pct = pivot(table(), opts({ showAs: 'pct_diff', base: '2012' }));
    expect(shown(pct, JSON.stringify(['UNIFIL', 'military']))[1]).toBeCloseTo(((2 - 3) / 3) * 100, 9);
    // A base of 0 has no percentage difference.
    expect(shown(pct, JSON.stringify(['UNIFIL', 'police']))[1]).toBeNull();
  });

  it('ranks each line among its siblings, 1 for the largest, ties sharing a rank', () => {
    const p = pivot(table(), opts({ showAs: 'rank' }));
    expect(shown(p, MINUSMA)).toEqual([2, 1, 1]);
    expect(shown(p, JSON.stringify(['UNIFIL', 'civilian']))).toEqual([2, 2, 2]);
    expect(shown(p, JSON.stringify(['UNIFIL', 'police']))).toEqual([3, 2, 3]);
    expect(p.unit).toBe('rank');
  });

  it('keeps the top N of each level with an “Other” that brings the lines back to their parent’s total', () => {
    const p = pivot(table(), opts({ top: 1 }));
    expect(p.lines.map((l) => [l.kind, l.keys.join('/'), l.combined])).toEqual([
      ['group', 'MINUSMA', undefined],
      ['leaf', 'MINUSMA/military', undefined],
      ['other', 'MINUSMA/', 1],
      ['other', '', 1],
    ]);
    expect(shown(p, `${JSON.stringify(['MINUSMA', ''])}+other`)).toEqual([0, 4, 4]);
    expect(shown(p, `${JSON.stringify([''])}+other`)).toEqual([4, 4, 8]);
    const top = p.lines.filter((l) => l.depth === 0).reduce((s, l) => s + l.cells[2].shown!, 0);
    expect(top).toBe(p.grand.cells[2].shown);
    // A rate does not add up: its "Other" cannot be derived from the totals, and says so.
    const rate = pivot(table('fatality_rate'), opts({ top: 1 }));
    expect(rate.lines.at(-1)!.cells.map((c) => c.blank)).toEqual(['not_additive', 'not_additive', 'not_additive']);
  });

  it('sorts siblings by any column either way, blanks last, and time in time order by default', () => {
    const asc = pivot(table(), opts({ sort: { by: 'column', key: '2012', desc: false } }));
    expect(asc.lines.filter((l) => l.depth === 0).map((l) => l.keys[0])).toEqual(['MINUSMA', 'UNIFIL']);
    expect(asc.lines.filter((l) => l.keys[0] === 'UNIFIL' && l.depth === 1).map((l) => l.keys[1])).toEqual(['police', 'civilian', 'military']);
    const byLabel = pivot(table(), opts({ sort: { by: 'label', desc: true } }));
    expect(byLabel.lines.map((l) => l.keys.join('/'))[0]).toBe('UNIFIL');
    const years: CrossTab = { ...table(), rowDims: ['year'], colDim: null, colKeys: [], subtotals: undefined, rows: [
      { key: ['2018'], cells: [], total: 28 },
      { key: ['2012'], cells: [], total: 4 },
    ] };
    expect(pivot(years, DEFAULT_PIVOT_OPTIONS).lines.map((l) => l.keys[0])).toEqual(['2012', '2018']);
  });

  it('tells a mission not yet deployed from a real 0, with the reason, and leaves a real 0 alone', () => {
    const p = pivot(table(), DEFAULT_PIVOT_OPTIONS, { missions });
    const civ = p.lines.find((l) => l.id === JSON.stringify(['MINUSMA', 'civilian']))!;
    expect(civ.cells[0]).toEqual({ value: 0, shown: null, blank: 'not_deployed' });
    expect(p.lines.find((l) => l.id === MINUSMA)!.cells[0].blank).toBe('not_deployed');
    expect(p.lines.find((l) => l.id === JSON.stringify(['UNIFIL', 'police']))!.cells[0]).toEqual({ value: 0, shown: 0 });
  });

  it('blanks a 0 outside the mandate of the missions the view is filtered to, cell for cell as the trend chart clips it', async () => {
    const { buildTrend, clipToMandates } = await import('../../shared/present/trend');
    // By service and year, filtered to MINUSMA: no mission among the dimensions, the filter's mandate speaks for every line.
    const t: CrossTab = {
      ...table(),
      spec: parseViewSpec({ measure: 'fatalities', rows: ['service'], cols: 'year', where: { mission: ['MINUSMA'] } }),
      rowDims: ['service'],
      subtotals: undefined,
      rows: [
        { key: ['civilian'], cells: [0, 4], total: 4 },
        { key: ['military'], cells: [0, 20], total: 20 },
      ],
      colTotals: [0, 24],
      grandTotal: 24,
    };
    const p = pivot(t, DEFAULT_PIVOT_OPTIONS, { missions });
    expect(p.lines.map((l) => l.cells.map((c) => c.blank ?? c.shown))).toEqual([
      ['not_deployed', 20, 20],
      ['not_deployed', 4, 4],
    ]);
    // The trend of the same view blanks the same cells.
    const turned: CrossTab = {
      ...t,
      spec: parseViewSpec({ ...t.spec, rows: ['year'], cols: 'service' }),
      rowDims: ['year'],
      colDim: 'service',
      colKeys: ['civilian', 'military'],
      rows: [
        { key: ['2012'], cells: [0, 0], total: 0 },
        { key: ['2018'], cells: [4, 20], total: 24 },
      ],
      colTotals: [4, 20],
    };
    const trend = clipToMandates(buildTrend({ time: 'year', series: 'service' }, turned, ['civilian', 'military'], null, 0), missions);
    expect(trend.times).toEqual(['2012', '2013', '2014', '2015', '2016', '2017', '2018']);
    expect(trend.outside?.lines.map((l) => [l[0], l[6]])).toEqual([
      [true, false],
      [true, false],
    ]);
    // Unfiltered, nothing says the services were not there in 2012: a 0 is a 0.
    expect(pivot({ ...t, spec: parseViewSpec({ ...t.spec, where: {} }) }, DEFAULT_PIVOT_OPTIONS, { missions }).lines[0].cells[0]).toEqual({ value: 0, shown: 0 });
  });

  it('folds a group’s lines away, and colours cells in five classes of one hue', () => {
    const p = pivot(table(), DEFAULT_PIVOT_OPTIONS);
    const shown = (fold: Parameters<typeof visibleLines>[1]) => visibleLines(p, fold).map((l) => l.keys.join('/'));
    expect(shown({ groups: [['MINUSMA']] })).toEqual(['MINUSMA', 'UNIFIL', 'UNIFIL/military', 'UNIFIL/civilian', 'UNIFIL/police']);
    // "Fold all" with UNIFIL opened again: the same groups shown, written the other way round.
    expect(shown({ all: true, groups: [['UNIFIL']] })).toEqual(shown({ groups: [['MINUSMA']] }));
    expect(shown(FOLD_ALL)).toEqual(['MINUSMA', 'UNIFIL']);
    expect(shown(undefined)).toHaveLength(p.lines.length);
    // Opening the last folded group leaves no fold at all (the address then says nothing of it); after "Fold all", one opened is an exception.
    expect(toggleFold({ groups: [['MINUSMA']] }, ['MINUSMA'])).toBeUndefined();
    expect(toggleFold(undefined, ['UNIFIL'])).toEqual({ groups: [['UNIFIL']] });
    expect(toggleFold(FOLD_ALL, ['UNIFIL'])).toEqual({ all: true, groups: [['UNIFIL']] });
    const leaf = p.lines.find((l) => l.id === JSON.stringify(['MINUSMA', 'military']))!;
    expect(heatClass(p, leaf, 1)).toBe(5);
    expect(heatClass(p, p.lines.find((l) => l.id === JSON.stringify(['UNIFIL', 'police']))!, 0)).toBe(1);
    // Totals and subtotals are not coloured: they would dwarf the cells.
    expect(heatClass(p, leaf, 2)).toBe(0);
    expect(heatClass(p, p.lines[0], 1)).toBe(0);
  });

  it('offers only the ways of showing that make sense for the measure and the table', () => {
    expect(showAsFor(table())).toEqual(['value', 'pct_row', 'pct_col', 'pct_total', 'diff', 'pct_diff', 'rank']);
    expect(showAsFor(table('fatality_rate'))).toEqual(['value', 'diff', 'pct_diff', 'rank']);
    expect(showAsFor({ ...table(), colDim: null })).toEqual(['value', 'pct_total', 'rank']);
    expect(pivotOptionsSchema.parse({})).toEqual(DEFAULT_PIVOT_OPTIONS);
    expect(pivotOptionsSchema.safeParse({ showAs: 'median' }).success).toBe(false);
  });
});

describe('the pivot as it leaves the app', () => {
  const ref = lookups(null);

  it('lays out the outer label once, on its group line, with the subtotals, in the grid, the copy and the CSV alike', () => {
    const view = { options: opts({ showAs: 'pct_row' }) };
    const m = pivotTable(table(), 'en', ref, view);
    expect(m.lines.slice(0, 3).map((l) => l.keys)).toEqual([['MINUSMA', ''], ['', 'Military'], ['', 'Civilian']]);
    const tsv = tableTsv(table(), 'en', ref, undefined, view).split('\r\n');
    expect(tsv[0]).toBe('Mission\tService\t2012\t2018\tTotal');
    expect(tsv[1]).toBe('MINUSMA\t\t0\t100\t100');
    expect(tsv[4]).toBe('UNIFIL\t\t50\t50\t100');
    expect(tsv.at(-2)).toBe('Total\t\t12.5\t87.5\t100');
    const csv = tableCsv(table(), 'en', ref, { options: opts({ top: 1, fold: { groups: [['MINUSMA']] } }) }).split('\r\n');
    // MINUSMA folded hides its lines and its "Other"; the top level's "Other" stays.
    expect(csv.slice(1, 3)).toEqual(['MINUSMA,,0,24,24', 'Other (1),,4,4,8']);
  });

  it('writes shares with one decimal and differences with their sign, localised', () => {
    expect(formatShown({ measure: 'fatalities', unit: 'percent', signed: false }, 12.345, 'en')).toBe('12.3%');
    expect(formatShown({ measure: 'fatalities', unit: 'measure', signed: true }, 1234, 'zh')).toBe('+1,234');
    expect(formatShown({ measure: 'deployed', unit: 'measure', signed: false }, 15040.64, 'en')).toBe('15,040.6');
    expect(formatShown({ measure: 'fatalities', unit: 'rank', signed: false }, null, 'en')).toBe('—');
    expect(spreadsheetShownFormat({ measure: 'fatalities', unit: 'percent', signed: true })).toBe('+#,##0.0"%";-#,##0.0"%";0');
  });
});

describe('the pivot options in the view’s address', () => {
  const spec = { measure: 'fatalities' as const, rows: ['mission' as const, 'service' as const], cols: 'year' as const };

  it('reads back what it wrote, leaves the default out, and refuses what it does not understand', async () => {
    const { readViewHash, viewHash } = await import('../../renderer/src/views/viewHash');
    const { DEFAULT_TREND_OPTIONS } = await import('../../shared/present/trend');
    const pivot = opts({ showAs: 'pct_diff', base: '2018', top: 5, sort: { by: 'column', key: '2019', desc: false }, heat: true, fold: { all: true, groups: [['MINUSMA']] } });
    expect(readViewHash(viewHash({ spec, tab: 'crossTab', trend: DEFAULT_TREND_OPTIONS, pivot })).pivot).toEqual(pivot);
    expect(viewHash({ spec, tab: 'crossTab', trend: DEFAULT_TREND_OPTIONS, pivot: DEFAULT_PIVOT_OPTIONS })).not.toContain('pivot');
    expect(readViewHash(`#pivot=${encodeURIComponent(JSON.stringify({ showAs: 'median' }))}`).pivot).toBeUndefined();
    expect(readViewHash('#pivot=%7Bbroken').pivot).toBeUndefined();
  });
});

describe('a click on a line of the pivot', () => {
  it('traces a group’s subtotal as a cell of the view grouped by the group’s levels; “Other” has no rows of its own', async () => {
    const { gridModel } = await import('../../renderer/src/views/crossTab/gridModel');
    const { sourceCellAt } = await import('../../renderer/src/views/sourceRows/sourceCell');
    const t = table();
    const model = gridModel(t, 'en', lookups(null), 'Total', undefined, { options: opts({ top: 1 }) });
    const group = model.rowData.find((r) => r.line?.kind === 'group')!;
    expect(sourceCellAt(t, group, 'c1')).toEqual({ spec: { ...t.spec, rows: ['mission'] }, rowKey: ['MINUSMA'], colKey: '2018', synthetic: false });
    const leaf = model.rowData.find((r) => r.line?.kind === 'leaf')!;
    expect(sourceCellAt(t, leaf, 'total')).toEqual({ spec: t.spec, rowKey: ['MINUSMA', 'military'], synthetic: false });
    expect(sourceCellAt(t, model.rowData.find((r) => r.line?.kind === 'other'), 'c0')).toBeNull();
  });
});

describe('sorting by a header’s click', () => {
  it('sorts numbers largest first, labels A to Z; a second click reverses, a third returns to the default', async () => {
    const { nextSort, effectiveSort } = await import('../../shared/present/pivot');
    const first = nextSort(undefined, { by: 'column', key: '2018' });
    expect(first).toEqual({ by: 'column', key: '2018', desc: true });
    const second = nextSort(first, { by: 'column', key: '2018' });
    expect(second).toEqual({ by: 'column', key: '2018', desc: false });
    expect(nextSort(second, { by: 'column', key: '2018' })).toBeUndefined();
    expect(nextSort(second, { by: 'label' })).toEqual({ by: 'label', desc: false });
    expect(effectiveSort({ rowDims: ['year'] }, DEFAULT_PIVOT_OPTIONS)).toEqual({ by: 'label', desc: false });
    expect(effectiveSort({ rowDims: ['mission'] }, DEFAULT_PIVOT_OPTIONS)).toEqual({ by: 'total', desc: true });
  });
});

describe('undo and redo', () => {
  it('step back and forth through changes of how values are shown, interleaved with changes of the view', async () => {
    const { useBluehelm } = await import('../../renderer/src/store');
    const s = () => useBluehelm.getState();
    useBluehelm.setState({ past: [], future: [] });
    s().setPivotOptions({ showAs: 'pct_row' });
    s().setCols('year');
    s().setPivotOptions({ top: 5 });
    // Setting what is already set is no step.
    s().setPivotOptions({ top: 5 });
    expect(s().past).toHaveLength(3);
    s().undo();
    expect([s().pivotOptions.top, s().draft.cols]).toEqual([0, 'year']);
    s().undo();
    expect([s().pivotOptions.showAs, s().draft.cols]).toEqual(['pct_row', null]);
    s().undo();
    expect(s().pivotOptions.showAs).toBe('value');
    s().redo();
    s().redo();
    s().redo();
    expect([s().pivotOptions.showAs, s().pivotOptions.top, s().draft.cols]).toEqual(['pct_row', 5, 'year']);
  });
});
