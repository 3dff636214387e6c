import type { CrossTab } from '../spec';
import { dimensionLabel, measureLabel, valueText, type Lookups, type ValueText } from './labels';
import { pivot, visibleLines, type Pivot, type PivotLine, type PivotOptions } from './pivot';
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

/** How the analyst looks at the table: the pivot options, the groups they folded among them. */
export interface PivotView {
  options: PivotOptions;
}

export interface PivotTableLine {
  line: PivotLine;
  /** One text per row dimension: a line's own label at its depth, '' elsewhere (an outer label is shown once, on its group). */
  keys: string[];
  /** The shown numbers, one per column key, then the total. */
  values: (number | null)[];
}

/** The pivot as labelled lines: what the grid draws, and what a copy, a CSV and a workbook hold, line for line. */
export interface PivotTable {
  pivot: Pivot;
  keyHeaders: string[];
  valueHeaders: string[];
  /** The lines on screen (lines of folded groups left out). */
  lines: PivotTableLine[];
  totals: { keys: string[]; values: (number | null)[] };
}

/** The label of a pivot line at its depth: an "Other" says how many values it combines. */
export function lineLabel(t: CrossTab, line: PivotLine, lang: Lang, lookups: Lookups): ValueText {
  if (line.kind === 'other') return { text: `${phrase('other', lang)} (${line.combined})` };
  return valueText(t.rowDims[line.depth], line.keys[line.depth], lang, lookups);
}

export function pivotTable(t: CrossTab, lang: Lang, lookups: Lookups, view: PivotView): PivotTable {
  const p = pivot(t, view.options, { label: (d, k) => valueText(d, k, lang, lookups).text, missions: lookups.missions });
  const keyHeaders = t.rowDims.length ? t.rowDims.map((d) => dimensionLabel(d, lang)) : [measureLabel(t.spec.measure, lang)];
  const colDim = t.colDim;
  const valueHeaders = [...(colDim ? t.colKeys.map((k) => valueText(colDim, k, lang, lookups).text) : []), phrase('total', lang)];
  const shown = (l: PivotLine) => l.cells.map((c) => c.shown);
  const lines = visibleLines(p, view.options.fold).map((line) => ({
    line,
    keys: keyHeaders.map((_, i) => (i === line.depth ? lineLabel(t, line, lang, lookups).text : '')),
    values: shown(line),
  }));
  const pad = Array.from({ length: Math.max(0, keyHeaders.length - 1) }, () => '');
  return { pivot: p, keyHeaders, valueHeaders, lines, totals: { keys: [phrase('total', lang), ...pad], values: shown(p.grand) } };
}
