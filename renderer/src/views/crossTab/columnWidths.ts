import type { CrossTab } from '../../../../shared/spec';
import { formatShown } from '../../../../shared/present/format';
import type { Lang } from '../../../../shared/present/lang';
import { shownOf } from '../../../../shared/present/pivot';
import type { PivotTable } from '../../../../shared/present/table';
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

/** Room for the fold toggle before a group's label. */
const FOLD_WIDTH = 22;

/** The width each column needs for its header and its widest cell, in the grid's font (bold, as totals are). */
export function columnWidths(t: CrossTab, m: PivotTable, lang: Lang, totalLabel: string, fontFamily: string, fontSize = 13): { key: string; newWidth: number }[] {
  const cellFont = `600 ${fontSize}px ${fontFamily}`;
  const shown = shownOf(t, m.pivot);
  const fmt = (v: number | null) => formatShown(shown, v, lang);
  const lines = [...m.lines, m.totals];
  const folds = t.rowDims.length > 1;
  const width = (header: string, texts: string[], extra = 0) =>
    Math.ceil(Math.max(measure(header, cellFont) + HEADER_PADDING, ...longest(texts).map((x) => measure(x, cellFont) + CELL_PADDING + extra)));
  const keyCols = m.keyHeaders.map((h, i) => ({
    key: `k${i}`,
    newWidth: width(h, [...m.lines.map((r) => r.keys[i]), i === 0 ? totalLabel : ''], folds && i < t.rowDims.length - 1 ? FOLD_WIDTH : 0),
  }));
  const valueCount = m.valueHeaders.length;
  const valueCols = m.valueHeaders.map((h, j) => ({
    key: j === valueCount - 1 ? TOTAL_COL_ID : valueColId(j),
    newWidth: width(h, lines.map((l) => fmt(l.values[j]))),
  }));
  return [...keyCols, ...valueCols];
}
