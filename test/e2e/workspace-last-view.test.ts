import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Workspace } from '../../electron/core/operations';
import { Session } from '../../electron/core/session';
import { keepLastView } from '../../electron/core/views/store';
import { serve, type Server } from '../../electron/server/serve';
import { readViewHash } from '../../renderer/src/views/viewHash';
import { parseViewSpec, type ViewSpecInput } from '../../shared/spec';
import { realWorkspace } from '../helpers';
import { assertRendererBuilt, failureReport, failureShot, grandTotalText, hasBrowser, launchChromium, openPage, parseCell } from './ui';

const FAILURE_SHOT = failureShot('workspace-last-view');
const WAIT = { timeout: 15_000 };

// Two workspaces holding the same files, each left on a view of its own.
const VIEW_A: ViewSpecInput = { measure: 'fatalities', rows: ['mission'], cols: 'year', from: '2018-01-01', to: '2019-12-31' };
const VIEW_B: ViewSpecInput = { measure: 'fatalities', rows: ['incident_type'], cols: 'year', from: '2015-01-01', to: '2016-12-31' };

describe.skipIf(!hasBrowser)('a switch to another workspace opens that workspace’s last view (real UN files, serve mode + Chromium)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  let failedRequests: string[];
  let ws: Workspace;
  let fileA: string;
  let fileB: string;

  beforeAll(async () => {
    assertRendererBuilt();
    const { dataDir, dbPath } = await realWorkspace('h3-last-view-');
    fileA = dbPath;
    fileB = path.join(dataDir, 'brief-b.sqlite');
    fs.copyFileSync(fileA, fileB);
    for (const [file, spec] of [[fileA, VIEW_A], [fileB, VIEW_B]] as const) {
      const w = new Workspace(file);
      keepLastView(w.db, { spec, tab: 'crossTab', chart: {} });
      w.close();
    }
    // B opened once before, so the switcher lists it among the recent workspaces.
    new Session(fileB, dataDir).close();
    ws = new Workspace(fileA);
    server = await serve({ dbPath: fileA, dataDir, port: 0 });
    browser = await launchChromium();
    ({ page, consoleErrors, failedRequests } = await openPage(browser));
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    ws?.close();
  });

  const onFailure = failureReport(FAILURE_SHOT, () => ({ page, consoleErrors, failedRequests }));
  const shownSpec = () => page.evaluate(() => window.location.hash).then((h) => readViewHash(h).spec ?? null);
  const shownTotal = () => grandTotalText(page).then((t) => (t === null ? null : parseCell(t.replace('%', ''))));
  const switchTo = async (name: RegExp) => {
    await page.getByTestId('workspace-switcher').click();
    await page.getByTestId('recent-workspace').filter({ hasText: name }).click();
    await expect.poll(() => page.getByTestId('workspace-switcher').textContent(), WAIT).toMatch(name);
  };
  const showsView = async (spec: ViewSpecInput) => {
    await expect.poll(shownSpec, WAIT).toEqual(parseViewSpec(spec));
    await expect.poll(shownTotal, WAIT).toBe(ws.crossTab(spec).grandTotal);
  };

  it('opens B’s last view on a switch from A, A’s on the way back, and the default view in a workspace that kept none', async () => {
    onFailure();
    await page.goto(server.url);
    await showsView(VIEW_A);
    expect(ws.crossTab(VIEW_A).grandTotal).not.toBe(ws.crossTab(VIEW_B).grandTotal);

    await switchTo(/brief-b\.sqlite/);
    await showsView(VIEW_B);
    // Undo starts from the view the workspace opened on, not from A's.
    expect(await page.getByTestId('undo').isDisabled()).toBe(true);

    // A change in B, and a switch at once (before the pause after which the last view is written): B keeps it, A does not get it.
    await page.getByTestId('show-as').selectOption('pct_row');
    await expect.poll(() => page.evaluate(() => decodeURIComponent(window.location.hash)), WAIT).toContain('"showAs":"pct_row"');
    await switchTo(/\/workspace\.sqlite/);
    await showsView(VIEW_A);
    expect(await page.getByTestId('show-as').inputValue()).toBe('value');

    await switchTo(/brief-b\.sqlite/);
    await expect.poll(shownSpec, WAIT).toEqual(parseViewSpec(VIEW_B));
    await expect.poll(() => page.getByTestId('show-as').inputValue(), WAIT).toBe('pct_row');
    await expect.poll(shownTotal, WAIT).toBe(100);

    // A new workspace has kept no view: it opens on the default one (fatalities by year), not on B's.
    await page.getByTestId('workspace-switcher').click();
    await page.getByTestId('workspace-name').fill('fresh');
    await page.getByTestId('menu-new-workspace').click();
    await expect.poll(() => page.getByTestId('workspace-switcher').textContent(), WAIT).toMatch(/fresh\.sqlite/);
    await expect.poll(shownSpec, WAIT).toEqual(parseViewSpec({ measure: 'fatalities', rows: ['year'] }));
    expect(await page.evaluate(() => window.location.hash)).not.toContain('pivot');

    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });
});
