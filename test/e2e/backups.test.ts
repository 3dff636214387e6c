import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openWorkspace } from '../../electron/core/db/open';
import { importFile } from '../../electron/core/import/run';
import { serve, type Server } from '../../electron/server/serve';
import { FIXTURES, tempDb, tempDir } from '../helpers';
import { assertRendererBuilt, failureShot, hasBrowser, launchChromium, openPage } from './ui';

// The app offers what bluehelm db backups / db restore do: the Datasets tab lists the backups and
// brings one back after asking.

const FAILURE_SHOT = failureShot('backups');
const WAIT = { timeout: 60_000 };

describe.skipIf(!hasBrowser)('backups in the UI (serve mode + Chromium)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    assertRendererBuilt();
    const dbPath = tempDb();
    const db = openWorkspace(dbPath);
    importFile(db, { path: path.join(FIXTURES, 'fatalities-titlecase.csv') });
    importFile(db, { path: path.join(FIXTURES, 'ied-template-sample.csv') });
    db.close();
    server = await serve({ dbPath, dataDir: tempDir(), port: 0 });
    browser = await launchChromium();
    ({ page, consoleErrors } = await openPage(browser));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the backup taken before the second import and restores it after a confirmation', async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: FAILURE_SHOT, fullPage: true });
    });
    await page.goto(server.url);
    await page.getByTestId('tab-datasets').click();
    const datasets = page.getByTestId('datasets-list').locator('tbody tr');
    await expect.poll(() => datasets.count(), WAIT).toBe(2);
    const rows = page.getByTestId('backup-row');
    await expect.poll(() => rows.count(), WAIT).toBe(1);

    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      void d.accept();
    });
    await rows.first().getByTestId('backup-restore').click();
    await expect.poll(() => datasets.count(), WAIT).toBe(1);
    expect(asked).toMatch(/^Bring back the workspace as it was on .+\? The workspace as it is now is kept as the newest backup\.$/);
    // The workspace before the restore is now a backup too.
    await expect.poll(() => rows.count(), WAIT).toBe(2);
    expect(consoleErrors).toEqual([]);
  });
});
