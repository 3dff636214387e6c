import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { serve, type Server } from '../../electron/server/serve';
import { Workspace } from '../../electron/core/operations';
import { PARALLEL_FROM } from '../../electron/core/import/run';
import { writeDeployments } from '../bench/generate';
import { tempDb, tempDir } from '../helpers';
import { SCREENSHOTS, assertRendererBuilt, failureShot, hasBrowser, launchChromium, openPage } from './ui';

const FAILURE_SHOT = failureShot('large-import');
const ROWS = 200_000;

describe.skipIf(!hasBrowser)('a large file imported through the UI (read by the CSV worker)', () => {
  let dbPath: string;
  let file: string;
  let server: Server;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    assertRendererBuilt();
    file = path.join(tempDir(), 'contributions-200k.csv');
    writeDeployments(file, ROWS);
    dbPath = tempDb();
    server = await serve({ dbPath, dataDir: tempDir(), port: 0 });
    browser = await launchChromium();
    ({ page, consoleErrors } = await openPage(browser));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('imports 200,000 deployment rows whole, and the cross-tab totals them', async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: FAILURE_SHOT, fullPage: true });
      console.warn(`screenshot of the failure: ${FAILURE_SHOT}\nconsole errors: ${JSON.stringify(consoleErrors)}`);
    });
    // Large enough that the import thread hands the reading to the CSV worker.
    expect(fs.statSync(file).size).toBeGreaterThan(PARALLEL_FROM);
    await page.goto(server.url);
    await page.getByTestId('empty-state').waitFor();
    await page.getByTestId('import-input').setInputFiles(file);
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 120_000 });
    expect(await result.textContent()).toContain('200,000 rows read');
    expect(await result.textContent()).toContain('200,000 inserted');
    await page.getByTestId('crosstab-grid').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'import-large-en.png') });

    const ws = new Workspace(dbPath);
    const stored = ws.db.prepare('SELECT COUNT(*) AS n, SUM(female + male) AS people FROM deployment').get() as { n: number; people: number };
    expect(stored.n).toBe(ROWS);
    expect(ws.crossTab({ measure: 'person_months', rows: ['year'] }).grandTotal).toBe(stored.people);
    ws.close();
    expect(consoleErrors).toEqual([]);
  }, 180_000);
});
