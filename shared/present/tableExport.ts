import type { CrossTab } from '../spec';
import { roundShown } from './format';
import type { Lookups } from './labels';
import type { Lang } from './lang';
import { DEFAULT_PIVOT_OPTIONS, shownOf, type PivotLine, type ShowAs } from './pivot';
import { csvField, safeCellText } from './safeText';
import { pivotTable, type PivotView } from './table';

// The current table as it leaves the app: copied as TSV (pastes into Excel and PowerPoint as a table),
// saved as CSV, or laid out as a sheet. The lines the grid shows (groups with their subtotals, "Other",
// values as shown), labels as the grid shows them; numbers as numbers.

export type Cell = string | number | null;

const PLAIN: PivotView = { options: DEFAULT_PIVOT_OPTIONS };

/** The table's lines: the header, one line per row on screen, then the totals (a one-number view is just its total). */
export function tableLines(
  t: CrossTab,
  lang: Lang,
  lookups: Lookups,
  view: PivotView = PLAIN,
): {
  header: string[];
  body: Cell[][];
  kinds: PivotLine['kind'][];
  /** The engine's keys of each body line (a group's are fewer than the row dimensions). */
  keys: string[][];
  totals: Cell[];
  keyColumns: number;
  shown: ReturnType<typeof shownOf>;
  showAs: ShowAs;
  /** The base column's index among the value columns, for a difference. */
  base: number | null;
} {
  const m = pivotTable(t, lang, lookups, view);
  return {
    header: [...m.keyHeaders, ...m.valueHeaders],
    body: m.lines.map((l) => [...l.keys, ...l.values]),
    kinds: m.lines.map((l) => l.line.kind),
    keys: m.lines.map((l) => l.line.keys),
    totals: [...m.totals.keys, ...m.totals.values],
    keyColumns: m.keyHeaders.length,
    shown: shownOf(t, m.pivot),
    showAs: m.pivot.showAs,
    base: m.pivot.base,
  };
}

/** Tab-separated lines; `rows` picks body lines by index (a selection), all of them when absent. The totals line comes only with the whole table. */
export function tableTsv(t: CrossTab, lang: Lang, lookups: Lookups, rows?: readonly number[], view: PivotView = PLAIN): string {
  const lines = tableLines(t, lang, lookups, view);
  const body = rows ? rows.map((i) => lines.body[i]).filter((l) => l !== undefined) : [...lines.body, lines.totals];
  // Numbers rounded as the grid shows them (a paste should look like the screen), text formula-safe on one line.
  const field = (v: Cell) => (v === null ? '' : typeof v === 'number' ? String(roundShown(lines.shown, v) ?? '') : safeCellText(v.replace(/[\t\r\n]+/g, ' ')));
  return [lines.header, ...body].map((l) => l.map(field).join('\t')).join('\r\n') + '\r\n';
}

/** The whole table as CSV (RFC 4180 line ends), numbers exactly as computed. */
export function tableCsv(t: CrossTab, lang: Lang, lookups: Lookups, view: PivotView = PLAIN): string {
  const lines = tableLines(t, lang, lookups, view);
  return [lines.header, ...lines.body, lines.totals].map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
}
