import type { PageSize } from '../../../shared/pack';
import { phrase } from '../../../shared/present/phrases';
import { cellText } from './cells';
import { chartSvg, placeSvg } from './chart-svg';
import { FONT_FAMILY, type TextMeasure, type Weight } from './fonts';
import { mapSvg } from './map-svg';
import type { RenderedPack, RenderedSlide, RenderedTable } from './types';

// Each slide laid out once, as SVG: the PDF draws this SVG as its page (vector, text kept as text) and
// the pack builder shows it as the preview, so what the analyst sees is what prints.

/** Page sizes in points: 16:9 like a widescreen deck (13.33 × 7.5 in), A4 landscape. */
export const PAGE: Record<PageSize, { width: number; height: number }> = {
  '16:9': { width: 960, height: 540 },
  A4: { width: 842, height: 595 },
};

const INK = '#1b2733';
const TITLE = '#12355b';
const MESSAGE = '#0b5394';
const MUTED = '#5b6770';
const RULE = '#d5dde5';
const MARKING = '#a4161a';
const SYNTHETIC = '#b45309';
const MARGIN = 40;
/** The width a map takes on a map slide; its table of the largest values beside it. */
export const MAP_SHARE = 0.66;
// The PDF maps every family to the embedded font; a browser showing the preview takes the first it has.
const FONT_STACK = `${FONT_FAMILY}, Noto Sans CJK SC, Microsoft YaHei, sans-serif`;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface TextStyle {
  size: number;
  weight?: Weight;
  fill?: string;
  anchor?: 'start' | 'middle' | 'end';
  opacity?: number;
}

function text(x: number, y: number, s: string, st: TextStyle): string {
  const weight = st.weight === 'bold' ? ' font-weight="bold"' : '';
  const anchor = st.anchor && st.anchor !== 'start' ? ` text-anchor="${st.anchor}"` : '';
  const opacity = st.opacity !== undefined ? ` fill-opacity="${st.opacity}"` : '';
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-family="${FONT_STACK}" font-size="${st.size}"${weight}${anchor} fill="${st.fill ?? INK}"${opacity}>${esc(s)}</text>`;
}

const line = (x1: number, y1: number, x2: number, y2: number, stroke = RULE, width = 0.75) =>
  `<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="${stroke}" stroke-width="${width}"/>`;

/** The font size a table needs to fit its box: 11 pt at most, 7 pt at least (6 for a column that must show whole). */
function tableFontSize(table: RenderedTable, w: number, h: number, m: TextMeasure): number {
  const lines = table.rows.length + 1 + (table.totals ? 1 : 0);
  let size = Math.max(7, Math.min(11, h / lines / 1.75));
  const widths = columnWidths(table, w);
  table.columns.forEach((c, i) => {
    if (!c.whole) return;
    const longest = Math.max(...table.rows.map((r) => m.width(String(r[i] ?? ''), 1)));
    if (longest > 0) size = Math.max(6, Math.min(size, (widths[i] - 8) / longest));
  });
  return size;
}

function columnWidths(table: RenderedTable, w: number): number[] {
  const weights = table.columns.map((c, i) => c.weight ?? (i < table.keyColumns ? 2 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((wt) => (w * wt) / total);
}

/** A table fitted into a box: the font shrinks before rows are dropped, text is cut with an ellipsis. Returns the height used. */
function tableSvg(table: RenderedTable, x: number, y: number, w: number, h: number, m: TextMeasure, lang: RenderedPack['lang']): { svg: string; height: number } {
  const size = tableFontSize(table, w, h, m);
  const rowH = size * 1.75;
  const fit = Math.max(1, Math.floor(h / rowH) - 1 - (table.totals ? 1 : 0));
  const rows = table.rows.slice(0, fit);
  const widths = columnWidths(table, w);
  const xs = widths.map((_, i) => x + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const pad = 4;
  const out: string[] = [];
  const row = (cells: RenderedTable['rows'][number], top: number, weight: Weight, fill = INK) =>
    cells.forEach((v, i) => {
      const col = table.columns[i];
      const numeric = col.format !== 'text' && (typeof v === 'number' || v === null);
      const s = m.fit(cellText(v, col.format, lang), size, widths[i] - 2 * pad, weight);
      out.push(text(numeric ? xs[i] + widths[i] - pad : xs[i] + pad, top + rowH * 0.68, s, { size, weight, fill, anchor: numeric ? 'end' : 'start' }));
    });
  table.columns.forEach((c, i) => {
    const numeric = c.format !== 'text';
    out.push(text(numeric ? xs[i] + widths[i] - pad : xs[i] + pad, y + rowH * 0.68, m.fit(c.label, size, widths[i] - 2 * pad, 'bold'), { size, weight: 'bold', fill: TITLE, anchor: numeric ? 'end' : 'start' }));
  });
  out.push(line(x, y + rowH, x + w, y + rowH, TITLE, 1));
  rows.forEach((r, k) => {
    const top = y + rowH * (k + 1);
    if (k % 2 === 1) out.push(`<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${w.toFixed(1)}" height="${rowH.toFixed(1)}" fill="#f3f6f9"/>`);
    row(r, top, table.kinds?.[k] === 'group' ? 'bold' : 'regular');
  });
  let height = rowH * (rows.length + 1);
  if (table.totals) {
    out.push(line(x, y + height, x + w, y + height, TITLE, 1));
    row(table.totals, y + height, 'bold');
    height += rowH;
  }
  return { svg: out.join(''), height };
}

function frame(pack: RenderedPack, index: number, width: number, height: number, m: TextMeasure): string {
  const { marking } = pack.settings;
  const out: string[] = [];
  if (pack.synthetic) {
    // Across the page, behind everything: a copied page still carries it.
    out.push(
      `<g transform="translate(${width / 2},${height / 2}) rotate(-20)">${text(0, 0, phrase('syntheticMark', pack.lang), { size: pack.lang === 'zh' ? 40 : 54, weight: 'bold', fill: SYNTHETIC, anchor: 'middle', opacity: 0.13 })}</g>`,
    );
    out.push(text(width - MARGIN, 17, phrase('syntheticMark', pack.lang), { size: 9, weight: 'bold', fill: SYNTHETIC, anchor: 'end' }));
  }
  if (marking) {
    out.push(text(width / 2, 17, marking, { size: 9, weight: 'bold', fill: MARKING, anchor: 'middle' }));
    out.push(text(width / 2, height - 10, marking, { size: 9, weight: 'bold', fill: MARKING, anchor: 'middle' }));
  }
  out.push(line(MARGIN, 24, width - MARGIN, 24));
  out.push(line(MARGIN, height - 26, width - MARGIN, height - 26));
  out.push(text(MARGIN, height - 10, m.fit(`Bluehelm · ${pack.name}`, 8, width / 2 - MARGIN - 60), { size: 8, fill: MUTED }));
  out.push(text(width - MARGIN, height - 10, phrase('slideOf', pack.lang, { n: index + 1, total: pack.slides.length }), { size: 8, fill: MUTED, anchor: 'end' }));
  return out.join('');
}

function cover(slide: RenderedSlide, width: number, height: number, m: TextMeasure): string {
  const out: string[] = [];
  let y = height * 0.36;
  for (const l of m.wrap(slide.title, 34, width - 2 * MARGIN - 40, 2, 'bold')) {
    out.push(text(width / 2, y, l, { size: 34, weight: 'bold', fill: TITLE, anchor: 'middle' }));
    y += 42;
  }
  if (slide.subtitle) {
    for (const l of m.wrap(slide.subtitle, 18, width - 2 * MARGIN - 40, 2)) {
      out.push(text(width / 2, y + 4, l, { size: 18, fill: MESSAGE, anchor: 'middle' }));
      y += 26;
    }
  }
  out.push(line(width / 2 - 80, y + 10, width / 2 + 80, y + 10, MESSAGE, 1.5));
  y += 40;
  for (const l of slide.lines) {
    out.push(text(width / 2, y, l, { size: 14, fill: MUTED, anchor: 'middle' }));
    y += 22;
  }
  return out.join('');
}

/** One slide as a complete SVG document, in points. */
export function slideSvg(pack: RenderedPack, index: number, m: TextMeasure): string {
  const slide = pack.slides[index];
  const { width, height } = PAGE[pack.settings.pageSize];
  const body: string[] = [frame(pack, index, width, height, m)];
  if (slide.kind === 'cover') body.push(cover(slide, width, height, m));
  else {
    const inner = width - 2 * MARGIN;
    let y = 56;
    for (const l of m.wrap(slide.title, 22, inner, 2, 'bold')) {
      body.push(text(MARGIN, y, l, { size: 22, weight: 'bold', fill: TITLE }));
      y += 27;
    }
    if (slide.subtitle) {
      body.push(text(MARGIN, y - 6, m.fit(slide.subtitle, 11, inner), { size: 11, fill: MUTED }));
      y += 12;
    }
    if (slide.message) {
      y += 6;
      for (const l of m.wrap(slide.message, 14, inner, 2)) {
        body.push(text(MARGIN, y, l, { size: 14, fill: MESSAGE }));
        y += 19;
      }
    }
    const top = y + 4;
    const chartOrTable = slide.chart || slide.table;
    // With nothing to draw (the data is missing), the notice is the slide's body; otherwise a footnote.
    const noticeSize = chartOrTable ? 9 : 16;
    const noticeLines = slide.notices.flatMap((n) => m.wrap(n, noticeSize, inner, chartOrTable ? 2 : 4));
    if (!chartOrTable) noticeLines.forEach((n, i) => body.push(text(MARGIN, top + 40 + i * 22, n, { size: 16, fill: MARKING })));
    const bottom = height - 34 - (chartOrTable ? noticeLines.length * 12 : 0);
    if (chartOrTable) noticeLines.forEach((n, i) => body.push(text(MARGIN, bottom + 12 + i * 12, n, { size: 9, fill: MUTED })));
    const h = bottom - 4 - top;
    if (slide.lines.length) {
      // The sources slide: its table, then the definitions and the generated-by line right under it.
      const wrapped = slide.lines.flatMap((l) => m.wrap(l, 10, inner, 3));
      const linesH = wrapped.length * 13.5;
      const t = slide.table ? tableSvg(slide.table, MARGIN, top, inner, Math.max(h * 0.4, h - linesH - 12), m, pack.lang) : { svg: '', height: 0 };
      body.push(t.svg);
      const size = Math.max(7, Math.min(10, (h - t.height - 12) / wrapped.length / 1.35));
      wrapped.forEach((l, i) => body.push(text(MARGIN, top + t.height + 16 + size + i * size * 1.35, l, { size, fill: INK })));
    } else if (slide.map && slide.table) {
      const mapW = inner * MAP_SHARE;
      body.push(mapSvg(slide.map, { x: MARGIN, y: top, width: mapW, height: h }, m, text));
      body.push(tableSvg(slide.table, MARGIN + mapW + 16, top, inner - mapW - 16, h, m, pack.lang).svg);
    } else if (slide.chart && slide.table) {
      const chartW = inner * 0.58;
      body.push(placeSvg(chartSvg(slide.chart, pack.lang, chartW, h), MARGIN, top));
      body.push(tableSvg(slide.table, MARGIN + chartW + 16, top, inner - chartW - 16, h, m, pack.lang).svg);
    } else if (slide.chart) body.push(placeSvg(chartSvg(slide.chart, pack.lang, inner, h), MARGIN, top));
    else if (slide.table) body.push(tableSvg(slide.table, MARGIN, top, inner, h, m, pack.lang).svg);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#ffffff"/>${body.join('')}</svg>`;
}
