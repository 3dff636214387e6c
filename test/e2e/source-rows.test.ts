import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { importFile } from '../../electron/core/import/run';
import { Workspace } from '../../electron/core/workspace';
import { serve, type Server } from '../../electron/server/serve';
import { FATALITIES_CSV, tempDb, tempDir } from '../helpers';
import { GRAND_TOTAL, SCREENSHOTS, assertRendererBuilt, cellSelector, cellText, checkFilter, failureShot, hasBrowser, launchChromium, openPage, parseCell, setRows } from './ui';

const FAILURE_SHOT = failureShot('source-rows');
const WAIT = { timeout: 15_000 };
const FILE_LINE = /^DPPADPOSS-FATALITIES\.csv:(\d+)$/;

describe.skipIf(!hasBrowser)('every number opens the lines of the file it counts', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  let failedRequests: string[];
  const fileLines = fs.readFileSync(FATALITIES_CSV, 'utf8').split('\n');

  beforeAll(async () => {
    assertRendererBuilt();
    const dbPath = tempDb();
    const ws = new Workspace(dbPath);
    importFile(ws.db, { path: FATALITIES_CSV });
    ws.close();
    server = await serve({ dbPath, dataDir: tempDir(), port: 0 });
    browser = await launchChromium();
    ({ page, consoleErrors, failedRequests } = await openPage(browser));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const panel = () => page.getByTestId('source-rows-panel');
  const count = () => panel().getByTestId('source-rows-count').textContent();
  const cell = async (rowLabel: string, colHeader: string) => {
    const selector = await cellSelector(page, rowLabel, colHeader);
    if (!selector) throw new Error(`no cell ${rowLabel} × ${colHeader} in the grid`);
    return page.locator(selector);
  };

  it('lists the 11 MINUSMA deaths of 2018 with their lines, by click and by Enter, in English and Chinese', async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: FAILURE_SHOT, fullPage: true });
      console.warn(`screenshot of the failure: ${FAILURE_SHOT}\nconsole errors: ${JSON.stringify(consoleErrors)}\nfailed requests: ${JSON.stringify(failedRequests)}`);
    });
    await page.goto(server.url);
    await page.getByTestId('crosstab-grid').waitFor(WAIT);

    // Uniformed peacekeepers killed by malicious acts in 2018, by mission and year.
    await page.getByTestId('measure-select').selectOption('fatalities');
    await setRows(page, ['mission']);
    await page.getByTestId('cols-select').selectOption('year');
    await checkFilter(page, 'incident_type', ['Malicious Act']);
    await checkFilter(page, 'service', ['military', 'police']);
    await page.getByTestId('date-from').fill('2018-01-01');
    await page.getByTestId('date-to').fill('2018-12-31');
    await expect.poll(() => page.getByTestId('view-title').textContent(), WAIT).toContain('2018-01-01 – 2018-12-31');
    await expect.poll(() => cellText(page, 'MINUSMA', '2018').then(parseCell), WAIT).toBe(11);

    await (await cell('MINUSMA', '2018')).click();
    await expect.poll(count, WAIT).toBe('11 rows');
    const cellWords = await panel().getByTestId('source-rows-cell').textContent();
    expect(cellWords).toContain('Fatalities by Mission × Year');
    expect(cellWords).toContain('Incident type: Malicious Act');
    expect(cellWords).toContain('Cell · Mission: MINUSMA · Year: 2018');
    const rows = panel().getByTestId('source-row');
    expect(await rows.count()).toBe(11);
    const listed = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    for (const row of listed) expect(row.at(-1)).toMatch(FILE_LINE);

    // A listed line, read straight from the UN file: the same casualty, the same mission.
    const [casualtyId, , mission] = listed[0];
    const line = Number(FILE_LINE.exec(listed[0].at(-1)!)![1]);
    const source = fileLines[line - 1].split(',');
    expect(source[2]).toBe(casualtyId);
    expect(source[3]).toBe(mission);
    expect(source[1].startsWith('2018-')).toBe(true);

    expect(await panel().getByTestId('synthetic-mark').count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'source-rows-en.png') });

    // The grid stays usable with the panel open; Escape closes it, Enter on a total opens it again.
    await page.keyboard.press('Escape');
    await expect.poll(() => panel().count()).toBe(0);
    await (await cell('MONUSCO', 'Total')).focus();
    await page.keyboard.press('Enter');
    await expect.poll(count, WAIT).toBe('8 rows');
    expect(await panel().getByTestId('source-rows-cell').textContent()).toContain('Row total · Mission: MONUSCO · Year: all');
    await page.locator(GRAND_TOTAL).click();
    await expect.poll(count, WAIT).toBe('27 rows');
    await panel().getByTestId('source-rows-close').click();
    await expect.poll(() => panel().count()).toBe(0);

    await (await cell('MINUSMA', '2018')).click();
    await expect.poll(count, WAIT).toBe('11 rows');
    await page.getByTestId('lang-switch').getByRole('button', { name: '中文' }).click();
    await expect.poll(() => panel().locator('h3').textContent()).toBe('来源行');
    expect(await count()).toBe('共 11 行');
    expect(await panel().locator('th').allTextContents()).toEqual(['伤亡编号', '事件日期', '特派团', '国籍', '人员类别', '事件类型', '性别', '数据文件:行号']);
    expect(await panel().getByTestId('source-rows-cell').textContent()).toContain('单元格 · 特派团：马里稳定团(MINUSMA) · 年份：2018');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'source-rows-zh.png') });
    await page.getByTestId('lang-switch').getByRole('button', { name: 'English' }).click();

    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });
});
