import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../electron/core/import/run';
import { Workspace } from '../../electron/core/workspace';
import { loadPackFile } from '../../electron/cli/pack';
import { PackInvalid } from '../../electron/core/packs/store';
import { fileNameFor, outputPath, OutputRefused, writeSafely } from '../../electron/core/packs/write';
import { valueText, lookups } from '../../shared/present/labels';
import { referenceTables } from '../../electron/core/reference/tables';
import { CLI, CONTRIBUTIONS_OPENDATA, CONTRIBUTIONS_PSDH, FATALITIES_CSV, REPO, tempDb, tempDir, writeTemp } from '../helpers';
import { hasPoppler, pdfFonts, pdfPages, pdfText, readDeck, readWorkbook, type DeckSlide } from '../pack-files';

// The monthly brief shipped in data/packs, exported by the CLI from a workspace holding the real UN
// files, then opened as an analyst's tools would: the numbers must be the engine's.

const BRIEF = path.join(REPO, 'data', 'packs', 'monthly-brief.json');
const MARKING = 'UNCLASSIFIED // FOR OFFICIAL USE ONLY';
const ref = lookups(referenceTables().tables);

function cli(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, BLUEHELM_DATA_DIR: tempDir() } });
}

let db: string;
let ws: Workspace;
let out: string;
let deck: DeckSlide[];
let sha256s: string[];

beforeAll(async () => {
  db = tempDb();
  ws = new Workspace(db);
  for (const f of [FATALITIES_CSV, CONTRIBUTIONS_PSDH, CONTRIBUTIONS_OPENDATA]) importFile(ws.db, { path: f });
  sha256s = ws.datasets().map((d) => d.sha256);
  out = tempDir();
  const en = cli(['pack', 'export', '--spec', BRIEF, '--format', 'pptx,pdf,xlsx', '--out', out, '--db', db]);
  expect(en.stderr).toBe('');
  expect(en.status).toBe(0);
  const zh = cli(['pack', 'export', '--spec', BRIEF, '--format', 'pdf', '--lang', 'zh', '--out', path.join(out, 'brief-zh.pdf'), '--db', db]);
  expect(zh.status).toBe(0);
  deck = await readDeck(path.join(out, fileNameFor('Monthly brief: safety and security of peacekeepers', 'pptx')));
}, 180_000);

afterAll(() => ws?.close());

const file = (ext: string) => path.join(out, fileNameFor('Monthly brief: safety and security of peacekeepers', ext));

describe('the monthly brief as a PPTX', () => {
  it('has every slide of the pack, each with the marking in header and footer', () => {
    expect(deck).toHaveLength(13);
    for (const s of deck) expect(s.text.split('\n').filter((t) => t === MARKING).length).toBeGreaterThanOrEqual(2);
  });

  it('draws native charts whose values are the engine’s cross-tab (fatalities by year)', () => {
    const slide = deck[1];
    expect(slide.charts).toHaveLength(1);
    const [series] = slide.charts[0].series;
    const t = ws.crossTab({ measure: 'fatalities', rows: ['year'], from: '2015-01-01', to: '2024-12-31' });
    expect(series.categories).toEqual(t.rows.map((r) => r.key[0]));
    expect(series.values).toEqual(t.rows.map((r) => r.total));
    expect(t.grandTotal).toBeGreaterThan(1000);
  });

  it('stacks malicious-act deaths by mission over years, each point equal to its cross-tab cell', () => {
    const chart = deck[2].charts[0];
    const t = ws.crossTab({ measure: 'fatalities', rows: ['year'], cols: 'mission', where: { incident_type: ['Malicious Act'], service: ['military', 'police'] }, from: '2017-01-01', to: '2024-12-31' });
    expect(chart.series.length).toBeGreaterThanOrEqual(3);
    for (const s of chart.series) {
      const j = t.colKeys.findIndex((k) => valueText('mission', k, 'en', ref).text === s.name);
      expect(j, s.name).toBeGreaterThanOrEqual(0);
      // A mission's line runs over its mandate only (no zeros for the years before or after it).
      const mission = ref.missions.get(t.colKeys[j])!;
      s.categories.forEach((year, i) => {
        const row = t.rows.find((r) => r.key[0] === year);
        const inMandate = (!mission.start || mission.start <= `${year}-12-31`) && (!mission.end || mission.end >= `${year}-01-01`);
        expect(s.values[i], `${s.name} ${year}`).toBe(inMandate ? (row?.cells[j] ?? 0) : null);
      });
    }
    // A/74/533 para 68: 27 such deaths in 2018.
    const y2018 = chart.series[0].categories.indexOf('2018');
    expect(chart.series.reduce((sum, s) => sum + (s.values[y2018] ?? 0), 0)).toBe(27);
  });

  it('ranks fatality rates by mission with the engine’s values (a chart over categories, not time)', () => {
    const [series] = deck[7].charts[0].series;
    const t = ws.crossTab({ measure: 'fatality_rate', rows: ['mission'], from: '2021-01-01', to: '2024-12-31' });
    const ranked = [...t.rows].sort((a, b) => (b.total ?? -Infinity) - (a.total ?? -Infinity)).slice(0, 15);
    expect(series.values).toEqual(ranked.map((r) => r.total));
  });

  it('gives each rate its 95 % interval on the slide, and the workbook the deaths, bounds and deaths left out as numbers', async () => {
    expect(deck[7].text).toContain('95% interval');
    const t = ws.crossTab({ measure: 'fatality_rate', rows: ['mission'], from: '2021-01-01', to: '2024-12-31' });
    const g = t.rate!.grandTotal!;
    expect(g.low! < t.grandTotal! && t.grandTotal! < g.high!).toBe(true);
    const sheet = (await readWorkbook(file('xlsx'))).worksheets[7];
    let header: string[] = [];
    let totals: unknown[] = [];
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      if (values.includes('95% interval, low')) header = values as string[];
      if (values[0] === 'Total') totals = values;
    });
    expect(header).toEqual(['Mission', 'Total', 'Deaths counted', '95% interval, low', '95% interval, high', 'Deaths left out (no deployment report)']);
    expect(totals).toEqual(['Total', t.grandTotal, g.deaths, g.low, g.high, g.excluded]);
  });

  it('keeps the notes, the key messages and a native table', () => {
    expect(deck[1].notes).toContain('Deaths are dated by incident date');
    expect(deck[2].text).toContain('A/74/533 counted 27 such deaths in 2018');
    expect(deck[6].xml).toContain('<a:tbl>');
    expect(deck[6].text).toContain('Bangladesh');
  });

  it('says plainly that a slide has no data, and exports all the same', () => {
    expect(deck[10].text).toContain('No data for this slide: no IED incident data in this workspace');
    expect(deck[10].charts).toHaveLength(0);
  });

  it('ends with a sources slide naming every dataset by its sha256, and the definitions', () => {
    const sources = deck[12];
    for (const sha of sha256s) expect(sources.text).toContain(sha);
    expect(sources.text).toContain('DPPADPOSS-FATALITIES.csv');
    expect(sources.text).toMatch(/Fatality rate \(per 1,000 person-years\): /);
    expect(sources.text).toMatch(/Generated by Bluehelm on \d{4}-\d{2}-\d{2}/);
  });
});

describe.skipIf(!hasPoppler)('the monthly brief as a PDF', () => {
  it('has one page per slide, the font embedded, the marking and text extractable on every page', () => {
    expect(pdfPages(file('pdf'))).toBe(13);
    expect(pdfFonts(file('pdf'))).toMatch(/NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    for (let p = 1; p <= 13; p++) expect(pdfText(file('pdf'), p)).toContain(MARKING);
    expect(pdfText(file('pdf'), 13)).toContain(sha256s[0]);
  });

  it('in Chinese, embeds the CJK font so the text extracts as Chinese', () => {
    const zh = path.join(out, 'brief-zh.pdf');
    expect(pdfFonts(zh)).toMatch(/NotoSansSC-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    const text = pdfText(zh);
    expect(text).toContain('联合国维和人员的安全和安保');
    expect(text).toContain('来源和方法');
    expect(text).toContain('马里稳定团(MINUSMA)');
    expect(text).toContain('本页没有数据');
  });
});

describe('the monthly brief as a workbook', () => {
  it('holds each view’s whole table as numbers equal to the engine’s, and a provenance sheet', async () => {
    const wb = await readWorkbook(file('xlsx'));
    expect(wb.worksheets).toHaveLength(14);
    const sheet = wb.worksheets[6]; // contributors in 2024: every country, as numbers
    const t = ws.crossTab({ measure: 'deployed', rows: ['country'], from: '2024-01-01', to: '2024-12-31' });
    const byName = new Map(t.rows.map((r) => [valueText('country', r.key[0], 'en', ref).text, r.total]));
    let checked = 0;
    sheet.eachRow((row) => {
      const name = row.getCell(1).value;
      const v = row.getCell(2).value;
      if (typeof name === 'string' && byName.has(name)) {
        expect(typeof v).toBe('number');
        expect(v).toBeCloseTo(byName.get(name)!, 9);
        expect(row.getCell(2).numFmt).toBe('#,##0.0');
        checked++;
      }
    });
    expect(checked).toBe(t.rows.length);
    const provenance = wb.worksheets[13];
    const cells: string[] = [];
    provenance.eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
    for (const sha of sha256s) expect(cells).toContain(sha);
    expect(sheet.getRow(1).getCell(1).value).toBe(MARKING);
  });
});

describe('pack files and output paths', () => {
  it('names the slide and the field of a wrong pack file', () => {
    const doc = JSON.parse(fs.readFileSync(BRIEF, 'utf8'));
    doc.slides[2].spec.measure = 'fatality';
    const bad = writeTemp('bad-pack.json', JSON.stringify(doc));
    expect(() => loadPackFile(bad)).toThrow(PackInvalid);
    expect(() => loadPackFile(bad)).toThrow(/bad-pack\.json: slide 3, field "spec\.measure"/);
    doc.slides[2].spec.measure = 'fatality_rate';
    doc.slides[2].spec.where = {};
    doc.slides[2].chart = 'stacked_bar';
    const stacked = writeTemp('stacked-rate.json', JSON.stringify(doc));
    expect(() => loadPackFile(stacked)).toThrow(/slide 3, field "chart": a stacked bar chart adds values up/);
    const r = cli(['pack', 'export', '--spec', bad, '--format', 'pdf', '--out', tempDir(), '--db', db]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/slide 3, field "spec\.measure"/);
  });

  it('refuses an output path outside the chosen folder and leaves no partial file', () => {
    const dir = tempDir();
    expect(() => outputPath(dir, '../escape.pptx')).toThrow(OutputRefused);
    expect(() => outputPath(dir, '/etc/escape.pptx')).toThrow(OutputRefused);
    expect(() => outputPath(path.join(dir, 'missing'), 'x.pptx')).toThrow(/no such folder/);
    fs.symlinkSync('/tmp', path.join(dir, 'link'));
    expect(() => outputPath(dir, 'link/x.pptx')).toThrow(OutputRefused);
    const target = outputPath(dir, 'ok.pptx');
    fs.writeFileSync(target, 'old');
    writeSafely(target, Buffer.from('new'));
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    expect(fs.readdirSync(dir).sort()).toEqual(['link', 'ok.pptx']);
    const r = cli(['pack', 'export', '--spec', BRIEF, '--format', 'pdf', '--out', path.join(dir, 'no-such-folder', 'x.pdf'), '--db', db]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no such folder/);
  });
});
