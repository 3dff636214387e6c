import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../electron/core/import/run';
import { Workspace } from '../../electron/core/workspace';
import { fileNameFor } from '../../electron/core/packs/write';
import { referenceTables } from '../../electron/core/reference/tables';
import { packDocSchema, type PackDocInput } from '../../shared/pack';
import { spreadsheetFormat } from '../../shared/present/format';
import { lookups, valueText } from '../../shared/present/labels';
import type { ViewSpecInput } from '../../shared/spec';
import { CLI, FATALITIES_CSV, tempDb, tempDir, writeTemp } from '../helpers';
import { readDeck, readWorkbook, type DeckSlide } from '../pack-files';

// A view slide keeps the pivot of the cross-tab it came from: its table in the deck, the PDF and the
// workbook has the lines the app's grid shows (groups with their subtotals, % of row, the largest 5 and
// "Other"), while a slide made before pivots existed exports its plain table as it always did.

const ref = lookups(referenceTables().tables);
const NESTED: ViewSpecInput = { measure: 'fatalities', rows: ['mission', 'service'], cols: 'year', from: '2019-01-01', to: '2023-12-31' };
const PLAIN: ViewSpecInput = { measure: 'fatalities', rows: ['mission'], cols: 'year', from: '2019-01-01', to: '2023-12-31' };
const PACK: PackDocInput = {
  name: 'Pivot brief',
  settings: { title: 'Pivot brief', lang: 'en', date: '2026-12-01' },
  slides: [
    { kind: 'view', spec: NESTED, show: 'table', pivot: { showAs: 'pct_row', top: 5, heat: false } },
    { kind: 'view', spec: PLAIN, show: 'table' },
  ],
};

let ws: Workspace;
let db: string;
let out: string;
let wb: ExcelJS.Workbook;
let deck: DeckSlide[];

beforeAll(async () => {
  db = tempDb();
  ws = new Workspace(db);
  importFile(ws.db, { path: FATALITIES_CSV });
  out = tempDir();
  const spec = writeTemp('pivot-brief.json', JSON.stringify(PACK));
  const r = spawnSync(process.execPath, [CLI, 'pack', 'export', '--spec', spec, '--format', 'pptx,xlsx,pdf', '--out', out, '--db', db], { encoding: 'utf8', env: { ...process.env, BLUEHELM_DATA_DIR: tempDir() } });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  wb = await readWorkbook(path.join(out, fileNameFor('Pivot brief', 'xlsx')));
  deck = await readDeck(path.join(out, fileNameFor('Pivot brief', 'pptx')));
}, 180_000);

afterAll(() => ws?.close());

/** The sheet's table: the rows under the header line (first cell "Mission"), down to the totals line. */
function sheetTable(sheet: ExcelJS.Worksheet) {
  const rows: { keys: string[]; values: (number | null)[]; bold: boolean; numFmt: string }[] = [];
  let header = 0;
  sheet.eachRow((row, n) => {
    if (row.getCell(1).value === 'Mission') header = n;
  });
  expect(header).toBeGreaterThan(0);
  const width = sheet.getRow(header).cellCount;
  for (let n = header + 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    if (row.getCell(1).value === null && row.getCell(2).value === null) break;
    const cells = Array.from({ length: width }, (_, i) => row.getCell(i + 1));
    const keyColumns = sheet.getRow(header).getCell(2).value === 'Service' ? 2 : 1;
    rows.push({
      keys: cells.slice(0, keyColumns).map((c) => String(c.value ?? '')),
      values: cells.slice(keyColumns).map((c) => (c.value === null ? null : (c.value as number))),
      bold: cells[0].font?.bold === true || cells[keyColumns].font?.bold === true,
      numFmt: cells[keyColumns].numFmt,
    });
  }
  return rows;
}

describe('a view slide with two row dimensions, % of row and the largest 5', () => {
  it('holds in the workbook the grid’s lines: groups in bold with the core’s subtotals as % of row, their services under them, and “Other”', () => {
    const t = ws.crossTab(NESTED);
    const lines = sheetTable(wb.worksheets[0]);
    const groups = lines.filter((l) => l.keys[0] !== '' && l.keys[0] !== 'Total');
    // The five missions with most deaths, then "Other (n)" for the rest.
    expect(groups).toHaveLength(6);
    expect(groups.slice(0, 5).every((g) => g.bold)).toBe(true);
    const missions = t.subtotals!.find((s) => s.depth === 1)!.rows;
    expect(groups[5].keys[0]).toBe(`Other (${missions.length - 5})`);
    const largest = [...missions].sort((a, b) => (b.total ?? 0) - (a.total ?? 0)).slice(0, 5);
    expect(groups.slice(0, 5).map((g) => g.keys[0])).toEqual(largest.map((m) => valueText('mission', m.key[0], 'en', ref).text));
    // A group's line is the core's subtotal of that mission, shown as % of its row.
    groups.slice(0, 5).forEach((g, i) => {
      const sub = largest[i];
      g.values.forEach((v, j) => {
        const raw = j < t.colKeys.length ? sub.cells[j] : sub.total;
        expect(v, `${g.keys[0]} ${j}`).toBeCloseTo(((raw ?? 0) / sub.total!) * 100, 9);
      });
    });
    // The outer label is written once: the service lines under a mission leave it blank.
    const first = lines.findIndex((l) => l === groups[0]);
    expect(lines[first + 1].keys[0]).toBe('');
    expect(lines[first + 1].keys[1]).not.toBe('');
    expect(lines[first + 1].bold).toBe(false);
    // Every line with numbers, the totals line too, adds up to 100 % across the years and shows 100 % as its total.
    for (const l of lines) {
      const years = l.values.slice(0, -1).reduce<number>((s, v) => s + (v ?? 0), 0);
      expect(years, l.keys.join(' / ')).toBeCloseTo(100, 9);
      expect(l.values[l.values.length - 1]).toBeCloseTo(100, 9);
    }
    // Numbers as numbers, in the grid's format for a percentage.
    expect(lines[0].numFmt).toBe('#,##0.0"%"');
  });

  it('draws the same lines in the deck’s native table: the mission lines in bold, "Other", and what the numbers are', () => {
    const slide = deck[0];
    const table = /<a:tbl>[\s\S]*<\/a:tbl>/.exec(slide.xml)![0];
    const rows = [...table.matchAll(/<a:tr[\s\S]*?<\/a:tr>/g)].map((m) => m[0]);
    const firstCell = (row: string) => /<a:t>([^<]*)<\/a:t>/.exec(row.split('</a:tc>')[0])?.[1] ?? '';
    const t = ws.crossTab(NESTED);
    const top = [...t.subtotals!.find((s) => s.depth === 1)!.rows].sort((a, b) => (b.total ?? 0) - (a.total ?? 0))[0];
    const name = valueText('mission', top.key[0], 'en', ref).text;
    const groupRow = rows.find((r) => firstCell(r) === name)!;
    expect(groupRow).toBeDefined();
    expect(groupRow).toMatch(/b="1"/);
    // The line under it is one of its services, its mission cell left blank.
    const next = rows[rows.indexOf(groupRow) + 1];
    expect(firstCell(next)).toBe('');
    expect(next).not.toMatch(/b="1"/);
    expect(slide.text).toContain('100.0%');
    expect(slide.text).toContain('Values shown as: % of row total');
  });

  it('names the pivot beside the slide’s spec on the provenance sheet, so the table can be made again', () => {
    const cells: string[] = [];
    wb.worksheets[wb.worksheets.length - 1].eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain(JSON.stringify({ showAs: 'pct_row', top: 5, heat: false }));
  });
});

describe('a view slide made before pivots', () => {
  it('keeps no pivot when read, and exports its plain table as before: every mission ranked, in the measure’s format, no bold line but the totals', () => {
    expect(packDocSchema.parse(PACK).slides[1]).not.toHaveProperty('pivot');
    const t = ws.crossTab(PLAIN);
    const lines = sheetTable(wb.worksheets[1]);
    const ranked = [...t.rows].sort((a, b) => (b.total ?? -Infinity) - (a.total ?? -Infinity));
    expect(lines.map((l) => l.keys[0])).toEqual([...ranked.map((r) => valueText('mission', r.key[0], 'en', ref).text), 'Total']);
    lines.slice(0, -1).forEach((l, i) => expect(l.values).toEqual([...ranked[i].cells, ranked[i].total]));
    expect(lines.map((l) => l.bold)).toEqual([...ranked.map(() => false), true]);
    expect(lines[0].numFmt).toBe(spreadsheetFormat('fatalities'));
    expect(fs.existsSync(path.join(out, fileNameFor('Pivot brief', 'pdf')))).toBe(true);
  });
});
