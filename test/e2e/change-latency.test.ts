import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { serve, type Server } from '../../electron/server/serve';
import { REPO, realWorkspace } from '../helpers';
import { GRAND_TOTAL, assertRendererBuilt, hasBrowser, launchChromium, openPage } from './ui';

// "Time from a change to the grid and chart showing new numbers", measured inside the page: from the click
// on a filter value to the frame in which the grid's grand total reads differently and the chart has been
// redrawn, over 20 changes on the real files (test/bench/change-latency.mjs measures it at 1M rows too).
const CHANGES = 20;
const REPORT = path.join(REPO, 'test-results', 'change-latency.json');

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(0.95 * xs.length) - 1];

describe.skipIf(!hasBrowser)('change to new numbers, real files (serve mode + Chromium)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    assertRendererBuilt();
    const { dataDir, dbPath } = await realWorkspace('bluehelm-latency-');
    server = await serve({ dbPath, dataDir, port: 0 });
    browser = await launchChromium();
    ({ page } = await openPage(browser));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the new grand total after each of 20 filter changes, and reports the p95', async () => {
    await page.goto(server.url);
    await page.getByTestId('crosstab-grid').waitFor();
    await page.getByTestId('crosstab-chart').locator('svg').waitFor();
    const filter = page.getByTestId('filter-mission');
    await filter.locator('summary').click();
    const box = filter.locator('input[type="checkbox"][value="MINUSMA"]');
    await box.waitFor();
    const times: number[] = [];
    // The part of each change spent on the crossTab request (HTTP and engine); the rest is drawing the grid.
    const requests: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const ms = await page.evaluate(
        ([total]) =>
          new Promise<{ total: number; request: number }>((resolve) => {
            const before = document.querySelector(total)?.textContent;
            // The chart beside the grid must show the change too: some part of its SVG redrawn since the click.
            let chartDrawn = false;
            const observer = new MutationObserver(() => {
              chartDrawn = true;
            });
            observer.observe(document.querySelector('[data-testid="crosstab-chart"]')!, { subtree: true, childList: true, attributes: true, characterData: true });
            const input = document.querySelector<HTMLInputElement>('[data-testid="filter-mission"] input[value="MINUSMA"]')!;
            const t0 = performance.now();
            const check = () => {
              const now = document.querySelector(total)?.textContent;
              if (now && now !== before && chartDrawn) {
                const total = performance.now() - t0;
                observer.disconnect();
                const rpc = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/rpc/crossTab') && e.startTime >= t0) as PerformanceResourceTiming[];
                resolve({ total, request: rpc.length ? rpc[rpc.length - 1].responseEnd - rpc[rpc.length - 1].startTime : NaN });
              }
              else requestAnimationFrame(check);
            };
            input.click();
            requestAnimationFrame(check);
          }),
        [GRAND_TOTAL],
      );
      times.push(ms.total);
      requests.push(ms.request);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[CHANGES / 2];
    const result = { changes: CHANGES, p95: p95(times), median: median(times), requestMedian: median(requests), times: times.map((t) => Math.round(t)), requests: requests.map((t) => Math.round(t)) };
    fs.mkdirSync(path.dirname(REPORT), { recursive: true });
    fs.writeFileSync(REPORT, JSON.stringify(result, null, 2));
    console.log(`change → new numbers in the grid and chart: p95 ${result.p95.toFixed(0)} ms, median ${result.median.toFixed(0)} ms (of which the crossTab request ${result.requestMedian.toFixed(0)} ms) over ${CHANGES} changes`);
    expect(times).toHaveLength(CHANGES);
  });
});
