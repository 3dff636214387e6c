import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serve, type Server } from '../../electron/server/serve';
import { Workspace } from '../../electron/core/operations';
import type { ViewSpecInput } from '../../shared/spec';
import { FATALITIES_CSV, REPO, tempDb } from '../helpers';

const CHROMIUM = '/usr/bin/chromium';
const hasBrowser = fs.existsSync(CHROMIUM);
if (!hasBrowser) console.warn('browser suite skipped: install chromium (apt-get install chromium) to run it');

const SCREENSHOTS = path.join(REPO, 'docs', 'screenshots');
const RENDERER_INDEX = path.join(REPO, 'dist', 'renderer', 'index.html');
const FAILURE_SHOT = path.join(REPO, 'test-results', 'e2e-fatalities-failure.png');

/** A grid cell as the analyst reads it: "1,234" → 1234, "—" → null. */
function parseCell(text: string | null): number | null {
  if (text === null) throw new Error('cell not found in the grid');
  const t = text.trim();
  return t === '—' ? null : Number(t.replace(/,/g, ''));
}

/**
 * The text of the cell at (row whose first key reads rowLabel, column headed colHeader), found the
 * way a person would: by the labels on screen, not by the engine's internal keys.
 */
async function cellText(page: Page, rowLabel: string, colHeader: string): Promise<string | null> {
  return page.evaluate(
    ([rowLabel, colHeader]) => {
      const grid = document.querySelector('[data-testid="crosstab-grid"]');
      if (!grid) return null;
      const header = [...grid.querySelectorAll('.ag-header-cell')].find((h) => h.textContent?.trim() === colHeader);
      const colId = header?.getAttribute('col-id');
      const keyCell = [...grid.querySelectorAll('.ag-row:not(.ag-row-pinned) .ag-cell[col-id="k0"]')].find((c) => c.textContent?.trim() === rowLabel);
      const rowIndex = keyCell?.closest('.ag-row')?.getAttribute('row-index');
      if (!colId || rowIndex == null) return null;
      const cell = grid.querySelector(`.ag-row:not(.ag-row-pinned)[row-index="${rowIndex}"] .ag-cell[col-id="${colId}"]`);
      return cell?.textContent ?? null;
    },
    [rowLabel, colHeader],
  );
}

async function grandTotalText(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('[data-testid="crosstab-grid"] .ag-row-pinned [col-id="total"]')?.textContent ?? null);
}

/** Makes the row dimensions exactly these, in this order, through the row toggles. */
async function setRows(page: Page, dims: string[]): Promise<void> {
  const toggles = page.locator('[data-testid^="row-dim-"]');
  for (const toggle of await toggles.all()) {
    const dim = (await toggle.getAttribute('data-testid'))!.slice('row-dim-'.length);
    if ((await toggle.getAttribute('aria-pressed')) === 'true' && !dims.includes(dim)) await toggle.click();
  }
  for (const dim of dims) {
    const toggle = page.getByTestId(`row-dim-${dim}`);
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  }
}

async function checkFilter(page: Page, dim: string, values: string[]): Promise<void> {
  const filter = page.getByTestId(`filter-${dim}`);
  await filter.locator('summary').click();
  for (const v of values) await filter.locator(`input[type="checkbox"][value="${v}"]`).check();
}

describe.skipIf(!hasBrowser)('fatalities through the UI (serve mode + Chromium)', () => {
  let dbPath: string;
  let server: Server;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const failedRequests: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(RENDERER_INDEX)) throw new Error('the renderer is not built: run "npx vite build --config renderer/vite.config.ts" first');
    dbPath = tempDb();
    server = await serve({ dbPath, port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // Playwright hides scrollbars in headless mode; the screenshots should show the desktop layout.
      ignoreDefaultArgs: ['--hide-scrollbars'],
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('requestfailed', (r) => failedRequests.push(`${r.method()} ${r.url()}: ${r.failure()?.errorText}`));
    page.on('response', (r) => {
      if (r.status() >= 400) failedRequests.push(`${r.request().method()} ${r.url()}: HTTP ${r.status()}`);
    });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
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
    await expect.poll(() => page.getByTestId('crosstab-grid').textContent()).toContain('马里稳定团 (MINUSMA)');
    expect(await page.getByTestId('view-title').textContent()).toContain('死亡人数');
    expect(await page.getByTestId('crosstab-grid').textContent()).toContain('军事人员');
    expect(parseCell(await cellText(page, '马里稳定团 (MINUSMA)', '合计'))).toBe(11);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crosstab-zh.png'), fullPage: true });

    await page.reload();
    await expect.poll(() => page.getByTestId('lang-switch').getByRole('button', { name: '中文' }).getAttribute('aria-pressed')).toBe('true');

    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });
});
