import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { serve, type Server } from '../../electron/server/serve';
import { viewHash } from '../../renderer/src/views/viewHash';
import { DEFAULT_TREND_OPTIONS } from '../../shared/present/trend';
import type { ViewSpecInput } from '../../shared/spec';
import { realWorkspace } from '../helpers';
import { SCREENSHOTS, assertRendererBuilt, failureShot, hasBrowser, launchChromium, openPage, failureReport } from './ui';

// Annotations drawn on a trend: each at the month of its date (the dashed line stands where the axis puts
// that month), only those inside the months drawn, a mission's start and end only for the missions drawn;
// hidden and shown by the toggle; the analyst's own added and deleted; labelled in the UI's language.

const FAILURE_SHOT = failureShot('annotations');
const WAIT = { timeout: 20_000 };
const FOUR: ViewSpecInput = { measure: 'fatalities', rows: ['month'], cols: 'mission', where: { mission: ['MINUSMA', 'MONUSCO', 'MINUSCA', 'UNMISS'] }, from: '2010-01-01' };

interface Drawn {
  /** Axis labels shown (a month every so often) and their x. */
  axis: { text: string; x: number }[];
  /** x of each dashed vertical line (the marks), left to right. */
  lines: number[];
  /** Text of each mark's label, left to right. */
  labels: string[];
  /** No label is rotated (Chinese reads upright). */
  upright: boolean;
}

/** The marks as ECharts drew them in the page's SVG. */
function drawn(page: Page): Promise<Drawn> {
  return page.getByTestId('trend-chart').evaluate((el) => {
    const svg = el.querySelector('svg')!;
    const xOf = (t: Element) => Number(/translate\(([-\d.]+)/.exec(t.getAttribute('transform') ?? '')?.[1] ?? /matrix\([^,]+,[^,]+,[^,]+,[^,]+,([-\d.]+)/.exec(t.getAttribute('transform') ?? '')?.[1]);
    const texts = [...svg.querySelectorAll('text')];
    const axis = texts.filter((t) => /^\d{4}-\d{2}$/.test(t.textContent ?? '')).map((t) => ({ text: t.textContent!, x: xOf(t) }));
    const lines = [...svg.querySelectorAll('path[stroke-dasharray]')]
      .map((p) => /^M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)$/.exec(p.getAttribute('d') ?? ''))
      .filter((m): m is RegExpExecArray => m !== null && m[1] === m[3])
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
    // A mark's label is written in the marks' colour (grey, the analyst's own amber), horizontally above the plot.
    const labels = texts.filter((t) => ['#4a5a6a', '#b45309'].includes(t.getAttribute('fill') ?? '')).sort((a, b) => xOf(a) - xOf(b));
    const upright = labels.every((t) => !(t.getAttribute('transform') ?? '').startsWith('matrix'));
    return { axis, lines, labels: labels.map((t) => t.textContent ?? ''), upright };
  });
}

/** Where the axis puts a month: the category axis is linear in the month's index, fixed by two labels shown. */
function xOfMonth(d: Drawn, month: string): number {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  const [a, b] = [d.axis[0], d.axis[d.axis.length - 1]];
  return a.x + ((index(month) - index(a.text)) * (b.x - a.x)) / (index(b.text) - index(a.text));
}

describe.skipIf(!hasBrowser)('annotations on the trend chart (real UN files, serve mode + Chromium)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  let failedRequests: string[];
  /** How many marks the four missions' trend shows (found by the first test). */
  let marksOfFour = 0;

  beforeAll(async () => {
    assertRendererBuilt();
    const { dataDir, dbPath } = await realWorkspace('h2-annotations-');
    server = await serve({ dbPath, dataDir, port: 0 });
    browser = await launchChromium();
    ({ page, consoleErrors, failedRequests } = await openPage(browser));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const onFailure = failureReport(FAILURE_SHOT, () => ({ page, consoleErrors, failedRequests }));

  it('draws the bundled annotations and the four missions’ start and end at their months, and hides them on request', async () => {
    onFailure();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${server.url}${viewHash({ spec: FOUR, tab: 'trends', trend: { ...DEFAULT_TREND_OPTIONS, average: 12 } })}`);
    await page.getByTestId('trend-chart').locator('svg').waitFor(WAIT);
    // The months drawn run from the first with a fatality among the four to the last (the chart's data table says which).
    const months = await page.locator('[data-testid="trend-data"] tbody tr th').allTextContents();
    const all: [string, string][] = [
      ['2010-05', 'MONUSCO established'],
      ['2011-07', 'UNMISS established'],
      ['2013-04', 'MINUSMA established'],
      ['2014-04', 'MINUSCA established'],
      ['2018-03', 'Action for Peacekeeping launched'],
      ['2020-03', 'Resolution 2518 (2020) adopted'],
      ['2023-12', 'MINUSMA mandate ends'],
    ];
    const expected = all.filter(([month]) => month >= months[0] && month <= months[months.length - 1]);
    expect(expected.length).toBeGreaterThanOrEqual(6);
    await expect.poll(() => drawn(page).then((d) => d.labels.length), WAIT).toBe(expected.length);
    const d = await drawn(page);
    expect(d.labels).toEqual(expected.map(([, label]) => label));
    expect(d.upright).toBe(true);
    expect(d.lines).toHaveLength(expected.length);
    // Each line stands at its month on the axis (within a pixel).
    expected.forEach(([month], i) => expect(Math.abs(d.lines[i] - xOfMonth(d, month)), month).toBeLessThan(1.5));
    // Missions not drawn have none of their dates marked.
    expect(await page.getByTestId('trend-chart').textContent()).not.toContain('UNAMID');

    await page.getByTestId('trend-annotations').uncheck();
    await expect.poll(() => drawn(page).then((x) => x.labels.length), WAIT).toBe(0);
    expect(page.url()).toContain('marks=0');
    await page.getByTestId('trend-annotations').check();
    await expect.poll(() => drawn(page).then((x) => x.labels.length), WAIT).toBe(expected.length);
    marksOfFour = expected.length;
  });

  it('shows only those inside the months drawn', async () => {
    onFailure();
    const spec: ViewSpecInput = { measure: 'fatalities', rows: ['month'], where: { mission: ['MINUSMA'] }, from: '2019-01-01', to: '2021-12-31' };
    await page.goto(`${server.url}${viewHash({ spec, tab: 'trends', trend: DEFAULT_TREND_OPTIONS })}`);
    await expect.poll(() => drawn(page).then((d) => d.labels), WAIT).toEqual(['Resolution 2518 (2020) adopted']);
  });

  it('adds the analyst’s own, drawn in the UI’s language (or the one it was written in), and deletes it', async () => {
    onFailure();
    await page.goto(`${server.url}${viewHash({ spec: FOUR, tab: 'trends', trend: { ...DEFAULT_TREND_OPTIONS, average: 12 } })}`);
    await expect.poll(() => drawn(page).then((d) => d.labels.length), WAIT).toBe(marksOfFour);
    await page.getByTestId('annotations-panel').locator('summary').click();
    await page.getByTestId('annotation-date').fill('2019-06-15');
    await page.getByTestId('annotation-en').fill('Mopti attacks');
    await page.getByTestId('annotation-add').click();
    await expect.poll(() => drawn(page).then((d) => d.labels), WAIT).toContain('Mopti attacks');
    const d = await drawn(page);
    expect(Math.abs(d.lines[d.labels.indexOf('Mopti attacks')] - xOfMonth(d, '2019-06'))).toBeLessThan(1.5);
    expect(await page.getByTestId('annotations-yours').textContent()).toContain('2019-06-15 Mopti attacks');

    // In Chinese: the bundled ones and the missions in Chinese; the analyst's as written (English only).
    await page.getByTestId('lang-switch').getByRole('button', { name: '中文' }).click();
    await expect.poll(() => drawn(page).then((x) => x.labels.slice(-7)), WAIT).toEqual([
      '南苏丹特派团设立',
      '马里稳定团设立',
      '中非稳定团设立',
      '秘书长发起“以行动促维和”倡议',
      'Mopti attacks',
      '安理会通过第2518(2020)号决议',
      '马里稳定团任务期结束',
    ]);
    await page.getByTestId('lang-switch').getByRole('button', { name: 'English' }).click();
    await page.getByTestId('annotation-delete').click();
    await expect.poll(() => drawn(page).then((x) => x.labels.length), WAIT).toBe(marksOfFour);
    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });

  it('shows a trend with a 12-month moving average and annotations in English and Chinese at 1366×768 (screenshots)', async () => {
    onFailure();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${server.url}${viewHash({ spec: FOUR, tab: 'trends', trend: { ...DEFAULT_TREND_OPTIONS, average: 12 } })}`);
    await expect.poll(() => drawn(page).then((d) => d.labels.length), WAIT).toBe(marksOfFour);
    expect(await page.getByTestId('trend-title').textContent()).toContain('12-period moving average');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'trend-annotations-en.png') });
    await page.getByTestId('lang-switch').getByRole('button', { name: '中文' }).click();
    await expect.poll(() => drawn(page).then((d) => d.labels), WAIT).toContain('秘书长发起“以行动促维和”倡议');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'trend-annotations-zh.png') });
    await page.getByTestId('lang-switch').getByRole('button', { name: 'English' }).click();
    expect(consoleErrors).toEqual([]);
  });
});
