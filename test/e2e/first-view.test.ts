import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CrossTab } from '../../shared/spec';
import { CLI, tempDir } from '../helpers';
import { GRAND_TOTAL, SCREENSHOTS, assertRendererBuilt, failureShot, hasBrowser, launchChromium, openPage, parseCell } from './ui';

const FAILURE_SHOT = failureShot('first-view');

// What an analyst sees on opening a workspace, with no click: `bluehelm demo --db X`, then
// `bluehelm serve --db X`, both through the command as typed, and the first page load.
describe.skipIf(!hasBrowser)('the first view of a workspace (demo, serve, first page load)', () => {
  let dir: string;
  let db: string;
  let server: ChildProcess;
  let url: string;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  let failedRequests: string[];
  const env = () => ({ ...process.env, BLUEHELM_DATA_DIR: dir });

  beforeAll(async () => {
    assertRendererBuilt();
    dir = tempDir('bluehelm-first-view-');
    db = path.join(dir, 'demo.sqlite');
    const demo = spawnSync(process.execPath, [CLI, 'demo', '--db', db], { encoding: 'utf8', env: env() });
    expect(demo.status, demo.stderr).toBe(0);
    server = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /serving at (\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      server.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    browser = await launchChromium();
    ({ page, consoleErrors, failedRequests } = await openPage(browser));
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
  });

  /** The core's answer for the default view, through the same command. */
  const coreCrossTab = (): CrossTab => {
    const r = spawnSync(process.execPath, [CLI, 'crosstab', '--db', db, '--measure', 'fatalities', '--rows', 'year', '--format', 'json'], { encoding: 'utf8', env: env() });
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as CrossTab;
  };

  it('shows the grid, an ECharts chart of the same numbers and the synthetic mark, without a click', async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: FAILURE_SHOT, fullPage: true });
      console.warn(`screenshot of the failure: ${FAILURE_SHOT}\nconsole errors: ${JSON.stringify(consoleErrors)}\nfailed requests: ${JSON.stringify(failedRequests)}`);
    });
    await page.goto(url);
    await page.locator(GRAND_TOTAL).waitFor({ timeout: 20_000 });
    const chart = page.getByTestId('crosstab-chart');
    await chart.locator('svg path[d]').first().waitFor({ state: 'attached' });

    const core = coreCrossTab();
    expect(core.rows.length).toBeGreaterThan(5);
    expect(parseCell(await page.locator(GRAND_TOTAL).textContent())).toBe(core.grandTotal);
    // The chart draws the grid's numbers: one point per year, each the engine's total for that year.
    const drawn = await page.getByTestId('crosstab-chart-data').locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => [r.querySelector('th')!.textContent, Number(r.querySelector('td')!.getAttribute('data-value'))]),
    );
    expect(drawn).toEqual(core.rows.map((r) => [r.key[0], r.total]));
    // An ECharts SVG with a line through the points, and the synthetic mark both on the view and inside the chart.
    expect(await chart.getAttribute('_echarts_instance_')).toBeTruthy();
    expect(await chart.locator('svg').count()).toBe(1);
    await expect.poll(() => page.getByTestId('synthetic-mark').textContent()).toBe('SYNTHETIC DEMO DATA');
    expect(await chart.locator('svg text', { hasText: 'SYNTHETIC DEMO DATA' }).count()).toBe(1);
    // Beside the grid, not over it or under the window's edge.
    const grid = (await page.getByTestId('crosstab-grid').boundingBox())!;
    const box = (await chart.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(grid.x + grid.width);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    expect(box.width).toBeGreaterThan(300);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'first-view-en.png') });

    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });

  it('opens in Chinese the same way, the chart labelled in Chinese', async () => {
    await page.evaluate(() => localStorage.setItem('bluehelm.lang', 'zh'));
    await page.reload();
    await page.locator(GRAND_TOTAL).waitFor({ timeout: 20_000 });
    const chart = page.getByTestId('crosstab-chart');
    await chart.locator('svg path[d]').first().waitFor({ state: 'attached' });
    expect(parseCell(await page.locator(GRAND_TOTAL).textContent())).toBe(coreCrossTab().grandTotal);
    expect(await chart.locator('svg text', { hasText: '合成演示数据' }).count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'first-view-zh.png') });
    await page.evaluate(() => localStorage.setItem('bluehelm.lang', 'en'));
    expect(consoleErrors).toEqual([]);
  });
});
