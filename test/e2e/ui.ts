import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { onTestFailed } from 'vitest';
import { REPO } from '../helpers';

// Shared by the browser tests: one way to launch Chromium, and the grid read the way a person reads it.

export const CHROMIUM = '/usr/bin/chromium';
export const hasBrowser = fs.existsSync(CHROMIUM);
if (!hasBrowser) console.warn('browser suite skipped: install chromium (apt-get install chromium) to run it');

export const SCREENSHOTS = path.join(REPO, 'docs', 'screenshots');
export const RENDERER_INDEX = path.join(REPO, 'dist', 'renderer', 'index.html');
export const failureShot = (name: string) => path.join(REPO, 'test-results', `e2e-${name}-failure.png`);

/**
 * Called at a test's start: if the test fails, a full-page screenshot to `shot` and what the page logged.
 * `state` is read at the failure (the page is opened in beforeAll, after this is set up).
 */
export function failureReport(shot: string, state: () => { page: Page; consoleErrors: string[]; failedRequests?: string[] }): () => void {
  return () =>
    onTestFailed(async () => {
      const { page, consoleErrors, failedRequests } = state();
      await page.screenshot({ path: shot, fullPage: true });
      console.warn(`screenshot of the failure: ${shot}\nconsole errors: ${JSON.stringify(consoleErrors)}${failedRequests ? `\nfailed requests: ${JSON.stringify(failedRequests)}` : ''}`);
    });
}

export function assertRendererBuilt(): void {
  if (!fs.existsSync(RENDERER_INDEX)) throw new Error('the renderer is not built: run "npx vite build --config renderer/vite.config.ts" first');
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Playwright hides scrollbars in headless mode; the screenshots should show the desktop layout.
    ignoreDefaultArgs: ['--hide-scrollbars'],
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** A desktop-sized page that records console errors and failed requests, which every test expects to be none. */
export async function openPage(browser: Browser): Promise<{ page: Page; consoleErrors: string[]; failedRequests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const consoleErrors: string[] = [];
  const failedRequests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on('requestfailed', (r) => failedRequests.push(`${r.method()} ${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) failedRequests.push(`${r.request().method()} ${r.url()}: HTTP ${r.status()}`);
  });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return { page, consoleErrors, failedRequests };
}

/** A grid cell as the analyst reads it: "1,234" → 1234, "—" → null. */
export function parseCell(text: string | null): number | null {
  if (text === null) throw new Error('cell not found in the grid');
  const t = text.trim();
  return t === '—' ? null : Number(t.replace(/,/g, ''));
}

/**
 * The CSS selector of the cell at (row whose first key reads rowLabel, column headed colHeader), found
 * the way a person would: by the labels on screen, not by the engine's internal keys.
 */
export async function cellSelector(page: Page, rowLabel: string, colHeader: string): Promise<string | null> {
  return page.evaluate(
    ([rowLabel, colHeader]) => {
      const grid = document.querySelector('[data-testid="crosstab-grid"]');
      if (!grid) return null;
      const header = [...grid.querySelectorAll('.ag-header-cell')].find((h) => h.textContent?.trim() === colHeader);
      const colId = header?.getAttribute('col-id');
      const keyCell = [...grid.querySelectorAll('.ag-row:not(.ag-row-pinned) .ag-cell[col-id="k0"]')].find((c) => c.textContent?.trim() === rowLabel);
      const rowIndex = keyCell?.closest('.ag-row')?.getAttribute('row-index');
      if (!colId || rowIndex == null) return null;
      return `[data-testid="crosstab-grid"] .ag-row:not(.ag-row-pinned)[row-index="${rowIndex}"] .ag-cell[col-id="${colId}"]`;
    },
    [rowLabel, colHeader],
  );
}

export async function cellText(page: Page, rowLabel: string, colHeader: string): Promise<string | null> {
  const selector = await cellSelector(page, rowLabel, colHeader);
  return selector && page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
}

export const GRAND_TOTAL = '[data-testid="crosstab-grid"] .ag-row-pinned [col-id="total"]';

export async function grandTotalText(page: Page): Promise<string | null> {
  return page.evaluate((s) => document.querySelector(s)?.textContent ?? null, GRAND_TOTAL);
}

/** Makes the row dimensions exactly these, in this order, through the row toggles. */
export async function setRows(page: Page, dims: string[]): Promise<void> {
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

export async function checkFilter(page: Page, dim: string, values: string[]): Promise<void> {
  const filter = page.getByTestId(`filter-${dim}`);
  if (!(await filter.evaluate((d) => (d as HTMLDetailsElement).open))) await filter.locator('summary').click();
  for (const v of values) await filter.locator(`input[type="checkbox"][value="${v}"]`).check();
}
