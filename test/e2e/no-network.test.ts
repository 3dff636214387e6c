import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { serve, type Server } from '../../electron/server/serve';
import { FATALITIES_CSV, tempDb, tempDir } from '../helpers';
import { assertRendererBuilt, cellText, failureShot, hasBrowser, launchChromium, openPage, parseCell, setRows } from './ui';

// "Nothing leaves the machine", in serve mode: a whole session in Chromium (import, cross-tab,
// source rows, a briefing pack exported and downloaded in every format, trends, published figures,
// both languages) with every request the page makes seen by
// an interceptor. Anything addressed elsewhere than the server on 127.0.0.1 is recorded and refused.

const FAILURE_SHOT = failureShot('no-network');
const WAIT = { timeout: 60_000 };

describe.skipIf(!hasBrowser)('a full serve-mode session makes no request beyond 127.0.0.1', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const elsewhere: string[] = [];

  beforeAll(async () => {
    assertRendererBuilt();
    server = await serve({ dbPath: tempDb(), dataDir: tempDir(), port: 0 });
    browser = await launchChromium();
    ({ page } = await openPage(browser));
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      requests.push(url.href);
      const local = url.protocol === 'data:' || url.protocol === 'blob:' || (url.hostname === '127.0.0.1' && url.port === String(server.port));
      if (local) return route.continue();
      elsewhere.push(url.href);
      return route.abort('blockedbyclient');
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('import, cross-tab, source rows, a pack exported as PPTX, PDF and XLSX, trends, published figures, Chinese: every request goes to the server', async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: FAILURE_SHOT, fullPage: true });
      console.warn(`requests elsewhere: ${JSON.stringify(elsewhere)}`);
    });
    await page.goto(server.url);
    await page.getByTestId('import-input').setInputFiles(FATALITIES_CSV);
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 120_000 });
    await result.getByRole('button', { name: 'Close' }).click();

    await page.getByTestId('measure-select').selectOption('fatalities');
    await setRows(page, ['mission']);
    await page.getByTestId('cols-select').selectOption('year');
    await expect.poll(() => cellText(page, 'MINUSMA', '2018').then(parseCell), WAIT).toBeGreaterThan(0);
    await page.locator('[data-testid="crosstab-grid"] [role="gridcell"]').nth(3).click();
    await page.getByTestId('source-rows-panel').waitFor(WAIT);
    await page.keyboard.press('Escape');

    // A briefing pack of this view, exported in every format and downloaded.
    await page.getByTestId('add-to-pack').click();
    await page.getByTestId('tab-packs').click();
    await page.getByTestId('slide-preview').waitFor(WAIT);
    for (const format of ['pptx', 'pdf', 'xlsx']) {
      const download = page.waitForEvent('download', { timeout: 120_000 });
      await page.getByTestId(`export-${format}`).click();
      expect((await download).suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
      await expect.poll(() => page.getByTestId('export-state').textContent(), WAIT).toContain('Exported');
    }

    await page.getByTestId('tab-trends').click();
    await expect.poll(() => page.locator('[data-testid="trend-chart"] svg').count(), WAIT).toBe(1);
    await page.getByTestId('tab-published').click();
    await expect.poll(() => page.getByTestId('figure-row').count(), WAIT).toBeGreaterThan(0);
    await page.getByTestId('tab-datasets').click();
    await page.getByTestId('datasets-list').waitFor(WAIT);
    await page.getByTestId('lang-switch').getByRole('button', { name: '中文' }).click();
    await page.getByTestId('tab-crossTab').click();
    await page.getByTestId('crosstab-grid').waitFor(WAIT);
    await page.waitForLoadState('networkidle');

    console.info(`no-network: ${requests.length} requests seen, ${elsewhere.length} beyond 127.0.0.1`);
    expect(requests.length).toBeGreaterThan(10);
    expect(elsewhere).toEqual([]);
  });
});
