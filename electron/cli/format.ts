import type { CrossTab } from '../../shared/spec';

export const SYNTHETIC_BANNER = '*** SYNTHETIC DEMO DATA — not UN figures; import the UN files into a workspace of your own ***';

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function formatNumber(v: number | null, decimals = 4): string {
  if (v === null) return '';
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toFixed(decimals)));
}

/** Header: row-dimension names, one column per column value, then total; last line starts with "total". */
export function crossTabRows(t: CrossTab, decimals = 4): string[][] {
  const head = [...(t.rowDims.length ? t.rowDims : [t.spec.measure]), ...t.colKeys, 'total'];
  const lines = t.rows.map((r) => [...r.key, ...r.cells.map((c) => formatNumber(c, decimals)), formatNumber(r.total, decimals)]);
  const pad = Array.from({ length: Math.max(0, t.rowDims.length - 1) }, () => '');
  const totals = ['total', ...pad, ...t.colTotals.map((c) => formatNumber(c, decimals)), formatNumber(t.grandTotal, decimals)];
  return [head, ...lines, totals];
}

export function crossTabCsv(t: CrossTab): string {
  return crossTabRows(t).map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

export function crossTabTable(t: CrossTab): string {
  const rows = crossTabRows(t, 2).map((r) => r.map((c) => (c === '' ? '—' : c)));
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const keyCols = Math.max(1, t.rowDims.length);
  const line = (r: string[]) => r.map((c, i) => (i < keyCols ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const out = [line(rows[0]), rule, ...rows.slice(1, -1).map(line), rule, line(rows[rows.length - 1])];
  if (t.blankReason) out.push('', `— blank: ${t.blankReason}`);
  out.push('', `sources: ${t.sources.map((s) => `${s.fileName} (sha256 ${s.sha256.slice(0, 12)}…)`).join('; ') || 'none'}`);
  if (t.synthetic) out.unshift(SYNTHETIC_BANNER, '');
  return out.join('\n') + '\n';
}
