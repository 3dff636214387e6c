import { measureInfo } from '../../../../shared/catalogue';
import type { CrossTab } from '../../../../shared/spec';
import { describeSpec } from '../../../../shared/present/describe';
import { spreadsheetShownFormat } from '../../../../shared/present/format';
import { measureLabel, type Lookups } from '../../../../shared/present/labels';
import type { Lang } from '../../../../shared/present/lang';
import { phrase } from '../../../../shared/present/phrases';
import { safeCellText } from '../../../../shared/present/safeText';
import { tableLines } from '../../../../shared/present/tableExport';
import type { PivotView } from '../../../../shared/present/table';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel refuses sheet names over 31 characters or with []:*?/\. */
const sheetName = (text: string) => text.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

/**
 * The current table as a workbook: the table (numbers as numbers in the measure's format, header and key
 * columns frozen, an autofilter on the header) and a provenance sheet (files with their SHA-256, the
 * filters and periods, the measure's definition, the exact spec). exceljs is loaded only when a workbook
 * is asked for, so it never weighs on the app's start.
 */
export async function tableWorkbook(t: CrossTab, lang: Lang, lookups: Lookups, view: PivotView): Promise<Blob> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Bluehelm';
  const described = describeSpec(t.spec, lang, lookups);
  const lines = tableLines(t, lang, lookups, view);
  const ws = wb.addWorksheet(sheetName(described.title));
  const text = (v: string | number | null) => (typeof v === 'string' ? safeCellText(v) : v);
  const header = ws.addRow(lines.header.map(text));
  header.font = { bold: true };
  ws.views = [{ state: 'frozen', xSplit: lines.keyColumns, ySplit: 1 }];
  const format = spreadsheetShownFormat(lines.shown);
  const write = (line: (string | number | null)[], bold: boolean) => {
    const row = ws.addRow(line.map(text));
    for (let c = lines.keyColumns + 1; c <= line.length; c++) row.getCell(c).numFmt = format;
    if (bold) row.font = { bold: true };
  };
  // A group's line carries its subtotal: bold, as in the grid.
  lines.body.forEach((l, i) => write(l, lines.kinds[i] === 'group'));
  write(lines.totals, true);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + lines.body.length, column: lines.header.length } };
  lines.header.forEach((h, i) => {
    const longest = Math.max(h.length, ...lines.body.map((l) => String(l[i] ?? '').length));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(10, longest + 2));
  });

  const prov = wb.addWorksheet(sheetName(phrase('provenanceSheet', lang)));
  prov.addRow([described.title]).font = { bold: true, size: 14 };
  if (t.synthetic) prov.addRow([phrase('syntheticBanner', lang)]).font = { bold: true, color: { argb: 'FFB45309' } };
  prov.addRow([]);
  prov.addRow([phrase('fileColumn', lang), 'SHA-256']).font = { bold: true };
  for (const s of t.sources) prov.addRow([safeCellText(s.fileName), s.sha256]);
  prov.addRow([]);
  prov.addRow([phrase('filtersUsed', lang)]).font = { bold: true };
  const scope = [...described.filters, ...(described.dates ? [described.dates] : [])];
  for (const line of scope.length ? scope : [phrase('noFilters', lang)]) prov.addRow([safeCellText(line)]);
  prov.addRow([phrase('showAs', lang), phrase(`showAs_${lines.showAs}`, lang, { base: lines.header[lines.keyColumns + (lines.base ?? 0)] })]);
  if (view.options.top > 0) prov.addRow([phrase('topN', lang, { n: view.options.top })]);
  prov.addRow(['spec', JSON.stringify(t.spec)]);
  prov.addRow([]);
  prov.addRow([phrase('definitions', lang)]).font = { bold: true };
  prov.addRow([measureLabel(t.spec.measure, lang), measureInfo[t.spec.measure].help[lang]]);
  prov.getColumn(1).width = 48;
  prov.getColumn(2).width = 70;
  return new Blob([await wb.xlsx.writeBuffer()], { type: XLSX_MIME });
}
