import type { CrossTab } from '../spec';
import { dimensionLabel, measureLabel, valueText, type Lookups } from './labels';
import type { Lang } from './lang';
import { phrase } from './phrases';

/** A cross-tab as a labelled table: what a slide's table, a PDF table and a spreadsheet sheet show. */
export interface TableModel {
  /** Headers of the key columns (the row dimensions, or the measure for a single total). */
  keyHeaders: string[];
  /** Headers of the value columns: one per column key, then Total. */
  valueHeaders: string[];
  rows: { keys: string[]; values: (number | null)[] }[];
  totals: { keys: string[]; values: (number | null)[] };
}

export function tableModel(t: CrossTab, lang: Lang, lookups: Lookups): TableModel {
  const keyHeaders = t.rowDims.length ? t.rowDims.map((d) => dimensionLabel(d, lang)) : [measureLabel(t.spec.measure, lang)];
  const colDim = t.colDim;
  const valueHeaders = [...(colDim ? t.colKeys.map((k) => valueText(colDim, k, lang, lookups).text) : []), phrase('total', lang)];
  const rows = t.rows.map((r) => ({
    keys: r.key.map((k, i) => valueText(t.rowDims[i], k, lang, lookups).text),
    values: [...(colDim ? r.cells : []), r.total],
  }));
  const pad = Array.from({ length: Math.max(0, keyHeaders.length - 1) }, () => '');
  return { keyHeaders, valueHeaders, rows, totals: { keys: [phrase('total', lang), ...pad], values: [...(colDim ? t.colTotals : []), t.grandTotal] } };
}
