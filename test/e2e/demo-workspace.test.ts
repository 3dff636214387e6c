import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startupWorkspace } from '../../electron/core/session';
import { serve, type Server } from '../../electron/server/serve';
import { FATALITIES_CSV, tempDir } from '../helpers';
import { SCREENSHOTS, assertRendererBuilt, cellSelector, cellText, checkFilter, failureShot, hasBrowser, launchChromium, openPage, parseCell, setRows } from './ui';

const FAILURE_SHOT = failureShot('demo-workspace');
// The first query on a freshly opened workspace can take a second or two.
const WAIT = { timeout: 15_000 };

describe.skipIf(!hasBrowser)('the synthetic demo on a first start, and the way to a workspace of one’s own', () => {
  let dataDir: string;
  let server: Server;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  let failedRequests: string[];
  const savedDataDir = process.env.BLUEHELM_DATA_DIR;

  beforeAll(async () => {
    assertRendererBuilt();
    // A first start: an app-data folder with nothing in it, so the start opens (and writes) the demo.
    dataDir = tempDir('bluehelm-first-start-');
    process.env.BLUEHELM_DATA_DIR = dataDir;
    const start = startupWorkspace(undefined, dataDir);
    expect(start.firstStart).toBe(true);
    server = await serve({ dbPath: start.path, dataDir, port: 0 });
    browser = await launchChromium();
    ({ page, consoleErrors, failedRequests } = await openPage(browser));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    process.env.BLUEHELM_DATA_DIR = savedDataDir;
  });

  const banner = () => page.getByTestId('synthetic-banner');
  const switcher = () => page.getByTestId('workspace-switcher');
  const minusmaIedByYear = async (year: string) => parseCell(await cellText(page, year, 'Total'));

  it('marks every view as synthetic, refuses real files, and switches to a new workspace and back', async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: FAILURE_SHOT, fullPage: true });
      console.warn(`screenshot of the failure: ${FAILURE_SHOT}\nconsole errors: ${JSON.stringify(consoleErrors)}\nfailed requests: ${JSON.stringify(failedRequests)}`);
    });
    await page.goto(server.url);
    await page.getByTestId('crosstab-grid').waitFor();
    expect(await switcher().textContent()).toContain('demo-workspace.sqlite');
    expect(await switcher().getByTestId('workspace-kind').textContent()).toBe('DEMO');

    // Cross-tab: the calibrated MINUSMA IED series (A/74/533: +38% from 2014 to 2018).
    await page.getByTestId('measure-select').selectOption('ied_incidents');
    await setRows(page, ['year']);
    await checkFilter(page, 'mission', ['MINUSMA']);
    await expect.poll(() => page.getByTestId('view-title').textContent(), WAIT).toContain('IED incidents by YearMission: MINUSMA');
    await expect.poll(() => minusmaIedByYear('2014'), WAIT).toBe(100);
    expect(await minusmaIedByYear('2018')).toBe(138);
    expect(await banner().isVisible()).toBe(true);
    expect(await page.getByTestId('synthetic-mark').textContent()).toBe('SYNTHETIC DEMO DATA');
    expect(await page.getByTestId('grid-notes').textContent()).toContain('SYNTHETIC');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'demo-banner-en.png') });

    // The rows behind a number carry the mark as well, and name the synthetic file they came from.
    await page.locator((await cellSelector(page, '2018', 'Total'))!).click();
    const sourceRows = page.getByTestId('source-rows-panel');
    await expect.poll(() => sourceRows.getByTestId('source-rows-count').textContent(), WAIT).toBe('138 rows');
    expect(await sourceRows.getByTestId('synthetic-mark').textContent()).toBe('SYNTHETIC DEMO DATA');
    expect(await sourceRows.getByTestId('source-row').first().textContent()).toMatch(/SYNTHETIC-demo-ied-incidents\.csv:\d+$/);
    await page.keyboard.press('Escape');
    await expect.poll(() => sourceRows.count()).toBe(0);

    // Trends: the same view as a line, marked in the page and inside the chart itself.
    await page.getByTestId('tab-trends').click();
    await expect.poll(() => page.locator('[data-testid="trend-chart"] svg').count(), WAIT).toBe(1);
    expect(await banner().isVisible()).toBe(true);
    expect(await page.getByTestId('synthetic-mark').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('trend-chart').textContent(), WAIT).toContain('SYNTHETIC DEMO DATA');
    expect(await page.getByTestId('trends-view').getByTestId('grid-notes').textContent()).toContain('SYNTHETIC-demo-ied-incidents.csv');

    // Published figures, recomputed from the demo, carry the mark too.
    await page.getByTestId('tab-published').click();
    await expect.poll(() => page.getByTestId('figure-row').count(), WAIT).toBeGreaterThan(0);
    expect(await banner().isVisible()).toBe(true);
    expect(await page.getByTestId('published-figures').getByTestId('synthetic-mark').isVisible()).toBe(true);

    // A real file is refused, with the way to a workspace of one's own.
    await page.getByTestId('tab-crossTab').click();
    await page.getByTestId('import-input').setInputFiles(FATALITIES_CSV);
    const refused = page.getByTestId('import-refused');
    await refused.waitFor({ timeout: 60_000 });
    expect(await refused.textContent()).toContain('workspace of your own');

    // The banner's button starts one: the default file, empty, and no longer synthetic.
    await banner().getByTestId('new-workspace').click();
    await page.getByTestId('empty-state').waitFor();
    expect(await switcher().textContent()).toContain('workspace.sqlite');
    expect(await switcher().textContent()).not.toContain('demo-workspace.sqlite');
    expect(await switcher().getByTestId('workspace-kind').textContent()).toBe('Empty');
    expect(await banner().count()).toBe(0);

    // Back to the demo from the recent list: the view the analyst had built there reopens (the demo's last view).
    await switcher().click();
    await page.getByTestId('recent-workspace').filter({ hasText: 'demo-workspace.sqlite' }).click();
    await banner().waitFor();
    expect(await switcher().textContent()).toContain('demo-workspace.sqlite');
    await expect.poll(() => minusmaIedByYear('2014'), WAIT).toBe(100);

    // And once more through the switcher's own buttons: the new workspace, then "Open the demo".
    await switcher().click();
    await page.getByTestId('recent-workspace').filter({ hasText: /\/workspace\.sqlite/ }).click();
    await page.getByTestId('empty-state').waitFor();
    await switcher().click();
    await page.getByTestId('open-demo').click();
    await banner().waitFor();
    await expect.poll(() => minusmaIedByYear('2018'), WAIT).toBe(138);

    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });
});
