import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { serve, type Server } from '../../electron/server/serve';
import { Workspace } from '../../electron/core/operations';
import type { ViewSpecInput } from '../../shared/spec';
import { FATALITIES_CSV, tempDb } from '../helpers';
import { SCREENSHOTS, assertRendererBuilt, cellText, checkFilter, failureShot, grandTotalText, hasBrowser, launchChromium, openPage, parseCell, setRows } from './ui';

const FAILURE_SHOT = failureShot('fatalities');

describe.skipIf(!hasBrowser)('fatalities through the UI (serve mode + Chromium)', () => {
  let dbPath: string;
  let server: Server;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  let failedRequests: string[];

  beforeAll(async () => {
    assertRendererBuilt();
    dbPath = tempDb();
    server = await serve({ dbPath, port: 0 });
    browser = await launchChromium();
    ({ page, consoleErrors, failedRequests } = await openPage(browser));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('imports the real file, builds mission × year and matches the core, in English and Chinese', async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: FAILURE_SHOT, fullPage: true });
      console.warn(`screenshot of the failure: ${FAILURE_SHOT}\nconsole errors: ${JSON.stringify(consoleErrors)}\nfailed requests: ${JSON.stringify(failedRequests)}`);
    });
    await page.goto(server.url);
    await expect.poll(() => page.getByTestId('empty-state').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('empty-state').textContent()).toContain('DPPADPOSS-FATALITIES.csv');

    await page.getByTestId('import-input').setInputFiles(FATALITIES_CSV);
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 120_000 });
    expect(await result.textContent()).toContain('4,429 rows read');
    expect(await result.textContent()).toContain('4,423 inserted');
    await result.getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('crosstab-grid').waitFor();

    const ws = new Workspace(dbPath);
    const spec: ViewSpecInput = { measure: 'fatalities', rows: ['mission'], cols: 'year' };
    const expected = ws.crossTab(spec);
    ws.close();
    const cell = (mission: string, year: string) => {
      const row = expected.rows.find((r) => r.key[0] === mission);
      return row ? row.cells[expected.colKeys.indexOf(year)] : undefined;
    };
    expect(cell('MINUSMA', '2018')).toBeGreaterThan(0);

    await page.getByTestId('measure-select').selectOption('fatalities');
    await setRows(page, ['mission']);
    await page.getByTestId('cols-select').selectOption('year');
    await expect.poll(() => page.getByTestId('view-title').textContent()).toContain('Fatalities by Mission × Year');
    await expect.poll(() => cellText(page, 'MINUSMA', '2018').then(parseCell)).toBe(cell('MINUSMA', '2018'));
    expect(parseCell(await cellText(page, 'MONUSCO', '2018'))).toBe(cell('MONUSCO', '2018'));
    expect(parseCell(await grandTotalText(page))).toBe(expected.grandTotal);
    expect(await page.getByTestId('grid-notes').textContent()).toContain(`DPPADPOSS-FATALITIES.csv sha256 ${expected.sources[0].sha256.slice(0, 12)}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crosstab-en.png'), fullPage: true });

    // The published anchor: uniformed peacekeepers killed by malicious acts in 2018.
    await page.getByTestId('cols-select').selectOption('');
    await checkFilter(page, 'incident_type', ['Malicious Act']);
    await checkFilter(page, 'service', ['military', 'police']);
    await page.getByTestId('date-from').fill('2018-01-01');
    await page.getByTestId('date-to').fill('2018-12-31');
    await expect.poll(() => page.getByTestId('view-title').textContent()).toContain('2018-01-01 – 2018-12-31');
    await expect.poll(() => grandTotalText(page).then(parseCell)).toBe(27);
    expect(parseCell(await cellText(page, 'MINUSMA', 'Total'))).toBe(11);
    expect(parseCell(await cellText(page, 'MONUSCO', 'Total'))).toBe(8);
    expect(parseCell(await cellText(page, 'MINUSCA', 'Total'))).toBe(7);

    // The same view split by personnel type keeps its total, and shows translated values in Chinese.
    await page.getByTestId('cols-select').selectOption('personnel_type');
    await expect.poll(() => page.getByTestId('view-title').textContent()).toContain('Mission × Personnel type');
    expect(parseCell(await grandTotalText(page))).toBe(27);

    await page.getByTestId('lang-switch').getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.getByTestId('crosstab-grid').textContent()).toContain('马里稳定团(MINUSMA)');
    expect(await page.getByTestId('view-title').textContent()).toContain('死亡人数');
    expect(await page.getByTestId('crosstab-grid').textContent()).toContain('军事人员');
    expect(parseCell(await cellText(page, '马里稳定团(MINUSMA)', '合计'))).toBe(11);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crosstab-zh.png'), fullPage: true });

    await page.reload();
    await expect.poll(() => page.getByTestId('lang-switch').getByRole('button', { name: '中文' }).getAttribute('aria-pressed')).toBe('true');

    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });
});
