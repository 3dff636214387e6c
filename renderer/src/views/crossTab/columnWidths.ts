import type { CrossTab } from '../../../../shared/spec';
import { formatValue } from '../../../../shared/present/format';
import type { Lookups } from '../../../../shared/present/labels';
import type { Lang } from '../../../../shared/present/lang';
import { tableModel } from '../../../../shared/present/table';
import { TOTAL_COL_ID, valueColId } from './gridModel';

// Column widths from the labels' and numbers' own text, measured on a canvas. AG Grid's autosize clones
// every cell into the page and measures it, which forced a layout per column and cost most of the time
// from a change to the new numbers (about 70 ms of 110–170 ms on the real files).

/** Room around the text: the cell's padding, and in a header also the sort arrow and the resize handle. */
const CELL_PADDING = 30;
const HEADER_PADDING = 46;
/** Only the longest few texts of a column are measured: width follows length closely enough to pick them. */
const MEASURED_PER_COLUMN = 4;

let canvas: HTMLCanvasElement | null = null;

function measure(text: string, font: string): number {
  canvas ??= document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  ctx.font = font;
  return ctx.measureText(text).width;
}

const longest = (texts: string[]) => [...new Set(texts)].sort((a, b) => b.length - a.length).slice(0, MEASURED_PER_COLUMN);

/** The width each column needs for its header and its widest cell, in the grid's font (bold, as totals are). */
export function columnWidths(t: CrossTab, lang: Lang, lookups: Lookups, totalLabel: string, fontFamily: string, fontSize = 13): { key: string; newWidth: number }[] {
  const m = tableModel(t, lang, lookups);
  const cellFont = `600 ${fontSize}px ${fontFamily}`;
  const fmt = (v: number | null) => formatValue(t.spec.measure, v, lang);
  const lines = [...m.rows, m.totals];
  const width = (header: string, texts: string[]) =>
    Math.ceil(Math.max(measure(header, cellFont) + HEADER_PADDING, ...longest(texts).map((x) => measure(x, cellFont) + CELL_PADDING)));
  const keyCols = m.keyHeaders.map((h, i) => ({ key: `k${i}`, newWidth: width(h, [...m.rows.map((r) => r.keys[i]), i === 0 ? totalLabel : '']) }));
  const valueCount = m.valueHeaders.length;
  const valueCols = m.valueHeaders.map((h, j) => ({
    key: j === valueCount - 1 ? TOTAL_COL_ID : valueColId(j),
    newWidth: width(h, lines.map((l) => fmt(l.values[j]))),
  }));
  return [...keyCols, ...valueCols];
}
