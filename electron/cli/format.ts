import { explain, type Reconciliation } from '../../shared/reconcile';
import { phrase } from '../../shared/present/phrases';
import type { SourceRows } from '../core/query/drill';
import type { CrossTab } from '../../shared/spec';
import { csvField } from '../../shared/present/safeText';

export const SYNTHETIC_BANNER = '*** SYNTHETIC DEMO DATA — not UN figures; import the UN files into a workspace of your own ***';

/** A number for CSV, rounded as the other formats round it: a number field, never text (so -2 is not escaped as a formula). */
function csvNumber(v: number | null, decimals = 4): string {
  return v === null ? '' : csvField(Number(formatNumber(v, decimals)));
}

export function formatNumber(v: number | null, decimals = 4): string {
  if (v === null) return '';
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toFixed(decimals)));
}

type RateCells = NonNullable<CrossTab['rate']>;
type Interval = RateCells['grandTotal'];

/**
 * Header: row-dimension names, one column per column value, then total; last line starts with "total".
 * With `ci` (a rate's 95 % interval), each value column is followed by its low and high bounds.
 */
export function crossTabRows(t: CrossTab, decimals = 4, ci = false): string[][] {
  const rate = ci ? t.rate : undefined;
  const withCi = (name: string) => (rate ? [name, `${name}_low`, `${name}_high`] : [name]);
  const value = (v: number | null, i?: Interval) => (rate ? [formatNumber(v, decimals), formatNumber(i?.low ?? null, decimals), formatNumber(i?.high ?? null, decimals)] : [formatNumber(v, decimals)]);
  const head = [...(t.rowDims.length ? t.rowDims : [t.spec.measure]), ...[...t.colKeys, 'total'].flatMap(withCi)];
  const lines = t.rows.map((r, i) => [...r.key, ...r.cells.flatMap((c, j) => value(c, rate?.cells[i][j])), ...value(r.total, rate?.rowTotals[i])]);
  const pad = Array.from({ length: Math.max(0, t.rowDims.length - 1) }, () => '');
  const totals = ['total', ...pad, ...t.colTotals.flatMap((c, j) => value(c, rate?.colTotals[j])), ...value(t.grandTotal, rate?.grandTotal)];
  return [head, ...lines, totals];
}

/** The lines of crossTabRows: text cells formula-safe; value cells, numbers written by formatNumber, as they are (so -2 stays a number). */
export function crossTabCsv(t: CrossTab, ci = false): string {
  const keyCols = Math.max(1, t.rowDims.length);
  const [head, ...body] = crossTabRows(t, 4, ci);
  return [head.map(csvField), ...body.map((r) => r.map((c, i) => (i < keyCols ? csvField(c) : c)))].map((r) => r.join(',')).join('\n') + '\n';
}

/** The deaths a rate left out (their mission reported no deployments that month), said under the table. */
export function excludedDeathsNote(t: CrossTab): string | null {
  const n = t.rate?.grandTotal?.excluded ?? 0;
  return n > 0 ? phrase('excludedDeaths', 'en', { count: n }) : null;
}

export function crossTabTable(t: CrossTab, ci = false): string {
  const rows = crossTabRows(t, 2, ci).map((r) => r.map((c) => (c === '' ? '—' : c)));
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const keyCols = Math.max(1, t.rowDims.length);
  const line = (r: string[]) => r.map((c, i) => (i < keyCols ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const out = [line(rows[0]), rule, ...rows.slice(1, -1).map(line), rule, line(rows[rows.length - 1])];
  if (t.blankReason) out.push('', `— blank: ${phrase(`blank_${t.blankReason}`, 'en')}`);
  const excluded = excludedDeathsNote(t);
  if (excluded) out.push('', `— ${excluded} (per cell: --format json, rate.cells[].excluded)`);
  out.push('', `sources: ${t.sources.map((s) => `${s.fileName} (sha256 ${s.sha256.slice(0, 12)}…)`).join('; ') || 'none'}`);
  if (t.synthetic) out.unshift(SYNTHETIC_BANNER, '');
  return out.join('\n') + '\n';
}

function shorten(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1) + '…';
}

function aligned(rows: string[][], rightFrom: number): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i >= rightFrom && i < rightFrom + 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd());
}

export function reconciliationTable(r: Reconciliation): string {
  const head = ['status', 'figure', 'published', 'recomputed', 'diff', 'source'];
  const rows = r.figures.map((f) => [
    f.status === 'cannot_compute' ? 'cannot compute' : f.status,
    f.figure.id,
    formatNumber(f.figure.value, 2),
    f.recomputed === null ? '—' : formatNumber(f.recomputed, 2),
    f.difference === null ? '—' : (f.difference > 0 ? '+' : '') + formatNumber(f.difference, 2),
    `${f.figure.document.symbol ?? shorten(f.figure.document.title, 48)}, ${f.figure.document.locator} (${f.figure.document.date})`,
  ]);
  const lines = aligned([head, ...rows], 2);
  const notes = r.figures
    .filter((f) => f.reason || f.caveats.length)
    .map((f) => `  ${f.figure.id}: ${[f.reason, ...f.caveats.map((c) => explain(c, 'en'))].filter(Boolean).join('; ')}`);
  const out = [
    ...(r.synthetic ? [SYNTHETIC_BANNER, ''] : []),
    lines[0],
    '-'.repeat(lines[0].length),
    ...lines.slice(1),
    '',
    `${r.counts.matches} match, ${r.counts.differs} differ, ${r.counts.cannot_compute} cannot be computed (workspace ${r.workspace})`,
    ...(notes.length ? ['', 'Why:', ...notes] : []),
  ];
  return out.join('\n') + '\n';
}

export function reconciliationCsv(r: Reconciliation): string {
  const head = ['id', 'document', 'locator', 'date', 'published', 'recomputed', 'difference', 'status', 'reason'];
  const rows = r.figures.map((f) => [
    csvField(f.figure.id),
    csvField(f.figure.document.symbol ?? f.figure.document.title),
    csvField(f.figure.document.locator),
    csvField(f.figure.document.date),
    csvNumber(f.figure.value),
    csvNumber(f.recomputed),
    csvNumber(f.difference),
    csvField(f.status),
    csvField([f.reason, ...f.caveats.map((c) => explain(c, 'en'))].filter(Boolean).join('; ')),
  ]);
  return [head.map(csvField), ...rows].map((row) => row.join(',')).join('\n') + '\n';
}

const ROLE_TITLE = { rows: 'source rows', rate_deaths: 'deaths counted in the rate', rate_excluded_deaths: 'deaths left out of the rate (no deployment report that month)', rate_deployments: 'deployment reports in the rate' } as const;

/** The rows behind a cell, each ending with file:line, as an aligned table or CSV. */
export function sourceRowsText(part: SourceRows, format: 'table' | 'csv'): string {
  const cell = (v: string | number | null) => (v === null ? '' : String(v));
  if (format === 'csv') return [part.columns, ...part.rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
  const head = [...part.columns.slice(0, -2), 'source'];
  const rows = part.rows.map((r) => [...r.slice(0, -2).map(cell), `${r[r.length - 2]}:${r[r.length - 1]}`]);
  const shown = part.truncated ? `, showing the first ${part.rows.length}` : '';
  return [`${ROLE_TITLE[part.role]}: ${part.total} (${part.subject}${shown})`, ...(rows.length ? aligned([head, ...rows], head.length) : [])].join('\n') + '\n';
}
