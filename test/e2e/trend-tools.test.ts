import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Workspace } from '../../electron/core/operations';
import { serve, type Server } from '../../electron/server/serve';
import { viewHash } from '../../renderer/src/views/viewHash';
import { DEFAULT_TREND_OPTIONS, trendChartTypesFor, type TrendOptions } from '../../shared/present/trend';
import { classOf, heatClasses, BLANK_COLOURS } from '../../shared/present/heatmap';
import { formatValue } from '../../shared/present/format';
import { PALETTE } from '../../shared/present/chart';
import type { CrossTab, ViewSpecInput } from '../../shared/spec';
import { realWorkspace, tempDir } from '../helpers';
import { SCREENSHOTS, assertRendererBuilt, failureShot, hasBrowser, launchChromium, openPage, failureReport } from './ui';

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

  const onFailure = failureReport(FAILURE_SHOT, () => ({ page, consoleErrors, failedRequests }));

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
    // The pointer on the chart's empty corner, the tooltip gone: the screenshot shows every cell.
    const corner = async () => {
      const box = (await chart.boundingBox())!;
      await page.mouse.move(box.x + box.width - 8, box.y + 8);
      await page.mouse.move(box.x + box.width - 12, box.y + 10);
      await expect.poll(() => chart.innerText(), WAIT).not.toMatch(/ · [^\n]*: /);
    };
    await corner();
    // A grid row under the pointer outlines its row of cells (every UNMISS quarter has a value: it was there throughout).
    const outlined = () => chart.evaluate((h) => h.querySelectorAll('svg path[stroke="#1b2a3a"]').length);
    expect(await outlined()).toBe(0);
    await page.getByTestId('trend-grid').locator('.ag-row:not(.ag-row-pinned) .ag-cell[col-id="k0"]', { hasText: 'UNMISS' }).hover();
    await expect.poll(outlined, WAIT).toBe(32);
    await corner();
    await expect.poll(outlined, WAIT).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'trend-heatmap-en.png') });
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => chart.innerText(), WAIT).toContain('2018年第2季度');
    const p = await heatCell(page, '马里稳定团(MINUSMA)', '2012年第1季度');
    await page.mouse.move(p.x, p.y);
    await expect.poll(() => chart.innerText(), WAIT).toContain('任务授权期外');
    await corner();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'trend-heatmap-zh.png') });
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('leaves the grid under every chart kind blank where the chart says "outside the mandate" (MINUSMA by month in 2012), with the reason; a real 0 stays 0 (screenshots)', async () => {
    onFailure();
    const view: ViewSpecInput = { measure: 'fatalities', rows: ['mission'], cols: 'year', where: { mission: ['MINUSMA', 'UNMISS'] }, from: '2012-01-01', to: '2013-12-31' };
    const core = engine({ ...view, cols: 'month' });
    const minusma = core.rows.find((r) => r.key[0] === 'MINUSMA')!;
    const before = core.colKeys.filter((k) => k < '2013-04');
    // The engine counts 0 for MINUSMA in the months of 2012 that have a column (UNMISS's deaths); after its start some months are a real 0.
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((k) => minusma.cells[core.colKeys.indexOf(k)] === 0)).toBe(true);
    const realZero = core.colKeys.find((k) => k > '2013-05' && minusma.cells[core.colKeys.indexOf(k)] === 0)!;
    expect(realZero).toBeTruthy();
    const grid = page.getByTestId('trend-grid');
    /** MINUSMA's cell in a month's column of the grid under the chart: its text and its hover title. */
    const cell = (month: string) =>
      grid.evaluate((g, month) => {
        const colId = [...g.querySelectorAll('.ag-header-cell')].find((h) => h.textContent?.trim() === month)?.getAttribute('col-id');
        const row = [...g.querySelectorAll('.ag-row:not(.ag-row-pinned) .ag-cell[col-id="k0"]')].find((c) => c.textContent?.trim() === 'MINUSMA')?.closest('.ag-row');
        const c = colId && row?.querySelector(`.ag-cell[col-id="${colId}"]`);
        return c ? { text: c.textContent?.trim(), title: c.getAttribute('title') } : null;
      }, month);
    for (const chart of trendChartTypesFor('fatalities')) {
      await page.goto(address(view, { ...DEFAULT_TREND_OPTIONS, chart, grain: 'month' }));
      await expect.poll(() => cell(realZero), WAIT).toEqual({ text: '0', title: null });
      for (const month of before) expect(await cell(month), `${chart} ${month}`).toEqual({ text: '—', title: 'no data: mission not deployed in this period' });
    }
    // The heat map for the screenshots: the chart's grey cells above the grid's blanks.
    await page.goto(address(view, { ...DEFAULT_TREND_OPTIONS, chart: 'heatmap', grain: 'month' }));
    await expect.poll(() => cell(before[0]), WAIT).toEqual({ text: '—', title: 'no data: mission not deployed in this period' });
    await page.getByTestId('trend-chart').locator('svg').waitFor(WAIT);
    await grid.evaluate((g) => g.scrollIntoView({ block: 'end' }));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'trend-heatmap-grid-blank-en.png') });
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => grid.locator('.ag-cell.bh-blank').first().getAttribute('title'), WAIT).toBe('无数据：该特派团在此期间未部署');
    await grid.evaluate((g) => g.scrollIntoView({ block: 'end' }));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'trend-heatmap-grid-blank-zh.png') });
    await page.getByRole('button', { name: 'English' }).click();
    expect(consoleErrors).toEqual([]);
  });

  // Deployed is an average of monthly strength: a quarter's value cannot be added up from its months, so the chart must show the engine's quarter.
  const GRAIN_VIEW: ViewSpecInput = { measure: 'deployed', rows: ['mission'], cols: 'year', where: { mission: ['MINUSMA', 'UNMISS', 'MONUSCO'] }, from: '2021-01-01', to: '2022-12-31' };

  it('draws per quarter the core\'s quarter values (an average of people is not summed), and switches grain from the controls', async () => {
    onFailure();
    await page.goto(address(GRAIN_VIEW, DEFAULT_TREND_OPTIONS));
    await page.getByTestId('trend-chart').locator('svg').waitFor(WAIT);
    expect(await page.getByTestId('trend-grain').inputValue()).toBe('year');
    await page.getByTestId('trend-grain').selectOption('quarter');
    const rows = () => page.locator('[data-testid="trend-data"] tbody tr th').allTextContents();
    await expect.poll(rows, WAIT).toEqual(['2021-Q1', '2021-Q2', '2021-Q3', '2021-Q4', '2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4']);
    const core = engine({ ...GRAIN_VIEW, rows: ['quarter'], cols: 'mission' });
    const drawn = await page.locator('[data-testid="trend-data"]').evaluate((t) => ({
      names: [...t.querySelectorAll('thead th')].slice(1).map((h) => h.textContent),
      rows: [...t.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((d) => (d.getAttribute('data-value') === '' ? null : Number(d.getAttribute('data-value'))))),
    }));
    expect([...drawn.names].sort()).toEqual(['MINUSMA', 'MONUSCO', 'UNMISS']);
    drawn.rows.forEach((cells, i) => cells.forEach((v, k) => expect(v, `${drawn.names[k]} ${core.rows[i].key[0]}`).toBe(core.rows[i].cells[core.colKeys.indexOf(drawn.names[k]!)])));
    // A quarter is not the sum of its months (that would triple the people deployed).
    const months = engine({ ...GRAIN_VIEW, rows: ['month'], cols: 'mission', from: '2022-04-01', to: '2022-06-30' });
    const j = months.colKeys.indexOf('UNMISS');
    const sum = months.rows.reduce((a, r) => a + (r.cells[j] ?? 0), 0);
    const q2 = core.rows.find((r) => r.key[0] === '2022-Q2')!.cells[core.colKeys.indexOf('UNMISS')]!;
    expect(q2).toBeCloseTo(sum / 3, 6);
    // The grid under the chart is the view at the same grain: missions down, quarters across, equal to the core.
    const gridHeaders = await page.getByTestId('trend-grid').locator('.ag-header-cell').allTextContents();
    expect(gridHeaders.map((h) => h.trim())).toContain('2022-Q2');
    // And the grain is kept in the address, so a reload keeps it.
    expect(await page.evaluate(() => location.hash)).toContain('grain=quarter');
    await page.reload();
    await expect.poll(rows, WAIT).toHaveLength(8);
    await page.getByTestId('trend-grain').selectOption('year');
    await expect.poll(rows, WAIT).toEqual(['2021', '2022']);
  });

  it('links the grid and the chart: a grid row hovered lights up its line, a line hovered lights up its row', async () => {
    onFailure();
    await page.goto(address(GRAIN_VIEW, { ...DEFAULT_TREND_OPTIONS, grain: 'quarter' }));
    const chart = page.getByTestId('trend-chart');
    await chart.locator('svg').waitFor(WAIT);
    const names = await page.locator('[data-testid="trend-data"] thead th').allTextContents();
    const lines = names.slice(1);
    const colourOf = (name: string) => PALETTE[lines.indexOf(name)];
    // The lines ECharts fades (the others when one is lit), by their colour.
    const faded = () =>
      chart.evaluate((h) => [...h.querySelectorAll('svg path[fill="none"][stroke-width="2"]')].filter((p) => p.getAttribute('stroke-opacity') === '0.1').map((p) => p.getAttribute('stroke')).sort());
    expect(await faded()).toEqual([]);
    // The row whose label cell names the mission (the label column is pinned, so that row element holds it).
    const gridRow = (mission: string) =>
      page.getByTestId('trend-grid').locator('.ag-row:not(.ag-row-pinned)').filter({ has: page.locator('.ag-cell[col-id="k0"]', { hasText: mission }) }).first();
    // A grid row under the pointer: its line stays, the others fade.
    await gridRow('UNMISS').locator('.ag-cell').first().hover();
    await expect.poll(faded, WAIT).toEqual(lines.filter((n) => n !== 'UNMISS').map(colourOf).sort());
    expect(await chart.getAttribute('data-highlighted')).toBe('mission=UNMISS');
    // The pointer off the grid: nothing is lit.
    await page.mouse.move(5, 300);
    await expect.poll(faded, WAIT).toEqual([]);
    // A selected row stays lit.
    await gridRow('MONUSCO').locator('.ag-cell').first().click();
    await page.mouse.move(5, 300);
    await expect.poll(faded, WAIT).toEqual(lines.filter((n) => n !== 'MONUSCO').map(colourOf).sort());
    // And back: a point of the MINUSMA line under the pointer lights up MINUSMA's grid row.
    const point = await chart.evaluate((h, colour) => {
      const symbol = [...h.querySelectorAll('svg path')].find((p) => p.getAttribute('stroke') === colour && (p.getAttribute('transform') ?? '').startsWith('matrix'));
      const r = symbol!.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }, colourOf('MINUSMA'));
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => gridRow('MINUSMA').getAttribute('class'), WAIT).toContain('bh-row-linked');
    expect(await gridRow('UNMISS').getAttribute('class')).not.toContain('bh-row-linked');

    // A grid of quarters down and missions across: a cell of the UNMISS column lights the UNMISS line.
    await page.goto(address({ ...GRAIN_VIEW, rows: ['quarter'], cols: 'mission' }, DEFAULT_TREND_OPTIONS));
    await chart.locator('svg').waitFor(WAIT);
    const across = (await page.locator('[data-testid="trend-data"] thead th').allTextContents()).slice(1);
    const header = page.getByTestId('trend-grid').locator('.ag-header-cell', { hasText: 'UNMISS' });
    const colId = await header.getAttribute('col-id');
    await page.getByTestId('trend-grid').locator(`.ag-row:not(.ag-row-pinned)[row-index="2"] .ag-cell[col-id="${colId}"]`).hover();
    await expect.poll(faded, WAIT).toEqual(across.filter((n) => n !== 'UNMISS').map((n) => PALETTE[across.indexOf(n)]).sort());
  });

  it('saves the chart as a PNG and an SVG file and copies it as a PNG picture', async () => {
    onFailure();
    await page.goto(address(HEAT_VIEW, HEAT));
    const chart = page.getByTestId('trend-chart');
    await chart.locator('svg').waitFor(WAIT);
    const size = await chart.evaluate((h) => ({ width: h.clientWidth, height: h.clientHeight }));
    const dir = tempDir('h6-chart-images-');
    const save = async (button: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(button).click()]);
      const file = path.join(dir, download.suggestedFilename());
      await download.saveAs(file);
      return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
    };
    const png = await save('chart-save-png');
    expect(png.name).toBe('bluehelm-fatalities-heatmap.png');
    const pngHeader = (b: Buffer) => ({ signature: b.subarray(0, 8).toString('hex'), chunk: b.subarray(12, 16).toString('latin1'), width: b.readUInt32BE(16), height: b.readUInt32BE(20) });
    // A real PNG (signature, IHDR first), painted at twice the chart's size.
    expect(pngHeader(png.bytes)).toEqual({ signature: '89504e470d0a1a0a', chunk: 'IHDR', width: size.width * 2, height: size.height * 2 });
    expect(png.bytes.subarray(-8, -4).toString('latin1')).toBe('IEND');
    const svg = await save('chart-save-svg');
    expect(svg.name).toBe('bluehelm-fatalities-heatmap.svg');
    const text = svg.bytes.toString('utf8');
    // A well-formed SVG document (the browser's own parser), holding the chart's text as text.
    const parsed = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName, width: doc.documentElement.getAttribute('width'), texts: [...doc.querySelectorAll('text')].map((n) => n.textContent) };
    }, text);
    expect(parsed).toMatchObject({ error: null, root: 'svg', width: String(size.width) });
    expect(parsed.texts).toEqual(expect.arrayContaining(['MINUSMA', 'UNIFIL', '2018-Q4', 'Outside the mandate', '18']));
    // The clipboard holds a PNG picture of the chart.
    await page.getByTestId('chart-copy-image').click();
    await expect.poll(() => page.locator('.bh-chart-actions [role="status"]').textContent(), WAIT).toBe('Chart copied as an image');
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const blob = await item.getType('image/png');
      return { types: item.types, bytes: [...new Uint8Array(await blob.arrayBuffer())] };
    });
    expect(copied.types).toContain('image/png');
    expect(pngHeader(Buffer.from(copied.bytes))).toMatchObject({ signature: '89504e470d0a1a0a', chunk: 'IHDR' });
  });

  it('draws two row dimensions as small multiples, every combination kept, on one scale', async () => {
    onFailure();
    const spec: ViewSpecInput = { measure: 'fatalities', rows: ['mission', 'incident_type'], where: { mission: ['MINUSMA', 'MINUSCA', 'UNMISS'] }, from: '2015-01-01', to: '2020-12-31' };
    await page.goto(address(spec, { ...DEFAULT_TREND_OPTIONS, layout: 'small_multiples' }));
    const panels = page.getByTestId('small-multiple');
    await expect.poll(() => panels.count(), WAIT).toBe(3);
    // Ranked by total, the largest first, each named by its mission.
    const core = engine({ ...spec, rows: ['year', 'incident_type'], cols: 'mission' });
    const ranked = [...core.colKeys].sort((a, b) => core.colTotals[core.colKeys.indexOf(b)]! - core.colTotals[core.colKeys.indexOf(a)]!);
    expect(await page.locator('[data-testid="small-multiple"] figcaption').allTextContents()).toEqual(ranked);
    await page.getByTestId('small-multiple-chart').first().locator('svg').waitFor(WAIT);
    // Every mission × incident type with a death in the period has its line: nothing is dropped.
    const combos = engine({ ...spec, rows: ['mission', 'incident_type'] }).rows.filter((r) => (r.total ?? 0) > 0).map((r) => `${r.key[0]} · ${r.key[1]}`);
    const drawn = (await page.locator('[data-testid="trend-data"] thead th').allTextContents()).slice(1);
    expect([...drawn].sort()).toEqual([...combos].sort());
    // One scale: the same top of the value axis on every small chart.
    const tops = await page.getByTestId('small-multiple-chart').evaluateAll((charts) =>
      charts.map((c) => {
        const labels = [...c.querySelectorAll('svg text')].map((t) => t.textContent ?? '').filter((t) => /^[\d,]+$/.test(t));
        return Math.max(...labels.map((t) => Number(t.replace(/,/g, ''))));
      }),
    );
    expect(new Set(tops).size).toBe(1);
    // One legend above them all names every incident type drawn.
    const types = new Set(combos.map((c) => c.split(' · ')[1]));
    expect(new Set(await page.getByTestId('small-multiples-legend').locator('li').allTextContents())).toEqual(types);
    expect(await page.getByTestId('trend-title').textContent()).toContain('a chart per Mission, one line per Incident type');
    // Nothing wider than the window: the page does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'trend-small-multiples-en.png') });
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.locator('[data-testid="small-multiple"] figcaption').first().textContent(), WAIT).toContain('(');
    expect(await page.getByTestId('trend-title').textContent()).toContain('每个特派团一张图');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'trend-small-multiples-zh.png') });
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('gives a moving average one decimal more than the measure, in the tooltip and the data', async () => {
    onFailure();
    const spec: ViewSpecInput = { measure: 'fatalities', rows: ['month'], where: { mission: ['MINUSMA'] }, from: '2017-01-01', to: '2018-12-31' };
    await page.goto(address(spec, { ...DEFAULT_TREND_OPTIONS, average: 12 }));
    await page.getByTestId('trend-chart').locator('svg').waitFor(WAIT);
    const row = page.locator('[data-testid="trend-data"] tbody tr').last();
    const month = (await row.locator('th').textContent())!;
    const last = row.locator('td').first();
    const exact = Number(await last.getAttribute('data-value'));
    // By hand: the 12 months ending with the last one drawn, a month without a death counting 0.
    const byMonth = new Map(engine(spec).rows.map((r) => [r.key[0], r.total ?? 0]));
    const window = Array.from({ length: 12 }, (_, i) => {
      const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 - i, 1));
      return byMonth.get(d.toISOString().slice(0, 7)) ?? 0;
    });
    expect(exact).toBeCloseTo(window.reduce((a, v) => a + v, 0) / 12, 9);
    expect(Number.isInteger(exact * 12) && !Number.isInteger(exact)).toBe(true);
    expect(await last.textContent()).toBe(formatValue('fatalities', exact, 'en', 1));
    expect(await last.textContent()).toMatch(/^\d+\.\d$/);
    // The tooltip of the last month, at the plot's right edge, gives the same one-decimal figure.
    const chart = page.getByTestId('trend-chart');
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width - 26, box.y + box.height / 2);
    await expect.poll(() => chart.innerText(), WAIT).toContain(formatValue('fatalities', exact, 'en', 1));
  });
});
