import type { CrossTab } from '../spec';
import { roundValue } from './format';
import type { Lookups } from './labels';
import type { Lang } from './lang';
import { csvField, safeCellText } from './safeText';
import { tableModel } from './table';

// The current table as it leaves the app: copied as TSV (pastes into Excel and PowerPoint as a table),
// saved as CSV, or laid out as a sheet. Labels as the grid shows them; numbers as numbers.

export type Cell = string | number | null;

/** The table's lines: the header, one line per row, then the totals (a one-number view is just its total). */
export function tableLines(t: CrossTab, lang: Lang, lookups: Lookups): { header: string[]; body: Cell[][]; totals: Cell[]; keyColumns: number } {
  const m = tableModel(t, lang, lookups);
  return {
    header: [...m.keyHeaders, ...m.valueHeaders],
    body: m.rows.map((r) => [...r.keys, ...r.values]),
    totals: [...m.totals.keys, ...m.totals.values],
    keyColumns: m.keyHeaders.length,
  };
}

/** A TSV field: numbers rounded as the grid shows them (a paste should look like the screen), text formula-safe on one line. */
function tsvField(v: Cell, t: CrossTab): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(roundValue(t.spec.measure, v) ?? '');
  return safeCellText(v.replace(/[\t\r\n]+/g, ' '));
}

/** Tab-separated lines; `rows` picks body lines by index (a selection), all of them when absent. The totals line comes only with the whole table. */
export function tableTsv(t: CrossTab, lang: Lang, lookups: Lookups, rows?: readonly number[]): string {
  const lines = tableLines(t, lang, lookups);
  const body = rows ? rows.map((i) => lines.body[i]).filter((l) => l !== undefined) : [...lines.body, lines.totals];
  return [lines.header, ...body].map((l) => l.map((v) => tsvField(v, t)).join('\t')).join('\r\n') + '\r\n';
}

/** The whole table as CSV (RFC 4180 line ends), numbers exactly as the engine computed them. */
export function tableCsv(t: CrossTab, lang: Lang, lookups: Lookups): string {
  const lines = tableLines(t, lang, lookups);
  return [lines.header, ...lines.body, lines.totals].map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
}
