import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { importFile } from '../../electron/core/import/run';
import { Workspace } from '../../electron/core/operations';
import { serve, type Server } from '../../electron/server/serve';
import { readViewHash, viewHash } from '../../renderer/src/views/viewHash';
import { DEFAULT_TREND_OPTIONS } from '../../shared/present/trend';
import type { CrossTab, ViewSpecInput } from '../../shared/spec';
import { FATALITIES_CSV, REPO, tempDir } from '../helpers';
import { SCREENSHOTS, assertRendererBuilt, checkFilter, failureShot, grandTotalText, hasBrowser, launchChromium, openPage, parseCell, setRows, failureReport } from './ui';

const FAILURE_SHOT = failureShot('workbench');
const WAIT = { timeout: 15_000 };

describe.skipIf(!hasBrowser)('the workbench keeps the view, lets the table out, and draws time tools (real fatalities file, serve mode + Chromium)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  let failedRequests: string[];
  let ws: Workspace;
  const engine = (spec: ViewSpecInput): CrossTab => ws.crossTab(spec);
  const total = () => grandTotalText(page).then(parseCell);
  const address = (spec: ViewSpecInput, tab: 'crossTab' | 'trends', trend = DEFAULT_TREND_OPTIONS) => `${server.url}${viewHash({ spec, tab, trend })}`;

  beforeAll(async () => {
    assertRendererBuilt();
    const dataDir = tempDir('bluehelm-workbench-');
    const dbPath = path.join(dataDir, 'workspace.sqlite');
    ws = new Workspace(dbPath);
    importFile(ws.db, { path: FATALITIES_CSV });
    server = await serve({ dbPath, dataDir, port: 0 });
    browser = await launchChromium();
    ({ page, consoleErrors, failedRequests } = await openPage(browser));
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    ws?.close();
  });

  const onFailure = failureReport(FAILURE_SHOT, () => ({ page, consoleErrors, failedRequests }));

  it('keeps the view in the URL: a reload, back and forward, a pasted link, and undo/redo restore it', async () => {
    onFailure();
    await page.goto(server.url);
    await page.getByTestId('crosstab-grid').waitFor();
    await setRows(page, ['year']);
    const minusma = engine({ measure: 'fatalities', rows: ['year'], where: { mission: ['MINUSMA'] } }).grandTotal;
    const both = engine({ measure: 'fatalities', rows: ['year'], where: { mission: ['MINUSMA', 'UNMISS'] } }).grandTotal;
    expect(both).toBeGreaterThan(minusma!);
    await checkFilter(page, 'mission', ['MINUSMA']);
    await expect.poll(total, WAIT).toBe(minusma);
    await checkFilter(page, 'mission', ['UNMISS']);
    await expect.poll(total, WAIT).toBe(both);
    expect(readViewHash(await page.evaluate(() => location.hash)).spec?.where).toEqual({ mission: ['MINUSMA', 'UNMISS'] });

    await page.reload();
    await page.getByTestId('crosstab-grid').waitFor();
    await expect.poll(total, WAIT).toBe(both);
    expect(await page.getByTestId('filter-mission').locator('summary').textContent()).toContain('MINUSMA');

    await page.goBack();
    await expect.poll(total, WAIT).toBe(minusma);
    await page.goForward();
    await expect.poll(total, WAIT).toBe(both);

    // Undo and redo from the keyboard, with the focus on the page (not in a text field).
    await page.getByTestId('view-title').click();
    await page.keyboard.press('Control+z');
    await expect.poll(total, WAIT).toBe(minusma);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(total, WAIT).toBe(both);
    // … and from the buttons.
    await page.getByTestId('undo').click();
    await expect.poll(total, WAIT).toBe(minusma);
    await page.getByTestId('redo').click();
    await expect.poll(total, WAIT).toBe(both);
    expect(await page.getByTestId('redo').isDisabled()).toBe(true);

    // A link pasted into another tab opens the same view.
    const spec: ViewSpecInput = { measure: 'fatalities', rows: ['mission'], cols: 'year', from: '2015-01-01', to: '2019-12-31' };
    const other = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await other.goto(address(spec, 'crossTab'));
    await other.getByTestId('crosstab-grid').waitFor();
    await expect.poll(() => grandTotalText(other).then(parseCell), WAIT).toBe(engine(spec).grandTotal);
    expect(await other.getByTestId('cols-select').inputValue()).toBe('year');
    await other.close();
    expect(consoleErrors).toEqual([]);
  });

  const tableSpec: ViewSpecInput = { measure: 'fatalities', rows: ['mission'], cols: 'year', from: '2015-01-01', to: '2019-12-31' };

  // The engine's table as the grid shows (and so exports) it: the largest total first, and a year outside
  // the mission's mandate (from the reference table) blank, "no data", where the engine counts 0.
  const mandates = new Map(
    (JSON.parse(fs.readFileSync(path.join(REPO, 'data', 'reference', 'missions.json'), 'utf8')) as { acronym: string; start?: string | null; end?: string | null }[]).map((m) => [m.acronym, m]),
  );
  const outside = (mission: string, year: string) => {
    const m = mandates.get(mission);
    return !!m && ((!!m.start && `${year}-12-31` < m.start) || (!!m.end && `${year}-01-01` > m.end));
  };
  const asShown = (t: CrossTab) =>
    [...t.rows]
      .sort((a, b) => b.total! - a.total! || a.key[0].localeCompare(b.key[0], undefined, { numeric: true }))
      .map((r) => ({ key: r.key, cells: r.cells.map((v, j) => (v === 0 && outside(r.key[0], t.colKeys[j]) ? null : v)), total: r.total }));

  it('copies the table and the selected rows as TSV, with the engine’s numbers', async () => {
    onFailure();
    const expected = engine(tableSpec);
    await page.goto(address(tableSpec, 'crossTab'));
    await expect.poll(total, WAIT).toBe(expected.grandTotal);

    await page.screenshot({ path: path.join(SCREENSHOTS, 'crosstab-copy-export-en.png') });
    // The chart below the grid is linked with it: a mission's row under the pointer lights its line.
    await page.getByTestId('crosstab-grid').locator('.ag-row:not(.ag-row-pinned) .ag-cell[col-id="k0"]', { hasText: 'MINUSMA' }).first().hover();
    await expect.poll(() => page.getByTestId('crosstab-chart').getAttribute('data-highlighted'), WAIT).toBe('mission=MINUSMA');
    await page.mouse.move(5, 300);
    await page.getByTestId('copy-table').click();
    const whole = (await page.evaluate(() => navigator.clipboard.readText())).trimEnd().split('\r\n').map((l) => l.split('\t'));
    expect(whole[0]).toEqual(['Mission', '2015', '2016', '2017', '2018', '2019', 'Total']);
    expect(whole).toHaveLength(1 + expected.rows.length + 1);
    const shown = asShown(expected);
    expect(shown.some((r) => r.cells.includes(null))).toBe(true);
    shown.forEach((r, i) => {
      expect(whole[i + 1][0]).toBe(r.key[0]);
      expect(whole[i + 1].slice(1).map((v) => (v === '' ? null : Number(v)))).toEqual([...r.cells, r.total]);
    });
    expect(whole.at(-1)).toEqual(['Total', ...[...expected.colTotals, expected.grandTotal].map((v) => (v === null ? '' : String(v)))]);

    // Click a row (Ctrl+click adds one), then Ctrl+C in the grid: only those rows, under the header.
    const keyCell = (mission: string) => page.locator('[data-testid="crosstab-grid"] .ag-row:not(.ag-row-pinned) .ag-cell[col-id="k0"]', { hasText: new RegExp(`^${mission}$`) });
    await keyCell('MINUSMA').click();
    await keyCell('UNMISS').click({ modifiers: ['Control'] });
    await page.keyboard.press('Control+c');
    const picked = (await page.evaluate(() => navigator.clipboard.readText())).trimEnd().split('\r\n');
    const line = (m: string) => {
      const r = shown.find((x) => x.key[0] === m)!;
      return [m, ...[...r.cells, r.total].map((v) => (v === null ? '' : String(v)))].join('\t');
    };
    expect(picked).toEqual([whole[0].join('\t'), line('MINUSMA'), line('UNMISS')]);
  });

  it('exports the table as CSV and as XLSX whose cells read back equal to the engine’s', async () => {
    onFailure();
    const expected = engine(tableSpec);
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(csvDownload.suggestedFilename()).toBe('bluehelm-fatalities.csv');
    const csv = fs.readFileSync((await csvDownload.path())!, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((l) => l.split(','));
    expect(csv[0]).toEqual(['Mission', '2015', '2016', '2017', '2018', '2019', 'Total']);
    const shown = asShown(expected);
    shown.forEach((r, i) => expect(csv[i + 1]).toEqual([r.key[0], ...[...r.cells, r.total].map((v) => (v === null ? '' : String(v)))]));
    expect(csv.at(-1)![csv[0].length - 1]).toBe(String(expected.grandTotal));

    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(xlsxDownload.suggestedFilename()).toBe('bluehelm-fatalities.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await xlsxDownload.path())!);
    const [sheet, provenance] = wb.worksheets;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([undefined, 'Mission', '2015', '2016', '2017', '2018', '2019', 'Total']);
    shown.forEach((r, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(1).value).toBe(r.key[0]);
      [...r.cells, r.total].forEach((v, j) => {
        const cell = row.getCell(j + 2);
        expect(cell.value ?? null).toBe(v);
        if (v !== null) expect(cell.type).toBe(ExcelJS.ValueType.Number);
      });
    });
    expect(sheet.getRow(expected.rows.length + 2).getCell(7).value).toBe(expected.grandTotal);
    expect(sheet.getRow(expected.rows.length + 2).getCell(2).numFmt).toBe('#,##0');
    const provText = provenance.getSheetValues().flat().filter((v) => typeof v === 'string').join('\n');
    expect(provText).toContain('DPPADPOSS-FATALITIES.csv');
    expect(provText).toContain(expected.sources[0].sha256);
    expect(provText).toContain('2015-01-01 – 2019-12-31');
    expect(provText).toContain('Definitions');
    expect(consoleErrors).toEqual([]);
  });

  it('draws a 12-month moving average equal to a hand computation, starting with the mission’s mandate', async () => {
    onFailure();
    const spec: ViewSpecInput = { measure: 'fatalities', rows: ['month'], where: { mission: ['MINUSMA'] } };
    await page.goto(address(spec, 'trends', { chart: 'line', average: 12, show: 'value', annotations: true }));
    await page.getByTestId('trend-chart').locator('svg').waitFor(WAIT);
    expect(await page.getByTestId('trend-average').inputValue()).toBe('12');
    const drawn = await page.locator('[data-testid="trend-data"] tbody tr').evaluateAll((rows) =>
      rows.map((r) => ({ month: r.querySelector('th')!.textContent!, value: r.querySelector('td')!.getAttribute('data-value') })),
    );

    // By hand: every month from the first to the last with data, 0 where MINUSMA had no fatalities,
    // blank before its mandate began (25 April 2013); then the mean of each run of 12 months.
    const byMonth = new Map(engine(spec).rows.map((r) => [r.key[0], r.total ?? 0]));
    const keys = [...byMonth.keys()].sort();
    const months: string[] = [];
    for (let d = new Date(`${keys[0]}-01T00:00:00Z`); d.toISOString().slice(0, 7) <= keys.at(-1)!; d.setUTCMonth(d.getUTCMonth() + 1)) months.push(d.toISOString().slice(0, 7));
    const raw = months.map((m) => (m < '2013-04' ? null : (byMonth.get(m) ?? 0)));
    const hand = raw.map((_, i) => {
      if (i < 11) return null;
      const window = raw.slice(i - 11, i + 1);
      return window.includes(null) ? null : (window as number[]).reduce((a, v) => a + v, 0) / 12;
    });
    expect(drawn.map((d) => d.month)).toEqual(months);
    expect(hand.filter((v) => v !== null).length).toBeGreaterThan(100);
    drawn.forEach((d, i) => {
      if (hand[i] === null) expect(d.value).toBe('');
      else expect(Number(d.value)).toBeCloseTo(hand[i]!, 9);
    });
    expect(consoleErrors).toEqual([]);
  });

  it('shows a trend with a moving average in English and Chinese at 1366×768 (screenshots)', async () => {
    onFailure();
    await page.setViewportSize({ width: 1366, height: 768 });
    const spec: ViewSpecInput = { measure: 'fatalities', rows: ['month'], cols: 'mission', where: { mission: ['MINUSMA', 'MONUSCO', 'MINUSCA', 'UNMISS'] }, from: '2010-01-01' };
    await page.goto(address(spec, 'trends', { chart: 'line', average: 12, show: 'value', annotations: true }));
    const chart = page.getByTestId('trend-chart');
    await expect.poll(() => chart.textContent(), WAIT).toContain('MINUSCA');
    expect(await page.getByTestId('trend-title').textContent()).toContain('12-period moving average');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'trend-moving-average-en.png') });
    await page.getByTestId('lang-switch').getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.getByTestId('tab-trends').textContent(), WAIT).toBe('趋势');
    await expect.poll(() => chart.textContent(), WAIT).toContain('马里稳定团');
    expect(await page.getByTestId('trend-title').textContent()).toContain('12期移动平均');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'trend-moving-average-zh.png') });
    await page.getByTestId('lang-switch').getByRole('button', { name: 'English' }).click();
    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });
});
