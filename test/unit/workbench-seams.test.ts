import { describe, expect, it } from 'vitest';
import { latestOnly } from '../../renderer/src/store/latestOnly';
import { readViewHash, viewHash } from '../../renderer/src/views/viewHash';
import { DEFAULT_TREND_OPTIONS } from '../../shared/present/trend';
import { tableCsv, tableTsv } from '../../shared/present/tableExport';
import { lookups } from '../../shared/present/labels';
import { parseViewSpec, type CrossTab } from '../../shared/spec';

describe('only the latest request may write', () => {
  it('makes an earlier request stale when a newer one starts, and all of them on drop', () => {
    const requests = latestOnly();
    const first = requests.begin();
    expect(first()).toBe(true);
    const second = requests.begin();
    expect(first()).toBe(false);
    expect(second()).toBe(true);
    requests.drop();
    expect(second()).toBe(false);
  });
});

describe('the view in the URL hash', () => {
  const spec = { measure: 'fatalities' as const, rows: ['year' as const, 'mission' as const], where: { mission: ['MINUSMA', 'UNMISS'] }, from: '2015-01-01' };

  it('reads back what it wrote: spec, tab and chart settings', () => {
    const hash = viewHash({ spec, tab: 'trends', trend: { chart: 'stacked_area', average: 12, show: 'value', annotations: false } });
    const read = readViewHash(hash);
    expect(read.spec).toEqual(parseViewSpec(spec));
    expect(read.tab).toBe('trends');
    expect(read.trend).toEqual({ chart: 'stacked_area', average: 12, show: 'value', annotations: false });
  });

  it('leaves out what it does not understand rather than guessing', () => {
    expect(readViewHash('#tab=nowhere&spec=%7Bbroken&avg=5&chart=pie')).toEqual({ trend: {} });
    // A spec the engine would refuse (a measure without that dimension) is not loaded either.
    expect(readViewHash(`#spec=${encodeURIComponent(JSON.stringify({ measure: 'deployed', rows: ['incident_type'] }))}`).spec).toBeUndefined();
    expect(readViewHash(viewHash({ spec, tab: 'crossTab', trend: DEFAULT_TREND_OPTIONS })).trend).toEqual(DEFAULT_TREND_OPTIONS);
  });
});

describe('the table as text', () => {
  const parsed = parseViewSpec({ measure: 'fatalities', rows: ['mission'], cols: 'year' });
  const t: CrossTab = {
    spec: parsed,
    rowDims: ['mission'],
    colDim: 'year',
    colKeys: ['2018', '2019'],
    rows: [
      { key: ['=MINUSMA'], cells: [10, null], total: 10 },
      { key: ['UNMISS'], cells: [2, 3], total: 5 },
    ],
    colTotals: [12, 3],
    grandTotal: 15,
    blankReason: null,
    synthetic: false,
    sources: [],
    elapsedMs: 1,
  };
  const ref = lookups(null);

  it('copies the whole table with its totals, or only the selected rows, as TSV with formula-safe labels', () => {
    expect(tableTsv(t, 'en', ref)).toBe("Mission\t2018\t2019\tTotal\r\n'=MINUSMA\t10\t\t10\r\nUNMISS\t2\t3\t5\r\nTotal\t12\t3\t15\r\n");
    expect(tableTsv(t, 'en', ref, [1])).toBe('Mission\t2018\t2019\tTotal\r\nUNMISS\t2\t3\t5\r\n');
  });

  it('writes CSV with a blank for no data, never 0', () => {
    expect(tableCsv(t, 'zh', ref).split('\r\n')[1]).toBe("'=MINUSMA,10,,10");
  });
});

describe('a workspace switch', () => {
  it('resets every slice that holds answers computed from the old file, through the registry', async () => {
    const { useBluehelm } = await import('../../renderer/src/store');
    const { registeredResets, resetForNewWorkspace } = await import('../../renderer/src/store/resets');
    expect(registeredResets().sort()).toEqual(['annotations', 'figures', 'imports', 'packs', 'removal', 'savedViews', 'trend', 'view']);
    useBluehelm.setState({ trendError: 'old', figuresError: 'old', error: 'old', imports: [{} as never], removal: { error: 'old' }, savedViews: [{} as never], annotations: [{} as never] });
    resetForNewWorkspace(useBluehelm.getState());
    const s = useBluehelm.getState();
    expect([s.trendError, s.figuresError, s.error, s.imports, s.removal, s.savedViews, s.annotations]).toEqual([null, null, null, [], null, [], []]);
  });
});

describe('undo and redo', () => {
  it('step through changes of the view, and a new change forgets what was undone', async () => {
    const { useBluehelm } = await import('../../renderer/src/store');
    const s = () => useBluehelm.getState();
    s().setMeasure('fatalities');
    s().toggleRow('mission');
    s().setFilter('mission', ['MINUSMA']);
    expect(s().draft.where).toEqual({ mission: ['MINUSMA'] });
    s().undo();
    expect(s().draft.where).toEqual({});
    expect(s().draft.rows).toContain('mission');
    s().undo();
    expect(s().draft.rows).not.toContain('mission');
    s().redo();
    expect(s().draft.rows).toContain('mission');
    s().toggleRow('service');
    expect(s().future).toEqual([]);
    // A change that changes nothing is no step.
    const steps = s().past.length;
    s().setFilter('mission', []);
    expect(s().past.length).toBe(steps);
  });
});
