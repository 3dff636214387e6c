import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Workspace } from '../../electron/core/operations';
import { viewHash } from '../../renderer/src/views/viewHash';
import { DEFAULT_TREND_OPTIONS } from '../../shared/present/trend';
import type { ViewSpecInput } from '../../shared/spec';
import { CLI, realWorkspace } from '../helpers';
import { SCREENSHOTS, assertRendererBuilt, cellText, failureShot, grandTotalText, hasBrowser, launchChromium, openPage, parseCell, failureReport } from './ui';

// Saved views are kept in the workspace: saved in the browser, listed, renamed, duplicated, noted and deleted;
// after `bluehelm serve` is stopped and started again on the same file, still listed, and opening one shows
// the same numbers as the engine. With no view in the address, the last view reopens.

const FAILURE_SHOT = failureShot('saved-views');
const WAIT = { timeout: 20_000 };

const MALICIOUS_2018: ViewSpecInput = { measure: 'fatalities', rows: ['mission'], where: { incident_type: ['Malicious Act'] }, from: '2018-01-01', to: '2018-12-31' };
const MINUSMA_MONTHLY: ViewSpecInput = { measure: 'fatalities', rows: ['month'], where: { mission: ['MINUSMA'] }, from: '2013-01-01' };

/** `bluehelm serve --db FILE` as an analyst starts it: its own process, stopped with SIGTERM. */
async function startServe(dbPath: string, dataDir: string): Promise<{ url: string; child: ChildProcessWithoutNullStreams }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--db', dbPath, '--port', '0'], { env: { ...process.env, BLUEHELM_DATA_DIR: dataDir } });
  let out = '';
  let err = '';
  child.stderr.on('data', (s) => (err += s));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bluehelm serve did not start in 60 s: ${err}`)), 60_000);
    child.stdout.on('data', (s) => {
      out += s;
      const m = /serving at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`bluehelm serve exited (${code}): ${err}`)));
  });
  return { url, child };
}

function stopServe(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe.skipIf(!hasBrowser)('saved views survive a restart of bluehelm serve (real UN files, Chromium)', () => {
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  let failedRequests: string[];
  let served: { url: string; child: ChildProcessWithoutNullStreams } | undefined;
  let dbPath: string;
  let dataDir: string;
  const expected: { total: number | null; minusma: number | null; minusca: number | null } = { total: null, minusma: null, minusca: null };

  beforeAll(async () => {
    assertRendererBuilt();
    ({ dataDir, dbPath } = await realWorkspace('h2-saved-views-'));
    const ws = new Workspace(dbPath);
    try {
      const t = ws.crossTab(MALICIOUS_2018);
      const row = (m: string) => t.rows.find((r) => r.key[0] === m)?.total ?? null;
      Object.assign(expected, { total: t.grandTotal, minusma: row('MINUSMA'), minusca: row('MINUSCA') });
    } finally {
      ws.close();
    }
    expect(expected.total).toBeGreaterThan(0);
    served = await startServe(dbPath, dataDir);
    browser = await launchChromium();
    ({ page, consoleErrors, failedRequests } = await openPage(browser));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (served) await stopServe(served.child);
  });

  const onFailure = failureReport(FAILURE_SHOT, () => ({ page, consoleErrors, failedRequests }));

  const saveView = async (name: string, note: string) => {
    await page.getByTestId('save-view').click();
    await page.getByTestId('save-view-name').fill(name);
    await page.getByTestId('save-view-note').fill(note);
    await page.getByTestId('save-view-ok').click();
    await expect.poll(() => page.getByTestId('save-view-done').textContent(), WAIT).toContain(name);
  };
  const listed = () => page.getByTestId('saved-view').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));
  const rowOf = (name: string) => page.locator(`[data-testid="saved-view"][data-name="${name}"]`);
  /** What the workspace keeps as the last view, asked of the server the page talks to. */
  const keptLast = () => page.evaluate(() => fetch('/rpc/viewLast', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then((r) => r.json()));

  it('saves views with their chart settings and a note, renames, duplicates and deletes them', async () => {
    onFailure();
    await page.goto(`${served!.url}${viewHash({ spec: MALICIOUS_2018, tab: 'crossTab', trend: DEFAULT_TREND_OPTIONS })}`);
    await expect.poll(() => grandTotalText(page).then(parseCell), WAIT).toBe(expected.total);
    await saveView('Malicious acts 2018 draft', 'for the Monday brief');

    await page.goto(`${served!.url}${viewHash({ spec: MINUSMA_MONTHLY, tab: 'trends', trend: { ...DEFAULT_TREND_OPTIONS, average: 12, chart: 'bar' } })}`);
    await page.getByTestId('trend-chart').locator('svg').waitFor(WAIT);
    await saveView('MINUSMA monthly, 12-month average', '');

    await page.getByTestId('tab-saved').click();
    await expect.poll(listed, WAIT).toEqual(['Malicious acts 2018 draft', 'MINUSMA monthly, 12-month average']);
    // The view in the builder saved from the list itself opens where it was last drawn (the trend).
    await saveView('Saved from the list', '');
    await expect.poll(listed, WAIT).toEqual(['Malicious acts 2018 draft', 'MINUSMA monthly, 12-month average', 'Saved from the list']);
    expect(await rowOf('Saved from the list').textContent()).toContain('Trends');
    page.once('dialog', (d) => void d.accept());
    await rowOf('Saved from the list').getByTestId('saved-view-delete').click();
    await expect.poll(listed, WAIT).toEqual(['Malicious acts 2018 draft', 'MINUSMA monthly, 12-month average']);
    const first = rowOf('Malicious acts 2018 draft');
    expect(await first.textContent()).toContain('for the Monday brief');
    // What the view shows is said in words, filters and dates included.
    expect(await first.textContent()).toContain('Malicious Act');

    await first.getByTestId('saved-view-rename').click();
    await page.getByTestId('saved-view-rename-input').fill('Malicious acts 2018');
    await page.getByTestId('saved-view-rename-input').press('Enter');
    await expect.poll(listed, WAIT).toEqual(['Malicious acts 2018', 'MINUSMA monthly, 12-month average']);

    await rowOf('Malicious acts 2018').getByTestId('saved-view-duplicate').click();
    await expect.poll(listed, WAIT).toEqual(['Malicious acts 2018', 'Malicious acts 2018 (copy)', 'MINUSMA monthly, 12-month average']);
    page.once('dialog', (d) => void d.accept());
    await rowOf('Malicious acts 2018 (copy)').getByTestId('saved-view-delete').click();
    await expect.poll(listed, WAIT).toEqual(['Malicious acts 2018', 'MINUSMA monthly, 12-month average']);

    await rowOf('MINUSMA monthly, 12-month average').getByTestId('saved-view-note').click();
    await page.getByTestId('saved-view-note-input').fill('mandate ended 31 December 2023');
    await page.getByTestId('saved-view-note-input').locator('xpath=..').getByRole('button').click();
    await expect.poll(() => rowOf('MINUSMA monthly, 12-month average').textContent(), WAIT).toContain('mandate ended 31 December 2023');

    // A name taken is refused in the core's words.
    await rowOf('MINUSMA monthly, 12-month average').getByTestId('saved-view-rename').click();
    await page.getByTestId('saved-view-rename-input').fill('Malicious acts 2018');
    await page.getByTestId('saved-view-rename-input').press('Enter');
    await expect.poll(() => page.getByTestId('saved-views-error').textContent(), WAIT).toContain('a view named "Malicious acts 2018" exists already');
    await page.getByTestId('saved-view-rename-input').fill('MINUSMA monthly, 12-month average');
    await page.getByTestId('saved-view-rename-input').press('Enter');
    await expect.poll(() => page.getByTestId('saved-view-rename-input').count(), WAIT).toBe(0);
    // The one refusal asked for above, and nothing else.
    expect(failedRequests).toEqual([expect.stringMatching(/\/rpc\/viewRename: HTTP 400$/)]);
    expect(consoleErrors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    failedRequests.length = 0;
    consoleErrors.length = 0;
  });

  it('shows the saved-views list in English and Chinese at 1366×768 (screenshots)', async () => {
    onFailure();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('tab-saved').click();
    await expect.poll(listed, WAIT).toHaveLength(2);
    // The confirmation of the last save has gone.
    await expect.poll(() => page.getByTestId('save-view-done').count(), WAIT).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'saved-views-en.png') });
    await page.getByTestId('lang-switch').getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.getByTestId('tab-saved').textContent(), WAIT).toBe('已保存的视图');
    expect(await rowOf('Malicious acts 2018').textContent()).toContain('恶意行为');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'saved-views-zh.png') });
    await page.getByTestId('lang-switch').getByRole('button', { name: 'English' }).click();
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('after bluehelm serve is stopped and started again on the same file: listed, the last view reopens, a saved view opens with the same numbers', async () => {
    onFailure();
    // The view on screen when the server stops is the trend, opened from the list.
    await rowOf('MINUSMA monthly, 12-month average').getByTestId('saved-view-open').click();
    await expect.poll(() => page.getByTestId('trend-average').inputValue(), WAIT).toBe('12');
    expect(await page.getByTestId('trend-chart-type').inputValue()).toBe('bar');
    await expect.poll(() => keptLast().then((v) => v?.tab), WAIT).toBe('trends');

    expect(await stopServe(served!.child)).toBe(0);
    served = await startServe(dbPath, dataDir);
    // No view in the address: the workspace's last view.
    await page.goto(served.url);
    await expect.poll(() => page.getByTestId('tab-trends').getAttribute('aria-selected'), WAIT).toBe('true');
    await expect.poll(() => page.getByTestId('trend-average').inputValue(), WAIT).toBe('12');
    expect(await page.getByTestId('trend-chart-type').inputValue()).toBe('bar');
    expect(await page.getByTestId('trend-title').textContent()).toContain('MINUSMA');

    await page.getByTestId('tab-saved').click();
    await expect.poll(listed, WAIT).toEqual(['Malicious acts 2018', 'MINUSMA monthly, 12-month average']);
    expect(await rowOf('MINUSMA monthly, 12-month average').textContent()).toContain('mandate ended 31 December 2023');
    await rowOf('Malicious acts 2018').getByTestId('saved-view-open').click();
    await expect.poll(() => page.getByTestId('tab-crossTab').getAttribute('aria-selected'), WAIT).toBe('true');
    await expect.poll(() => grandTotalText(page).then(parseCell), WAIT).toBe(expected.total);
    expect(parseCell(await cellText(page, 'MINUSMA', 'Total'))).toBe(expected.minusma);
    expect(parseCell(await cellText(page, 'MINUSCA', 'Total'))).toBe(expected.minusca);
    // Opening a saved view is a step of history: back returns to the list it was opened from.
    await page.goBack();
    await expect.poll(() => page.getByTestId('tab-saved').getAttribute('aria-selected'), WAIT).toBe('true');
    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });
});
