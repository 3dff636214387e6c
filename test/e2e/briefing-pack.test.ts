import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { serve, type Server } from '../../electron/server/serve';
import { CLI, realWorkspace } from '../helpers';
import { readDeck } from '../pack-files';
import { SCREENSHOTS, assertRendererBuilt, failureShot, hasBrowser, launchChromium, openPage, setRows } from './ui';

const FAILURE_SHOT = failureShot('briefing-pack');
const WAIT = { timeout: 20_000 };

describe.skipIf(!hasBrowser)('a briefing pack built in the app and exported (serve mode + Chromium)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  let failedRequests: string[];
  let dbPath: string;
  let dataDir: string;

  beforeAll(async () => {
    assertRendererBuilt();
    ({ dataDir, dbPath } = await realWorkspace('bluehelm-pack-'));
    server = await serve({ dbPath, dataDir, port: 0 });
    browser = await launchChromium();
    ({ page, consoleErrors, failedRequests } = await openPage(browser));
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const kinds = () => page.getByTestId('slide-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));

  it('adds a view, reorders by keyboard and by button, edits it, and downloads the PPTX the CLI makes from the same pack', async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: FAILURE_SHOT, fullPage: true });
      console.warn(`screenshot of the failure: ${FAILURE_SHOT}\nconsole errors: ${JSON.stringify(consoleErrors)}\nfailed requests: ${JSON.stringify(failedRequests)}`);
    });
    await page.goto(server.url);
    await page.getByTestId('crosstab-grid').waitFor();
    await page.getByTestId('measure-select').selectOption('fatalities');
    await setRows(page, ['year']);
    await expect.poll(() => page.getByTestId('view-title').textContent(), WAIT).toContain('Fatalities by Year');

    // A new pack: cover, the view, sources.
    await page.getByTestId('add-to-pack').click();
    await page.getByTestId('tab-packs').click();
    await expect.poll(kinds, WAIT).toEqual(['cover', 'view', 'sources']);
    await page.getByTestId('slide-preview').waitFor(WAIT);

    // Alt+↑ on the view moves it before the cover; the ↓ button puts it back.
    await page.getByTestId('slide-item').nth(1).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(kinds, WAIT).toEqual(['view', 'cover', 'sources']);
    await page.getByTestId('slide-down').nth(0).click();
    await expect.poll(kinds, WAIT).toEqual(['cover', 'view', 'sources']);

    await page.getByTestId('slide-item').nth(1).click();
    await page.getByTestId('slide-title').fill('Peacekeeper fatalities, every year since 1948');
    await page.getByTestId('slide-message').fill('The deadliest years were in the early 1990s.');
    await page.getByTestId('slide-message').press('Enter');
    await page.getByTestId('slide-notes').fill('Source: UN Data Hub.');
    await page.getByTestId('slide-title').click(); // leaving the notes stores them
    await page.getByTestId('slide-chart').selectOption('bar');
    await expect.poll(() => page.getByTestId('slide-name').nth(1).textContent(), WAIT).toBe('Peacekeeper fatalities, every year since 1948');

    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('export-pptx').click();
    const file = await download;
    const fromApp = path.join(dataDir, 'from-app.pptx');
    await file.saveAs(fromApp);
    expect(file.suggestedFilename()).toBe('Briefing pack.pptx');
    await expect.poll(() => page.getByTestId('export-state').textContent(), WAIT).toContain('Exported');

    const fromCli = path.join(dataDir, 'from-cli.pptx');
    const cli = spawnSync(process.execPath, [CLI, 'pack', 'export', 'Briefing pack', '--format', 'pptx', '--out', fromCli, '--db', dbPath], { encoding: 'utf8', env: { ...process.env, BLUEHELM_DATA_DIR: dataDir } });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);

    const [app, fromCommand] = await Promise.all([readDeck(fromApp), readDeck(fromCli)]);
    expect(app).toHaveLength(3);
    expect(app.map((s) => s.text)).toEqual(fromCommand.map((s) => s.text));
    expect(app.map((s) => s.charts)).toEqual(fromCommand.map((s) => s.charts));
    expect(app[1].text).toContain('Peacekeeper fatalities, every year since 1948');
    expect(app[1].notes).toContain('Source: UN Data Hub.');
    const [series] = app[1].charts[0].series;
    expect(series.categories[0]).toBe('1948');
    expect(series.values.reduce((a, b) => a! + (b ?? 0), 0)).toBeGreaterThan(4000);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'pack-builder-en.png') });

    // The same builder in Chinese, the pack exported in Chinese too.
    await page.getByTestId('lang-switch').getByRole('button', { name: '中文' }).click();
    await page.getByTestId('pack-lang').selectOption('zh');
    await expect.poll(() => page.getByTestId('slide-preview').getAttribute('src'), WAIT).toContain(encodeURIComponent('第 2 页，共 3 页'));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'pack-builder-zh.png') });
    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });

  it('keeps the cross-tab’s pivot on a slide added from it; the slide editor shows and changes show-as and top N, in both languages', async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: FAILURE_SHOT, fullPage: true });
      console.warn(`screenshot of the failure: ${FAILURE_SHOT}\nconsole errors: ${JSON.stringify(consoleErrors)}`);
    });
    await page.getByTestId('lang-switch').getByRole('button', { name: 'English' }).click();
    await page.getByTestId('tab-crossTab').click();
    await setRows(page, ['mission', 'service']);
    await page.getByTestId('cols-select').selectOption('year');
    await page.getByTestId('show-as').selectOption('pct_row');
    await page.getByTestId('top-n').selectOption('5');
    await expect.poll(() => page.getByTestId('view-title').textContent(), WAIT).toContain('Mission');
    await page.getByTestId('add-to-pack').click();
    await page.getByTestId('tab-packs').click();
    await expect.poll(kinds, WAIT).toEqual(['cover', 'view', 'view', 'sources']);
    await page.getByTestId('pack-lang').selectOption('en');
    await page.getByTestId('slide-item').nth(2).click();
    await page.getByTestId('slide-show').selectOption('table');
    // The slide came with the grid's settings, and its preview (the PDF's page) says how its numbers are shown.
    expect(await page.getByTestId('slide-show-as').inputValue()).toBe('pct_row');
    expect(await page.getByTestId('slide-top-n').inputValue()).toBe('5');
    const preview = () => page.getByTestId('slide-preview').getAttribute('src').then((src) => decodeURIComponent(src ?? ''));
    await expect.poll(preview, WAIT).toContain('% of row total');
    await page.getByTestId('slide-top-n').selectOption('10');
    await expect.poll(preview, WAIT).toContain('Largest 10 per level');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'pack-slide-pivot-en.png') });
    await page.getByTestId('lang-switch').getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.getByTestId('slide-editor').textContent(), WAIT).toContain('占行合计的百分比');
    await expect.poll(() => page.getByTestId('slide-editor').textContent(), WAIT).toContain('最大的 10 项及其他');
    await page.getByTestId('pack-lang').selectOption('zh');
    await expect.poll(preview, WAIT).toContain('每级显示最大的 10 项');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'pack-slide-pivot-zh.png') });
    expect(consoleErrors).toEqual([]);
  });
});
