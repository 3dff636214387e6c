import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { importFile } from '../../electron/core/import/run';
import { Workspace } from '../../electron/core/operations';
import { reconcile } from '../../electron/core/reconcile/reconcile';
import { serve, type Server } from '../../electron/server/serve';
import type { Reconciliation } from '../../shared/reconcile';
import { CONTRIBUTIONS_OPENDATA, CONTRIBUTIONS_PSDH, FATALITIES_CSV, tempDir } from '../helpers';
import { SCREENSHOTS, assertRendererBuilt, failureShot, hasBrowser, launchChromium, openPage, parseCell, setRows } from './ui';

const FAILURE_SHOT = failureShot('published-figures');
const WAIT = { timeout: 15_000 };

describe.skipIf(!hasBrowser)('published figures, recomputed from the real UN files (serve mode + Chromium)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  let failedRequests: string[];
  let expected: Reconciliation;

  beforeAll(async () => {
    assertRendererBuilt();
    const dataDir = tempDir('bluehelm-real-');
    const dbPath = path.join(dataDir, 'workspace.sqlite');
    const ws = new Workspace(dbPath);
    for (const file of [FATALITIES_CSV, CONTRIBUTIONS_PSDH, CONTRIBUTIONS_OPENDATA]) importFile(ws.db, { path: file });
    expected = reconcile(ws);
    ws.close();
    server = await serve({ dbPath, dataDir, port: 0 });
    browser = await launchChromium();
    ({ page, consoleErrors, failedRequests } = await openPage(browser));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const row = (id: string): Locator => page.locator(`[data-testid="figure-row"][data-figure-id="${id}"]`);
  const cell = (id: string, testId: string) => row(id).getByTestId(testId).textContent();

  it('lists every figure with its status, filters by status, and opens a figure as a cross-tab', async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: FAILURE_SHOT, fullPage: true });
      console.warn(`screenshot of the failure: ${FAILURE_SHOT}\nconsole errors: ${JSON.stringify(consoleErrors)}\nfailed requests: ${JSON.stringify(failedRequests)}`);
    });
    await page.goto(server.url);
    await page.getByTestId('crosstab-grid').waitFor();
    expect(await page.getByTestId('workspace-switcher').getByTestId('workspace-kind').textContent()).toBe('Real data');
    expect(await page.getByTestId('synthetic-banner').count()).toBe(0);

    await page.getByTestId('tab-published').click();
    await expect.poll(() => page.getByTestId('figure-row').count(), WAIT).toBe(expected.figures.length);
    const counts = await page.getByTestId('figures-counts').textContent();
    expect(counts).toContain(`Matches ${expected.counts.matches}`);
    expect(counts).toContain(`Differs ${expected.counts.differs}`);
    expect(counts).toContain(`Cannot be computed ${expected.counts.cannot_compute}`);

    // The Secretary-General's 27 for 2018 (A/74/533 para. 68) is reproduced exactly.
    const y2018 = 'a74-533-p68-malicious-2018-total';
    expect(await row(y2018).getAttribute('data-status')).toBe('matches');
    expect(await cell(y2018, 'figure-status')).toBe('Matches');
    expect(await cell(y2018, 'figure-published')).toBe('27');
    expect(await cell(y2018, 'figure-recomputed')).toBe('27');
    expect(await row(y2018).textContent()).toContain('A/74/533');
    // The Chinese quote is read in English through a translation marked as Bluehelm's, the original beside it.
    expect(await cell(y2018, 'figure-translation')).toBe(
      'In response, the Secretariat took action that led to a sustained and significant reduction in peacekeepers killed by acts of violence, from 58 in 2017 to 27 in 2018 and 21 between 1 January and 26 August 2019 (see figure VII).',
    );
    expect(await row(y2018).textContent()).toContain("Translation by Bluehelm, not the UN's text");
    expect(await cell(y2018, 'figure-quote')).toContain('从 2017 年的 58 人减至2018 年的 27 人');
    expect(await row(y2018).getByTestId('figure-quote').getAttribute('lang')).toBe('zh-CN');

    // 2017 was 58 in the report; the revised file has one more.
    const y2017 = 'a74-533-p68-malicious-2017-total';
    expect(await cell(y2017, 'figure-status')).toBe('Differs');
    expect(await cell(y2017, 'figure-difference')).toBe('+1');
    expect(await row(y2017).textContent()).toContain('the dataset was updated on');

    const ied = 'a74-533-p69-ied-killed-2018';
    expect(await cell(ied, 'figure-status')).toBe('Cannot be computed');
    expect(await cell(ied, 'figure-recomputed')).toBe('—');
    expect(await row(ied).textContent()).toContain('no IED incident data');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'published-figures-en.png') });

    await page.getByTestId('status-filter-differs').click();
    await expect.poll(() => page.getByTestId('figure-row').count()).toBe(expected.counts.differs);
    expect(await page.locator('[data-testid="figure-row"]:not([data-status="differs"])').count()).toBe(0);
    await page.getByTestId('status-filter-all').click();

    await page.getByTestId('lang-switch').getByRole('button', { name: '中文' }).click();
    await expect.poll(() => cell(y2018, 'figure-status')).toBe('一致');
    expect(await page.getByTestId('tab-published').textContent()).toBe('已公布数字');
    expect(await cell(ied, 'figure-status')).toBe('无法计算');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'published-figures-zh.png') });
    await page.getByTestId('lang-switch').getByRole('button', { name: 'English' }).click();

    // "Open cross-tab" puts the figure's own spec into the builder and shows the figure's number as the
    // table's one row (not "No rows match these filters" above a totals line).
    const minusma = 'a74-533-p68-malicious-2018-minusma';
    const published = parseCell(await cell(minusma, 'figure-published'));
    await row(minusma).getByTestId('open-crosstab').click();
    expect(await page.getByTestId('tab-crossTab').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.getByTestId('view-title').textContent(), WAIT).toContain('Mission: MINUSMA');
    const figureCell = page.locator('[data-testid="crosstab-grid"] .ag-row:not(.ag-row-pinned)[row-index="0"] [col-id="total"]');
    await expect.poll(() => figureCell.textContent().then(parseCell), WAIT).toBe(11);
    expect(published).toBe(11);
    expect(await page.getByTestId('crosstab-grid').textContent()).not.toContain('No rows match');
    expect(await page.locator('[data-testid="crosstab-grid"] .ag-row-pinned').count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'published-figure-crosstab-en.png') });
    expect(await page.getByTestId('measure-select').inputValue()).toBe('fatalities');
    expect(await page.getByTestId('date-from').inputValue()).toBe('2018-01-01');
    expect(await page.getByTestId('date-to').inputValue()).toBe('2018-12-31');
    expect(await page.getByTestId('filter-incident_type').locator('summary').textContent()).toContain('Malicious Act');
    expect(await page.getByTestId('grid-notes').textContent()).toContain('DPPADPOSS-FATALITIES.csv');

    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });

  it('draws the current view over time, one line per mission, with its sources', async () => {
    await page.getByTestId('tab-crossTab').click();
    await page.getByTestId('measure-select').selectOption('fatalities');
    await page.getByTestId('filter-mission').locator('summary').click();
    await page.getByTestId('filter-mission').getByRole('button', { name: 'Clear' }).click();
    await page.getByTestId('filter-mission').locator('summary').click();
    await page.getByTestId('date-from').fill('2008-01-01');
    await page.getByTestId('date-to').fill('2024-12-31');
    await setRows(page, ['year']);
    await page.getByTestId('cols-select').selectOption('mission');
    await expect.poll(() => page.getByTestId('view-title').textContent(), WAIT).toContain('Fatalities by Year × Mission');

    await page.getByTestId('tab-trends').click();
    const chart = page.getByTestId('trend-chart');
    await expect.poll(() => chart.locator('svg').count(), WAIT).toBe(1);
    await expect.poll(() => chart.textContent(), WAIT).toContain('MINUSMA');
    expect(await chart.textContent()).toContain('Other');
    expect(await chart.textContent()).not.toContain('SYNTHETIC');
    expect(await page.getByTestId('trend-title').textContent()).toContain('one line per Mission');
    expect(await page.getByTestId('trends-view').textContent()).toContain('combined as “Other”');
    expect(await page.getByTestId('trends-view').getByTestId('grid-notes').textContent()).toContain('DPPADPOSS-FATALITIES.csv');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'trends-en.png') });

    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });
});
