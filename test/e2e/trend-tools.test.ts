import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Workspace } from '../../electron/core/operations';
import { serve, type Server } from '../../electron/server/serve';
import { viewHash } from '../../renderer/src/views/viewHash';
import { DEFAULT_TREND_OPTIONS, type TrendOptions } from '../../shared/present/trend';
import { classOf, heatClasses, BLANK_COLOURS } from '../../shared/present/heatmap';
import { formatValue } from '../../shared/present/format';
import { PALETTE } from '../../shared/present/chart';
import type { CrossTab, ViewSpecInput } from '../../shared/spec';
import { realWorkspace, tempDir } from '../helpers';
import { SCREENSHOTS, assertRendererBuilt, failureShot, hasBrowser, launchChromium, openPage } from './ui';

const FAILURE_SHOT = failureShot('trend-tools');
const WAIT = { timeout: 20_000 };

// Five missions, 2012–2019 per quarter: MINUSMA (established 25 April 2013) has 2012 and 2013-Q1 outside its mandate.
const MISSIONS = ['MINUSMA', 'MINUSCA', 'MONUSCO', 'UNMISS', 'UNIFIL'];
const HEAT_VIEW: ViewSpecInput = { measure: 'fatalities', rows: ['mission'], cols: 'year', where: { mission: MISSIONS }, from: '2012-01-01', to: '2019-12-31' };
const HEAT: TrendOptions = { ...DEFAULT_TREND_OPTIONS, chart: 'heatmap', grain: 'quarter' };

/** The centre on screen of the heat-map cell in the row labelled `row` and the column labelled `time` (the label must be drawn). */
async function heatCell(page: Page, row: string, time: string): Promise<{ x: number; y: number }> {
  const at = await page.getByTestId('trend-chart').evaluate(
    (host, [row, time]) => {
      const texts = [...host.querySelectorAll('svg text')];
      const centre = (t: Element | undefined) => {
        const r = t?.getBoundingClientRect();
        return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
      };
      // The y labels sit left of the plot, the x labels under it: the cell is where their lines cross.
      const rowLabel = centre(texts.find((t) => t.textContent === row));
      const colLabel = centre(texts.find((t) => t.textContent === time));
      return rowLabel && colLabel ? { x: colLabel.x, y: rowLabel.y } : null;
    },
    [row, time],
  );
  if (!at) throw new Error(`no drawn label for ${row} or ${time}`);
  return at;
}

/** The fill of the heat-map cell drawn at this point (its number's text may lie on top of it). */
async function fillAt(page: Page, p: { x: number; y: number }): Promise<string> {
  return page.evaluate(({ x, y }) => {
    const cell = document.elementsFromPoint(x, y).find((e) => e.tagName === 'path');
    return cell ? getComputedStyle(cell).fill : 'none';
  }, p);
}

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

describe.skipIf(!hasBrowser)('trend tools: heat map, grain, small multiples, grid↔chart link, chart as a picture (real UN files, serve mode + Chromium)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  let failedRequests: string[];
  let ws: Workspace;
  const engine = (spec: ViewSpecInput): CrossTab => ws.crossTab(spec);
  const address = (spec: ViewSpecInput, trend: TrendOptions) => `${server.url}${viewHash({ spec, tab: 'trends', trend })}`;

  beforeAll(async () => {
    assertRendererBuilt();
    const { dataDir, dbPath } = await realWorkspace('h6-trend-tools-');
    ws = new Workspace(dbPath);
    server = await serve({ dbPath, dataDir, port: 0 });
    browser = await launchChromium();
    ({ page, consoleErrors, failedRequests } = await openPage(browser));
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    ws?.close();
  });

  const onFailure = () =>
    onTestFailed(async () => {
      await page.screenshot({ path: FAILURE_SHOT, fullPage: true });
      console.warn(`screenshot of the failure: ${FAILURE_SHOT}\nconsole errors: ${JSON.stringify(consoleErrors)}\nfailed requests: ${JSON.stringify(failedRequests)}`);
    });

  it('draws a heat map of mission × quarter: named cells hold the core\'s numbers in their class colour; outside the mandate is not 0 (screenshots)', async () => {
    onFailure();
    await page.goto(address(HEAT_VIEW, HEAT));
    const chart = page.getByTestId('trend-chart');
    await chart.locator('svg').waitFor(WAIT);
    const core = engine({ ...HEAT_VIEW, rows: ['quarter'], cols: 'mission' });
    const value = (mission: string, quarter: string) => core.rows.find((r) => r.key[0] === quarter)!.cells[core.colKeys.indexOf(mission)];
    // The classes of all the values the chart holds (the zeros it blanks outside a mandate change neither the 0 class nor the largest value).
    const classes = heatClasses(core.rows.flatMap((r) => r.cells.filter((v): v is number => v !== null)), 'fatalities');
    const named = [
      ['MINUSMA', '2018-Q4'],
      ['MONUSCO', '2017-Q2'],
      ['UNIFIL', '2018-Q1'],
      ['UNMISS', '2012-Q4'],
      ['MINUSCA', '2016-Q3'],
    ] as const;
    const seen = new Set<number>();
    for (const [mission, quarter] of named) {
      const v = value(mission, quarter)!;
      seen.add(v);
      const p = await heatCell(page, mission, quarter);
      expect(await fillAt(page, p), `${mission} ${quarter} = ${v}`).toBe(rgb(classOf(v, classes)!.colour));
      await page.mouse.move(p.x, p.y);
      await expect.poll(() => chart.innerText(), WAIT).toContain(`${mission} · ${quarter}: ${formatValue('fatalities', v, 'en')}`);
    }
    // The named cells are not all alike: a 0, and values in different classes.
    expect(seen.has(0)).toBe(true);
    expect(new Set([...seen].map((v) => classOf(v, classes)!.colour)).size).toBeGreaterThanOrEqual(3);
    // MINUSMA was established on 25 April 2013 and MINUSCA on 10 April 2014: before that the cell is blank, grey, never a 0.
    expect(value('MINUSMA', '2012-Q4')).toBe(0);
    for (const [mission, quarter] of [['MINUSMA', '2012-Q4'], ['MINUSCA', '2013-Q3']] as const) {
      const p = await heatCell(page, mission, quarter);
      expect(await fillAt(page, p)).toBe(rgb(BLANK_COLOURS.outside_mandate));
      await page.mouse.move(p.x, p.y);
      await expect.poll(() => chart.innerText(), WAIT).toContain(`${mission} · ${quarter}: Outside the mandate`);
    }
    await page.mouse.move(5, 300);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'trend-heatmap-en.png') });
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => chart.innerText(), WAIT).toContain('2018年第2季度');
    const p = await heatCell(page, '马里稳定团(MINUSMA)', '2012年第1季度');
    await page.mouse.move(p.x, p.y);
    await expect.poll(() => chart.innerText(), WAIT).toContain('任务授权期外');
    await page.mouse.move(5, 300);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'trend-heatmap-zh.png') });
    await page.getByRole('button', { name: 'English' }).click();
  });
});
