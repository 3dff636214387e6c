import type ExcelJS from 'exceljs';
import { phrase } from '../../../../shared/present/phrases';
import { spreadsheetFormat, spreadsheetShownFormat } from '../../../../shared/present/format';
import { sourcesTable } from '../model';
import type { RenderedPack, RenderedSlide, RenderedTable } from '../types';
import { step, type Exporter, type Progress } from './types';

// One sheet per slide with its whole table as numbers (formats from the catalogue), and a provenance
// sheet. Strings are written as strings, never formulas, so "=HYPERLINK(…)" in a label stays text.

const TITLE_FONT = { bold: true, size: 14, color: { argb: 'FF12355B' } };
const MARK_FONT = { bold: true, color: { argb: 'FFA4161A' } };
const SYNTHETIC_FONT = { bold: true, color: { argb: 'FFB45309' } };

/** Sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(index: number, title: string, taken: Set<string>): string {
  const base = `${index + 1} ${title.replace(/[[\]:*?/\\]/g, ' ')}`.slice(0, 31).trim();
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 27)} (${i})`;
  taken.add(name.toLowerCase());
  return name;
}

function heading(ws: ExcelJS.Worksheet, pack: RenderedPack, title: string, lines: (string | null)[]): void {
  ws.headerFooter.oddHeader = `&C&"-,Bold"${pack.settings.marking.replace(/&/g, '&&')}`;
  ws.headerFooter.oddFooter = `&C&"-,Bold"${pack.settings.marking.replace(/&/g, '&&')}&R&P / &N`;
  ws.addRow([pack.settings.marking]).getCell(1).font = MARK_FONT;
  if (pack.synthetic) ws.addRow([phrase('syntheticBanner', pack.lang)]).getCell(1).font = SYNTHETIC_FONT;
  ws.addRow([title]).getCell(1).font = TITLE_FONT;
  for (const l of lines) if (l) ws.addRow([l]);
  ws.addRow([]);
}

function table(ws: ExcelJS.Worksheet, t: RenderedTable): void {
  const headerRow = ws.addRow(t.columns.map((c) => c.label));
  headerRow.font = { bold: true };
  headerRow.eachCell((c) => (c.border = { bottom: { style: 'thin' } }));
  // Header and key columns stay in view while scrolling.
  ws.views = [{ state: 'frozen', xSplit: t.keyColumns, ySplit: headerRow.number }];
  const write = (values: RenderedTable['rows'][number], bold: boolean) => {
    const row = ws.addRow(values.map((v) => (v === null ? null : v)));
    t.columns.forEach((col, i) => {
      const cell = row.getCell(i + 1);
      if (typeof col.format === 'object') cell.numFmt = 'shown' in col.format ? spreadsheetShownFormat(col.format.shown) : spreadsheetFormat(col.format.measure);
      else if (col.format === 'number') cell.numFmt = '#,##0.##';
      if (bold) cell.font = { bold: true };
    });
  };
  // A group's line carries its subtotal: bold, as in the grid.
  t.rows.forEach((r, k) => write(r, t.kinds?.[k] === 'group'));
  if (t.totals) write(t.totals, true);
  t.columns.forEach((c, i) => {
    const longest = Math.max(c.label.length, ...t.rows.map((r) => String(r[i] ?? '').length));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(10, longest + 2));
  });
}

export class XlsxExporter implements Exporter {
  readonly extension = 'xlsx';
  readonly mime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  async write(pack: RenderedPack, progress: Progress): Promise<Buffer> {
    // Loaded here, not at start: only a workbook export needs it.
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    wb.creator = 'Bluehelm';
    wb.title = pack.settings.title;
    wb.subject = pack.settings.marking;
    wb.created = new Date(pack.generatedAt);
    const taken = new Set<string>();
    pack.slides.forEach((s, i) => {
      const ws = wb.addWorksheet(sheetName(i, s.title, taken));
      this.slide(ws, pack, s);
      step(progress, i + 1, pack.slides.length + 2);
    });
    this.provenance(wb.addWorksheet(sheetName(pack.slides.length, phrase('provenanceSheet', pack.lang), taken)), pack);
    const out = Buffer.from(await wb.xlsx.writeBuffer());
    step(progress, pack.slides.length + 2, pack.slides.length + 2);
    return out;
  }

  private slide(ws: ExcelJS.Worksheet, pack: RenderedPack, s: RenderedSlide): void {
    heading(ws, pack, s.title, [s.subtitle, s.message, ...s.lines, ...s.notices]);
    if (s.fullTable) table(ws, s.fullTable);
    if (s.notes) {
      ws.addRow([]);
      ws.addRow([s.notes]);
    }
  }

  private provenance(ws: ExcelJS.Worksheet, pack: RenderedPack): void {
    const p = pack.provenance;
    heading(ws, pack, phrase('sourcesTitle', pack.lang), [p.generatedBy]);
    table(ws, sourcesTable(p, pack.lang));
    ws.views = [];
    ws.addRow([]);
    ws.addRow([phrase('definitions', pack.lang)]).font = { bold: true };
    for (const d of p.definitions) ws.addRow([d.label, d.text]);
    ws.addRow([]);
    ws.addRow([phrase('filtersUsed', pack.lang)]).font = { bold: true };
    // The exact spec of each view slide, so a number can be recomputed (bluehelm crosstab takes the same fields), and how its table shows the values.
    pack.specs.forEach((spec, i) => {
      const pivot = pack.pivots[i];
      if (spec) ws.addRow([pack.slides[i].title, JSON.stringify(spec), ...(pivot ? [JSON.stringify(pivot)] : [])]);
    });
  }
}
