import type PptxGenJS from 'pptxgenjs';
import { measureInfo } from '../../../../shared/catalogue';
import { OTHER_COLOUR, PALETTE } from '../../../../shared/present/chart';
import { spreadsheetFormat } from '../../../../shared/present/format';
import { phrase } from '../../../../shared/present/phrases';
import { cellText } from '../cells';
import { TextMeasure } from '../fonts';
import { MAP_SHARE, PAGE } from '../slide-svg';
import { addMap, mapNotes } from './pptx-map';
import type { RenderedChart, RenderedPack, RenderedSlide, RenderedTable } from '../types';
import { step, type Exporter, type Progress } from './types';

// Native, editable charts and tables: PowerPoint and Impress open the chart's own data sheet, so an
// analyst restyles a chart or corrects a label without going back to Bluehelm.

const IN = 72; // points per inch
const hex = (c: string) => c.replace('#', '').toUpperCase();
/** Faces present on an analyst's laptop (Office); Impress substitutes its own where they are missing. */
const FACE = { en: 'Calibri', zh: 'Microsoft YaHei' } as const;

type Slide = PptxGenJS.Slide;

function chartKind(pptx: PptxGenJS, c: RenderedChart): { type: PptxGenJS.CHART_NAME; grouping?: string } {
  switch (c.type) {
    case 'line':
      return { type: pptx.ChartType.line };
    case 'bar':
      return { type: pptx.ChartType.bar, grouping: 'clustered' };
    case 'stacked_bar':
      return { type: pptx.ChartType.bar, grouping: 'stacked' };
    case 'stacked_area':
      return { type: pptx.ChartType.area, grouping: 'stacked' };
  }
}

export class PptxExporter implements Exporter {
  /** Cell text is fitted to its column (a table cell that wraps pushes the table off the slide). */
  private readonly m = new TextMeasure();
  readonly extension = 'pptx';
  readonly mime = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

  async write(pack: RenderedPack, progress: Progress): Promise<Buffer> {
    // Loaded here, not at start: only a PPTX export needs it.
    const { default: Pptx } = await import('pptxgenjs');
    const pptx = new Pptx();
    const page = PAGE[pack.settings.pageSize];
    pptx.defineLayout({ name: 'BLUEHELM', width: page.width / IN, height: page.height / IN });
    pptx.layout = 'BLUEHELM';
    pptx.title = pack.settings.title;
    pptx.author = pack.settings.author;
    pptx.subject = pack.settings.marking;
    pptx.company = 'Bluehelm';
    const face = FACE[pack.lang];
    pack.slides.forEach((s, i) => {
      const slide = pptx.addSlide();
      this.frame(slide, pack, i, face);
      if (s.kind === 'cover') this.cover(slide, s, page, face);
      else this.content(pptx, slide, s, pack, face);
      // A map's values go to the notes too: the table beside it lists the largest only.
      const notes = [s.notes, s.map ? mapNotes(s, pack.lang) : ''].filter(Boolean).join('\n\n');
      if (notes) slide.addNotes(notes);
      step(progress, i + 1, pack.slides.length + 1);
    });
    const out = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
    step(progress, pack.slides.length + 1, pack.slides.length + 1);
    return out;
  }

  private frame(slide: Slide, pack: RenderedPack, index: number, face: string): void {
    const { width, height } = PAGE[pack.settings.pageSize];
    const w = width / IN;
    const h = height / IN;
    const small = { fontFace: face, fontSize: 9, bold: true, margin: 0 };
    if (pack.synthetic) {
      const mark = phrase('syntheticMark', pack.lang);
      slide.addText(mark, { x: 0.5, y: h / 2 - 0.6, w: w - 1, h: 1.2, align: 'center', fontFace: face, fontSize: 44, bold: true, color: 'B45309', transparency: 85, rotate: -20 });
      slide.addText(mark, { ...small, x: w / 2, y: 0.1, w: w / 2 - 0.55, h: 0.25, align: 'right', color: 'B45309' });
    }
    if (pack.settings.marking) {
      slide.addText(pack.settings.marking, { ...small, x: 1.5, y: 0.1, w: w - 3, h: 0.25, align: 'center', color: 'A4161A' });
      slide.addText(pack.settings.marking, { ...small, x: 1.5, y: h - 0.32, w: w - 3, h: 0.25, align: 'center', color: 'A4161A' });
    }
    slide.addText(`Bluehelm · ${pack.name}`, { ...small, bold: false, fontSize: 8, x: 0.55, y: h - 0.32, w: w / 2 - 1.6, h: 0.25, color: '5B6770' });
    slide.addText(phrase('slideOf', pack.lang, { n: index + 1, total: pack.slides.length }), { ...small, bold: false, fontSize: 8, x: w - 2.55, y: h - 0.32, w: 2, h: 0.25, align: 'right', color: '5B6770' });
  }

  private cover(slide: Slide, s: RenderedSlide, page: { width: number; height: number }, face: string): void {
    const w = page.width / IN;
    const h = page.height / IN;
    slide.addText(s.title, { x: 0.8, y: h * 0.24, w: w - 1.6, h: 1.4, align: 'center', valign: 'bottom', fontFace: face, fontSize: 34, bold: true, color: '12355B', fit: 'shrink' });
    if (s.subtitle) slide.addText(s.subtitle, { x: 0.8, y: h * 0.24 + 1.5, w: w - 1.6, h: 0.8, align: 'center', valign: 'top', fontFace: face, fontSize: 18, color: '0B5394' });
    slide.addText(s.lines.join('\n'), { x: 0.8, y: h * 0.24 + 2.5, w: w - 1.6, h: 1, align: 'center', valign: 'top', fontFace: face, fontSize: 14, color: '5B6770' });
  }

  private content(pptx: PptxGenJS, slide: Slide, s: RenderedSlide, pack: RenderedPack, face: string): void {
    const { width, height } = PAGE[pack.settings.pageSize];
    const w = width / IN;
    const h = height / IN;
    const x = 0.55;
    const inner = w - 2 * x;
    slide.addText(s.title, { x, y: 0.4, w: inner, h: 0.6, fontFace: face, fontSize: 22, bold: true, color: '12355B', valign: 'top', fit: 'shrink', margin: 0 });
    let y = 1.0;
    if (s.subtitle) {
      slide.addText(s.subtitle, { x, y, w: inner, h: 0.28, fontFace: face, fontSize: 11, color: '5B6770', margin: 0 });
      y += 0.3;
    }
    if (s.message) {
      slide.addText(s.message, { x, y: y + 0.05, w: inner, h: 0.5, fontFace: face, fontSize: 14, color: '0B5394', valign: 'top', margin: 0 });
      y += 0.6;
    }
    const body = s.chart || s.table;
    // A native chart has no vertical marks: the annotations on its time axis are listed under it instead.
    const marks = s.chart?.marks ?? [];
    const notices = marks.length
      ? [...s.notices, phrase('annotationsNotInDeck', pack.lang, { marks: marks.map((m) => `${s.chart!.categories[m.index]} ${m.label}`).join(pack.lang === 'zh' ? '；' : '; ') })]
      : s.notices;
    // With nothing to draw (the data is missing), the notice is the slide's body; otherwise a footnote.
    if (!body && notices.length) {
      slide.addText(notices.join('\n'), { x, y: y + 0.5, w: inner, h: 1.6, fontFace: face, fontSize: 16, color: 'A4161A', valign: 'top', margin: 0 });
      return;
    }
    // A notice may wrap (the list of annotations): about 16 Latin or 8 Chinese characters of 9 pt text per inch.
    const lines = notices.reduce((n, t) => n + Math.max(1, Math.ceil([...t].reduce((a, ch) => a + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0) / (inner * 16))), 0);
    const noticesH = notices.length ? 0.2 * lines + 0.05 : 0;
    if (noticesH) slide.addText(notices.join('\n'), { x, y: h - 0.45 - noticesH, w: inner, h: noticesH, fontFace: face, fontSize: 9, color: '5B6770', valign: 'top', margin: 0 });
    const top = y + 0.1;
    const bottom = h - 0.5 - noticesH;
    const boxH = bottom - top;
    if (s.lines.length && s.table) {
      // The sources slide: its table, then the definitions right under it.
      const used = this.table(slide, s.table, { x, y: top, w: inner, h: boxH * 0.45 }, pack, face);
      const linesTop = top + used + 0.15;
      slide.addText(s.lines.join('\n'), { x, y: linesTop, w: inner, h: bottom - linesTop, fontFace: face, fontSize: Math.max(7, Math.min(10, Math.floor(((bottom - linesTop) * IN) / s.lines.length / 1.3))), color: '1B2733', valign: 'top', margin: 0 });
    } else if (s.map && s.table) {
      const mapW = inner * MAP_SHARE;
      addMap(pptx, slide, s.map, { x, y: top, w: mapW, h: boxH }, face, this.m);
      this.table(slide, s.table, { x: x + mapW + 0.2, y: top, w: inner - mapW - 0.2, h: boxH }, pack, face);
    } else if (s.chart && s.table) {
      const chartW = inner * 0.58;
      this.chart(pptx, slide, s.chart, { x, y: top, w: chartW, h: boxH }, face);
      this.table(slide, s.table, { x: x + chartW + 0.2, y: top, w: inner - chartW - 0.2, h: boxH }, pack, face);
    } else if (s.chart) this.chart(pptx, slide, s.chart, { x, y: top, w: inner, h: boxH }, face);
    else if (s.table) this.table(slide, s.table, { x, y: top, w: inner, h: boxH }, pack, face);
  }

  private chart(pptx: PptxGenJS, slide: Slide, c: RenderedChart, box: { x: number; y: number; w: number; h: number }, face: string): void {
    const kind = chartKind(pptx, c);
    // pptxgenjs writes into the arrays it is given: hand it copies.
    const data = c.series.map((s) => ({ name: s.name, labels: [...c.categories], values: [...s.values] as number[] }));
    const colours = c.series.map((s, i) => hex(s.other ? OTHER_COLOUR : PALETTE[i % PALETTE.length]));
    slide.addChart(kind.type, data, {
      ...box,
      barDir: 'col',
      ...(kind.grouping ? { barGrouping: kind.grouping } : {}),
      chartColors: colours,
      showLegend: c.series.length > 1,
      legendPos: 't',
      legendFontFace: face,
      legendFontSize: 9,
      catAxisLabelFontFace: face,
      catAxisLabelFontSize: 9,
      valAxisLabelFontFace: face,
      valAxisLabelFontSize: 9,
      valAxisLabelFormatCode: spreadsheetFormat(c.measure),
      dataLabelFormatCode: spreadsheetFormat(c.measure),
      valGridLine: { color: 'E3E9EF', size: 0.5 },
      lineSize: c.type === 'line' ? 2 : 1,
      lineDataSymbol: c.categories.length <= 40 && c.type === 'line' ? 'circle' : 'none',
      lineDataSymbolSize: 5,
      showTitle: false,
      ...(measureInfo[c.measure].unit === 'percent' ? { valAxisMinVal: 0 } : {}),
    });
  }

  /** A native table fitted into the box; returns the height it takes, in inches. */
  private table(slide: Slide, t: RenderedTable, box: { x: number; y: number; w: number; h: number }, pack: RenderedPack, face: string): number {
    const lines = t.rows.length + 1 + (t.totals ? 1 : 0);
    const fontSize = Math.max(7, Math.min(11, Math.floor((box.h * IN) / lines / 1.9)));
    const weights = t.columns.map((c, i) => c.weight ?? (i < t.keyColumns ? 2 : 1));
    const sum = weights.reduce((a, b) => a + b, 0);
    const widthsPt = weights.map((wt) => (box.w * IN * wt) / sum);
    // Office's faces run wider than the measuring font: keep a margin.
    const room = (i: number) => widthsPt[i] * 0.9 - 8;
    const align = (i: number) => (t.columns[i].format === 'text' ? 'left' : 'right');
    const cell = (value: string, i: number, opts: PptxGenJS.TableCellProps = {}) => {
      const bold = opts.bold === true;
      if (t.columns[i].whole) {
        // A sha256 is never cut: its font shrinks to fit instead.
        const size = Math.max(5, Math.min(fontSize, room(i) / Math.max(1, this.m.width(value, 1, bold ? 'bold' : 'regular'))));
        return { text: value, options: { align: align(i), fontSize: Math.floor(size * 2) / 2, ...opts } as PptxGenJS.TableCellProps };
      }
      return { text: this.m.fit(value, fontSize, room(i), bold ? 'bold' : 'regular'), options: { align: align(i), ...opts } as PptxGenJS.TableCellProps };
    };
    const rows: PptxGenJS.TableRow[] = [
      t.columns.map((c, i) => cell(c.label, i, { bold: true, color: '12355B', border: [{ type: 'none' }, { type: 'none' }, { pt: 1, color: '12355B' }, { type: 'none' }] })),
      ...t.rows.map((r, k) => r.map((v, i) => cell(cellText(v, t.columns[i].format, pack.lang), i, { ...(k % 2 ? { fill: { color: 'F3F6F9' } } : {}), ...(t.kinds?.[k] === 'group' ? { bold: true } : {}) }))),
      ...(t.totals ? [t.totals.map((v, i) => cell(cellText(v, t.columns[i].format, pack.lang), i, { bold: true, border: [{ pt: 1, color: '12355B' }, { type: 'none' }, { type: 'none' }, { type: 'none' }] }))] : []),
    ];
    const rowH = (fontSize * 1.6) / IN;
    slide.addTable(rows, {
      x: box.x,
      y: box.y,
      w: box.w,
      colW: widthsPt.map((w) => w / IN),
      fontFace: face,
      fontSize,
      color: '1B2733',
      margin: [2, 4, 2, 4],
      rowH,
      autoPage: false,
    });
    return rows.length * rowH;
  }
}
