import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import atlas from 'world-atlas/countries-50m.json';
import { importFile } from '../../electron/core/import/run';
import { iedPoints } from '../../electron/core/query/ied-points';
import { Workspace } from '../../electron/core/operations';
import { referenceTables } from '../../electron/core/reference/tables';
import { serve, type Server } from '../../electron/server/serve';
import { choropleth, NO_VALUE_COLOUR, paletteFor, type Choropleth } from '../../shared/present/mapClasses';
import { worldShapes, type WorldAtlas } from '../../shared/present/worldShapes';
import { FIXTURES, realWorkspace } from '../helpers';
import { GRAND_TOTAL, SCREENSHOTS, assertRendererBuilt, failureShot, grandTotalText, hasBrowser, launchChromium, openPage, parseCell } from './ui';

const FAILURE_SHOT = failureShot('map');
const YEAR_2022 = { from: '2022-01-01', to: '2022-12-31' };

/** The colour the map must give a country: its class's, or the land's grey without a value. */
const colourOf = (map: Choropleth, iso3: string) => {
  const c = map.classing.classOf(map.values.get(iso3));
  return (c === null ? NO_VALUE_COLOUR : map.classing.classes[c].colour).toLowerCase();
};
const WAIT = { timeout: 15_000 };

const world = worldShapes(atlas as unknown as WorldAtlas, referenceTables().tables.countries);

/** The drawn world's extent in degrees: the map is a linear projection of it, so a place's pixel follows from it. */
const coords = world.geojson.features.flatMap((f) => f.geometry.coordinates.flat(2));
const EXTENT = {
  west: Math.min(...coords.map((c) => c[0])),
  east: Math.max(...coords.map((c) => c[0])),
  south: Math.min(...coords.map((c) => c[1])),
  north: Math.max(...coords.map((c) => c[1])),
};

/** Four countries well inside their borders, far from their neighbours at this scale: [ISO3, English name, lon, lat]. */
const NAMED = [
  ['MLI', 'Mali', -2, 17],
  ['SSD', 'South Sudan', 30, 7.5],
  ['AFG', 'Afghanistan', 66, 33.5],
  ['TCD', 'Chad', 18.5, 15],
] as const;

describe.skipIf(!hasBrowser)('the map, on the real UN files (serve mode + Chromium)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  let failedRequests: string[];
  let hostFatalities: Choropleth;
  let maliFatalities: number;
  let placedIed: number;
  let contributors: Choropleth;
  /** Every request the page makes: the map must fetch nothing from anywhere but the app's own server. */
  const requests: string[] = [];

  beforeAll(async () => {
    assertRendererBuilt();
    const { dataDir, dbPath } = await realWorkspace('h3-map-');
    const ws = new Workspace(dbPath);
    // No real IED file may be shipped (docs/DATA.md): the ACLED-layout fixture gives the map its points.
    importFile(ws.db, { path: path.join(FIXTURES, 'acled-sahel-sample.csv') });
    const byHost = ws.crossTab({ measure: 'fatalities', rows: ['host_country'] });
    hostFatalities = choropleth(byHost.rows, (k) => world.iso3.has(k), paletteFor('fatalities'));
    maliFatalities = ws.crossTab({ measure: 'fatalities', rows: ['year'], where: { host_country: ['MLI'] } }).grandTotal!;
    contributors = choropleth(ws.crossTab({ measure: 'deployed', rows: ['country'], ...YEAR_2022 }).rows, (k) => world.iso3.has(k), paletteFor('deployed'));
    placedIed = iedPoints(ws.db, { where: {} }, 20000).points.length;
    ws.close();
    server = await serve({ dbPath, dataDir, port: 0 });
    browser = await launchChromium();
    ({ page, consoleErrors, failedRequests } = await openPage(browser));
    await page.setViewportSize({ width: 1366, height: 768 });
    page.on('request', (r) => requests.push(r.url()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Where a place is drawn: the countries' paths span the extent, scaled linearly into their bounding box. */
  async function pixelOf(lon: number, lat: number): Promise<{ x: number; y: number }> {
    const colours = [...new Set([NO_VALUE_COLOUR, ...paletteFor('fatalities'), ...paletteFor('deployed')])];
    const box = await page.evaluate((colours) => {
      const paths = [...document.querySelectorAll('[data-testid="map-chart"] svg path')].filter((p) => colours.includes((p.getAttribute('fill') ?? '').toLowerCase()));
      const rects = paths.map((p) => p.getBoundingClientRect());
      return { left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)), top: Math.min(...rects.map((r) => r.top)), bottom: Math.max(...rects.map((r) => r.bottom)) };
    }, colours);
    return {
      x: box.left + ((lon - EXTENT.west) / (EXTENT.east - EXTENT.west)) * (box.right - box.left),
      y: box.top + ((EXTENT.north - lat) / (EXTENT.north - EXTENT.south)) * (box.bottom - box.top),
    };
  }

  /** Contributing countries in different classes of 2022's average strength: [ISO3, English name, lon, lat]. */
  const CONTRIBUTORS = [
    ['BRA', 'Brazil', -52, -10],
    ['ARG', 'Argentina', -65, -35],
    ['AUS', 'Australia', 134, -25],
    ['MEX', 'Mexico', -102, 24],
    ['DZA', 'Algeria', 3, 28],
  ] as const;

  async function expectContributorColours(): Promise<void> {
    for (const [iso3, name, lon, lat] of CONTRIBUTORS) {
      expect(await fillAt(await pixelOf(lon, lat)), `${name} is drawn in its class's colour`).toBe(colourOf(contributors, iso3));
    }
  }

  const fillAt = (p: { x: number; y: number }) => page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.getAttribute('fill')?.toLowerCase() ?? null, p);

  it('colours host countries by the class of the core’s fatalities, names them on hover, and a click filters the cross-tab', async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: FAILURE_SHOT, fullPage: true });
      console.warn(`screenshot of the failure: ${FAILURE_SHOT}\nconsole errors: ${JSON.stringify(consoleErrors)}\nfailed requests: ${JSON.stringify(failedRequests)}`);
    });
    await page.goto(server.url);
    await page.getByTestId('crosstab-grid').waitFor();
    // The map's code and shapes are not part of the first page: they load when its tab is opened.
    const before = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(before.filter((n) => /MapView/.test(n))).toEqual([]);

    await page.getByTestId('tab-map').click();
    await page.getByTestId('map-chart').locator('svg path').first().waitFor(WAIT);
    expect(await page.getByTestId('map-by-host_country').isChecked()).toBe(true);
    // The points are off first, so each country is read without an incident drawn over it.
    await page.getByTestId('map-points').uncheck();
    await expect.poll(() => page.getByTestId('map-points-legend').count(), WAIT).toBe(0);

    const classes = NAMED.map(([iso3]) => hostFatalities.classing.classOf(hostFatalities.values.get(iso3)));
    // The named countries fall in different classes, so a wrong cut or a shifted palette cannot pass.
    expect(new Set(classes).size).toBeGreaterThanOrEqual(3);
    for (const [iso3, name, lon, lat] of NAMED) {
      const at = await pixelOf(lon, lat);
      expect(await fillAt(at), `${name} is drawn in its class's colour`).toBe(colourOf(hostFatalities, iso3));
      await page.mouse.move(at.x, at.y);
      await expect.poll(() => page.getByTestId('map-chart').textContent(), WAIT).toContain(`${name}: ${hostFatalities.values.get(iso3)!.toLocaleString('en-US')}`);
    }
    // Keyboards and screen readers get the same numbers as a list, with each country's class.
    const mali = page.getByTestId('map-countries').locator('[role="option"][data-key="MLI"]');
    expect(await mali.getAttribute('data-value')).toBe(String(hostFatalities.values.get('MLI')));
    expect(await mali.getAttribute('aria-label')).toMatch(new RegExp(`^Mali: ${hostFatalities.values.get('MLI')} \\(class \\d`));
    // The legend lists the same classes, largest first.
    const legend = await page.getByTestId('map-class').evaluateAll((els) => els.map((e) => e.getAttribute('data-colour')));
    expect(legend).toEqual(hostFatalities.classing.classes.map((c) => c.colour).reverse());
    // A host no shape shows (no host on record) is listed, not lost.
    expect(hostFatalities.unplaced.length).toBeGreaterThan(0);
    expect(await page.getByTestId('map-disclaimer').textContent()).toContain('do not imply official endorsement or acceptance by the United Nations');
    expect(await page.getByTestId('map-unplaced').textContent()).toContain('(not recorded)');

    await page.getByTestId('map-points').check();
    await expect.poll(() => page.getByTestId('map-points-legend').textContent(), WAIT).toContain(`${placedIed} drawn`);
    const maliNorth = await pixelOf(-2, 22);
    await page.mouse.move(maliNorth.x, maliNorth.y);
    await expect.poll(() => page.getByTestId('map-chart').textContent(), WAIT).toContain(`Mali: ${hostFatalities.values.get('MLI')}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-en.png') });

    await page.getByTestId('lang-switch').getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.getByTestId('tab-map').textContent()).toBe('地图');
    await page.mouse.move(5, 5);
    // Chinese text sits taller, so the map below it moves: Mali is found again.
    await expect.poll(() => page.getByTestId('map-countries').locator('[data-key="MLI"]').textContent(), WAIT).toContain('马里');
    const maliNorthZh = await pixelOf(-2, 22);
    await page.mouse.move(maliNorthZh.x, maliNorthZh.y);
    await expect.poll(() => page.getByTestId('map-chart').textContent(), WAIT).toContain(`马里：${hostFatalities.values.get('MLI')}`);
    // The view fits the window: nothing pushes the page into scrolling (the hidden data table once did).
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(768);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-zh.png') });
    await page.getByTestId('lang-switch').getByRole('button', { name: 'English' }).click();
    // The map moves back up with the English text: its pixels are read once it has.
    await expect.poll(() => page.getByTestId('map-countries').locator('[data-key="MLI"]').textContent(), WAIT).toContain('Mali');

    // North of the IED points: at this scale the points drawn in central Mali cover its middle.
    const at = await pixelOf(-2, 22);
    await page.mouse.click(at.x, at.y);
    expect(await page.getByTestId('tab-crossTab').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.getByTestId('view-title').textContent(), WAIT).toContain('Host country: Mali');
    await expect.poll(() => grandTotalText(page).then(parseCell), WAIT).toBe(maliFatalities);
    expect(await page.locator(GRAND_TOTAL).count()).toBe(1);

    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });

  it('colours contributing countries by the class of the core’s average deployed strength in the period chosen', async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: FAILURE_SHOT, fullPage: true });
    });
    await page.getByTestId('filter-host_country').locator('summary').click();
    await page.getByTestId('filter-host_country').getByRole('button', { name: 'Clear' }).click();
    await page.getByTestId('measure-select').selectOption('deployed');
    await page.getByTestId('date-from').fill(YEAR_2022.from);
    await page.getByTestId('date-to').fill(YEAR_2022.to);
    await page.getByTestId('tab-map').click();
    await page.getByTestId('map-by-country').check();
    await page.getByTestId('map-points').uncheck();
    await expect.poll(() => page.getByTestId('map-title').textContent(), WAIT).toContain('Deployed (avg. monthly strength) by Country (nationality / contributor)');
    expect(new Set(CONTRIBUTORS.map(([iso3]) => colourOf(contributors, iso3))).size).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.getByTestId('map-title').textContent(), WAIT).toContain('2022-01-01 – 2022-12-31');
    await expect.poll(() => page.getByTestId('map-class').first().getAttribute('data-colour'), WAIT).toBe(contributors.classing.classes.at(-1)!.colour);
    await expectContributorColours();
    const brazil = await pixelOf(-52, -10);
    await page.mouse.move(brazil.x, brazil.y);
    const strength = contributors.values.get('BRA')!.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    await expect.poll(() => page.getByTestId('map-chart').textContent(), WAIT).toContain(`Brazil: ${strength}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-contributors-en.png') });
    // No tile server, no shapes from the network: the map's chunk came from the app's own server, like everything else.
    const origin = new URL(server.url).origin;
    expect(requests.filter((u) => /MapView/.test(u))).toHaveLength(1);
    expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });

  it('keeps the map’s settings in the address: a reload draws the same map, back and undo restore the setting before', async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: FAILURE_SHOT, fullPage: true });
      console.warn(`console errors: ${JSON.stringify(consoleErrors)}`);
    });
    // Left by the test before: contributing countries, 2022, no points.
    await expect.poll(() => page.evaluate(() => window.location.hash), WAIT).toMatch(/map=country.*points=0|points=0.*map=country/);
    await page.reload();
    await page.getByTestId('map-chart').locator('svg path').first().waitFor(WAIT);
    expect(await page.getByTestId('map-by-country').isChecked()).toBe(true);
    expect(await page.getByTestId('map-points').isChecked()).toBe(false);
    await expect.poll(() => page.getByTestId('map-title').textContent(), WAIT).toContain('2022-01-01 – 2022-12-31');
    await expect.poll(() => page.getByTestId('map-class').first().getAttribute('data-colour'), WAIT).toBe(contributors.classing.classes.at(-1)!.colour);
    await expectContributorColours();

    await page.getByTestId('map-by-host_country').check();
    await expect.poll(() => page.getByTestId('map-title').textContent(), WAIT).toContain('by Host country');
    await page.goBack();
    await expect.poll(() => page.getByTestId('map-by-country').isChecked(), WAIT).toBe(true);
    await expect.poll(() => page.getByTestId('map-title').textContent(), WAIT).toContain('by Country (nationality / contributor)');
    await expectContributorColours();

    await page.getByTestId('map-by-host_country').check();
    await expect.poll(() => page.getByTestId('map-title').textContent(), WAIT).toContain('by Host country');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('map-by-country').isChecked(), WAIT).toBe(true);

    // "Add to pack" makes a map slide of the countries on screen, previewed in the pack builder.
    await page.getByTestId('add-map-to-pack').click();
    await page.getByTestId('tab-packs').click();
    const kinds = () => page.getByTestId('slide-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    await expect.poll(kinds, WAIT).toEqual(['cover', 'map', 'sources']);
    expect(await page.getByTestId('slide-name').nth(1).textContent()).toBe('Deployed (avg. monthly strength) by Country (nationality / contributor)');
    await page.getByTestId('slide-item').nth(1).click();
    // The preview is the slide's SVG: Bangladesh, the largest contributor, in the darkest class.
    const preview = () => page.getByTestId('slide-preview').getAttribute('src').then((src) => decodeURIComponent(src ?? ''));
    await expect.poll(preview, WAIT).toMatch(new RegExp(`<path data-country="BGD" d="[^"]+" fill="${contributors.classing.classes.at(-1)!.colour}"`));
    expect(await page.getByTestId('slide-map-by').inputValue()).toBe('country');
    expect(consoleErrors).toEqual([]);
  });

  it('picks a country from the keyboard: Tab to the list of countries, choose Mali, Enter opens the cross-tab filtered to it', async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: FAILURE_SHOT, fullPage: true });
      console.warn(`console errors: ${JSON.stringify(consoleErrors)}`);
    });
    await page.goto(`${server.url}#tab=map&spec=${encodeURIComponent(JSON.stringify({ measure: 'fatalities', rows: ['year'] }))}`);
    await page.getByTestId('map-chart').locator('svg path').first().waitFor(WAIT);
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    const chosen = () => page.getByTestId('map-countries').getAttribute('data-chosen');

    await page.getByTestId('map-points').focus();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('map-countries');
    // Its label names it, and the list is ranked as the map's classes are.
    expect(await page.getByLabel('Countries on the map').getAttribute('data-testid')).toBe('map-countries');
    const values = await page.getByTestId('map-countries').getByRole('option').evaluateAll((os) => os.map((o) => Number(o.getAttribute('data-value'))));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    await page.keyboard.type('Mali');
    await expect.poll(chosen, WAIT).toBe('MLI');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-keyboard-en.png') });
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('tab-crossTab').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.getByTestId('view-title').textContent(), WAIT).toContain('Host country: Mali');
    await expect.poll(() => grandTotalText(page).then(parseCell), WAIT).toBe(maliFatalities);

    // In Chinese, by the arrow keys: the list and its label speak the UI's language.
    await page.goto(`${server.url}#tab=map&spec=${encodeURIComponent(JSON.stringify({ measure: 'fatalities', rows: ['year'] }))}`);
    await page.getByTestId('map-chart').locator('svg path').first().waitFor(WAIT);
    await page.getByTestId('lang-switch').getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.getByTestId('tab-map').textContent()).toBe('地图');
    await page.getByTestId('map-points').focus();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('map-countries');
    expect(await page.getByLabel('地图上的国家').getAttribute('data-testid')).toBe('map-countries');
    const keys = await page.getByTestId('map-countries').getByRole('option').evaluateAll((os) => os.map((o) => o.getAttribute('data-key')));
    for (let i = 0; i <= keys.indexOf('MLI'); i++) await page.keyboard.press('ArrowDown');
    await expect.poll(chosen, WAIT).toBe('MLI');
    expect(await page.getByTestId('map-countries').getByRole('option', { selected: true }).getAttribute('aria-label')).toMatch(new RegExp(`^马里：${hostFatalities.values.get('MLI')}\\(分级`));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-keyboard-zh.png') });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('view-title').textContent(), WAIT).toContain('东道国：马里');
    await expect.poll(() => grandTotalText(page).then(parseCell), WAIT).toBe(maliFatalities);
    await page.getByTestId('lang-switch').getByRole('button', { name: 'English' }).click();
    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });
});
