import fs from 'node:fs';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Workspace } from '../../electron/core/operations';
import { serve, type Server } from '../../electron/server/serve';
import { viewHash } from '../../renderer/src/views/viewHash';
import { DEFAULT_PIVOT_OPTIONS, type PivotOptions } from '../../shared/present/pivot';
import { DEFAULT_TREND_OPTIONS } from '../../shared/present/trend';
import type { CrossTab, ViewSpecInput } from '../../shared/spec';
import { realWorkspace } from '../helpers';
import { SCREENSHOTS, assertRendererBuilt, cellText, failureShot, grandTotalText, hasBrowser, launchChromium, parseCell, failureReport } from './ui';

const FAILURE_SHOT = failureShot('pivot');
const WAIT = { timeout: 15_000 };

/** The grid's lines as a person reads them: each body line's key texts and its numbers ("12.3%" → 12.3, "—" → null). */
async function gridLines(page: Page): Promise<{ kind: string; keys: string[]; values: (number | null)[] }[]> {
  return page.evaluate(() => {
    const grid = document.querySelector('[data-testid="crosstab-grid"]')!;
    const number = (text: string) => (text.trim() === '—' ? null : Number(text.trim().replace(/[,%+]/g, '')));
    const byIndex = new Map<string, { kind: string; cells: Map<string, string> }>();
    for (const cell of grid.querySelectorAll('.ag-row:not(.ag-row-pinned) .ag-cell')) {
      const row = cell.closest('.ag-row')!;
      const i = row.getAttribute('row-index')!;
      const line = byIndex.get(i) ?? { kind: row.classList.contains('bh-line-group') ? 'group' : row.classList.contains('bh-line-other') ? 'other' : 'leaf', cells: new Map() };
      line.cells.set(cell.getAttribute('col-id')!, cell.textContent ?? '');
      byIndex.set(i, line);
    }
    return [...byIndex.entries()]
      .sort((a, b) => Number(a[0]) - Number(b[0]))
      .map(([, l]) => {
        const ids = [...l.cells.keys()];
        const keys = ids.filter((c) => /^k\d+$/.test(c)).sort().map((c) => l.cells.get(c)!.trim());
        const values = [...ids.filter((c) => /^c\d+$/.test(c)).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))), 'total'].map((c) => number(l.cells.get(c) ?? '—'));
        return { kind: l.kind, keys, values };
      });
  });
}

/** Whether the Total's header sits in the grid's right-pinned section. */
const totalPinned = (page: Page) =>
  page.locator('[data-testid="crosstab-grid"] .ag-header-cell[col-id="total"]').evaluate((h) => h.closest('[class*="pinned-right"]') !== null);

describe.skipIf(!hasBrowser)('the cross-tab as a pivot table: subtotals, values shown as shares, top N with Other (real UN files, serve mode + Chromium)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  let ws: Workspace;
  const engine = (spec: ViewSpecInput): CrossTab => ws.crossTab(spec);
  const address = (spec: ViewSpecInput, pivot: PivotOptions = DEFAULT_PIVOT_OPTIONS) =>
    `${server.url}${viewHash({ spec, tab: 'crossTab', trend: DEFAULT_TREND_OPTIONS, pivot })}`;
  /** Opens a view by its address, and waits for the engine's grand total (shown as a plain value). */
  const open = async (spec: ViewSpecInput, pivot?: PivotOptions) => {
    await page.goto(address(spec, pivot));
    await expect.poll(() => grandTotalText(page).then(parseCell), WAIT).toBe(engine(spec).grandTotal);
  };

  beforeAll(async () => {
    assertRendererBuilt();
    const { dataDir, dbPath } = await realWorkspace('h1-pivot-');
    ws = new Workspace(dbPath);
    server = await serve({ dbPath, dataDir, port: 0 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    ws?.close();
  });

  const onFailure = failureReport(FAILURE_SHOT, () => ({ page, consoleErrors }));

  const nested: ViewSpecInput = { measure: 'fatalities', rows: ['mission', 'incident_type'], cols: 'year', from: '2015-01-01', to: '2019-12-31' };

  it('nests two row dimensions: each mission once, on a group line whose subtotals are the engine’s answer for the mission alone', async () => {
    onFailure();
    await open(nested);
    const byMission = engine({ ...nested, rows: ['mission'] });
    const lines = await gridLines(page);
    const groups = lines.filter((l) => l.kind === 'group');
    expect(groups.map((g) => g.keys[0]).sort()).toEqual(byMission.rows.map((r) => r.key[0]).sort());
    for (const r of byMission.rows) {
      const g = groups.find((x) => x.keys[0] === r.key[0])!;
      // A year before the mission's mandate (BINUH, 2019) is blank where the engine counts 0.
      expect(g.values).toEqual([...r.cells, r.total].map((v, j) => (g.values[j] === null && v === 0 ? null : v)));
      expect(g.values.filter((v) => v !== null).length).toBeGreaterThan(0);
      expect(g.keys[1]).toBe('');
    }
    // The outer label is shown once: the leaves under a group leave it blank.
    expect(lines.filter((l) => l.kind === 'leaf').every((l) => l.keys[0] === '' && l.keys[1] !== '')).toBe(true);
    // Five years fit: the Total stays beside the last of them rather than pinned away at the right.
    expect(await totalPinned(page)).toBe(false);
    // Largest mission first (value-descending by default), and the grand total pinned below.
    expect(groups[0].keys[0]).toBe([...byMission.rows].sort((a, b) => b.total! - a.total!)[0].key[0]);
    expect(parseCell(await grandTotalText(page))).toBe(byMission.grandTotal);

    // Folding a group hides its lines; unfolding brings them back.
    const before = lines.length;
    await page.locator('[data-testid="fold"]').first().click();
    await expect.poll(async () => (await gridLines(page)).length, WAIT).toBeLessThan(before);
    await page.getByTestId('unfold-all').click();
    await expect.poll(async () => (await gridLines(page)).length, WAIT).toBe(before);
    expect(consoleErrors).toEqual([]);
  });

  it('keeps a folded group in the address (reload, undo, redo) and sorts by a header reached by the keyboard (screenshots)', async () => {
    onFailure();
    await open(nested);
    const byMission = engine({ ...nested, rows: ['mission'] });
    const grand = await grandTotalText(page);
    const all = await gridLines(page);
    const at = all.findIndex((l) => l.kind === 'group' && l.keys[0] === 'MINUSMA');
    const leaves = all.slice(at + 1).findIndex((l) => l.kind !== 'leaf');
    expect(leaves).toBeGreaterThan(1);
    const fold = page.locator('[data-testid="crosstab-grid"] .ag-row:not(.ag-row-pinned) .ag-cell[col-id="k0"]', { hasText: 'MINUSMA' }).getByTestId('fold');
    const count = async () => (await gridLines(page)).length;
    await fold.click();
    await expect.poll(count, WAIT).toBe(all.length - leaves);
    expect(await fold.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => page.evaluate(() => decodeURIComponent(window.location.hash)), WAIT).toContain('"fold":{"groups":[["MINUSMA"]]}');
    // Undo opens it again and redo folds it, as any change of the view.
    await page.getByTestId('undo').click();
    await expect.poll(count, WAIT).toBe(all.length);
    await page.getByTestId('redo').click();
    await expect.poll(count, WAIT).toBe(all.length - leaves);
    // A reload keeps it folded: the group line with its subtotal, the same grand total, the other groups open.
    await page.reload();
    await expect.poll(() => grandTotalText(page), WAIT).toBe(grand);
    await expect.poll(count, WAIT).toBe(all.length - leaves);
    const folded = (await gridLines(page)).find((l) => l.kind === 'group' && l.keys[0] === 'MINUSMA')!;
    expect(folded.values).toEqual(all[at].values);
    expect(await fold.getAttribute('aria-expanded')).toBe('false');

    // The keyboard: Tab from the controls into the grid's header, arrows along it to 2015, Enter sorts by 2015, largest first.
    const header2015 = `c${byMission.colKeys.indexOf('2015')}`;
    const focusedHeader = () => page.evaluate(() => document.activeElement?.closest('[data-testid="crosstab-grid"] .ag-header-cell')?.getAttribute('col-id') ?? null);
    await page.getByTestId('fold-all').focus();
    for (let i = 0; i < 20 && (await focusedHeader()) === null; i++) await page.keyboard.press('Tab');
    expect(await focusedHeader()).not.toBeNull();
    for (let i = 0; i < 10 && (await focusedHeader()) !== header2015; i++) await page.keyboard.press('ArrowRight');
    expect(await focusedHeader()).toBe(header2015);
    const ariaSort = (colId: string) => page.locator(`[data-testid="crosstab-grid"] .ag-header-cell[col-id="${colId}"]`).getAttribute('aria-sort');
    // Before: largest total first, and the headers say so.
    expect(await ariaSort('total')).toBe('descending');
    expect(await ariaSort(header2015)).toBe('none');
    const j = byMission.colKeys.indexOf('2015');
    const groupsBy2015 = async () => (await gridLines(page)).filter((l) => l.kind === 'group').map((l) => l.keys[0]);
    const expected = [...byMission.rows].sort((a, b) => b.cells[j]! - a.cells[j]! || a.key[0].localeCompare(b.key[0])).map((r) => r.key[0]);
    await page.keyboard.press('Enter');
    await expect.poll(groupsBy2015, WAIT).toEqual(expected);
    expect(await ariaSort(header2015)).toBe('descending');
    expect(await ariaSort('total')).toBe('none');
    // Each mission's 2015 as the engine counts it, largest first (a group's line shows its mission's number).
    const shown2015 = (await gridLines(page)).filter((l) => l.kind === 'group').map((l) => l.values[j] ?? 0);
    expect(shown2015).toEqual([...shown2015].sort((a, b) => b - a));
    // The same cycle as a click: Space (or Enter) again sorts smallest first, a third time back to the default.
    expect(await focusedHeader()).toBe(header2015);
    await page.keyboard.press(' ');
    await expect.poll(() => ariaSort(header2015), WAIT).toBe('ascending');
    await page.keyboard.press('Enter');
    await expect.poll(() => ariaSort('total'), WAIT).toBe('descending');
    expect(await ariaSort(header2015)).toBe('none');
    await page.keyboard.press('Enter');
    await expect.poll(() => ariaSort(header2015), WAIT).toBe('descending');
    // The fold stayed through the sorting.
    expect(await count()).toBe(all.length - leaves);

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (const lang of ['en', 'zh'] as const) {
      if (lang === 'zh') {
        await page.getByRole('button', { name: '中文' }).click();
        await expect.poll(() => page.getByTestId('view-title').textContent(), WAIT).toContain('按');
      }
      await page.screenshot({ path: path.join(SCREENSHOTS, `pivot-folded-${lang}.png`) });
    }
    await page.getByRole('button', { name: 'English' }).click();
    expect(consoleErrors).toEqual([]);
  });

  it('takes a share’s subtotal from the engine (a mission’s share of women), never the sum of its lines', async () => {
    onFailure();
    const spec: ViewSpecInput = { measure: 'female_share', rows: ['mission', 'personnel_type'], cols: 'year', from: '2021-01-01', to: '2024-12-31', where: { mission: ['MINUSMA', 'MONUSCO', 'UNMISS'] } };
    await page.goto(address(spec));
    const byMission = engine({ ...spec, rows: ['mission'] });
    await expect.poll(() => grandTotalText(page).then((t) => parseCell(t?.replace('%', '') ?? null)), WAIT).toBe(Math.round(byMission.grandTotal! * 10) / 10);
    const lines = await gridLines(page);
    for (const r of byMission.rows) {
      const i = lines.findIndex((l) => l.kind === 'group' && l.keys[0] === r.key[0]);
      // One decimal, as the catalogue formats a share.
      expect(lines[i].values).toEqual([...r.cells, r.total].map((v) => (v === null ? null : Math.round(v * 10) / 10)));
      const leaves = lines.slice(i + 1).filter((_, k, all) => all.slice(0, k + 1).every((l) => l.kind === 'leaf'));
      const summed = leaves.reduce((s, l) => s + (l.values.at(-1) ?? 0), 0);
      expect(Math.abs(summed - r.total!)).toBeGreaterThan(1);
    }
    expect(consoleErrors).toEqual([]);
  });

  it('shows % of row: every line sums to 100 % across the columns, and the copy carries the same shares', async () => {
    onFailure();
    await open(nested);
    await page.getByTestId('show-as').selectOption('pct_row');
    await expect.poll(async () => (await gridLines(page))[0]?.values.at(-1), WAIT).toBe(100);
    const lines = await gridLines(page);
    expect(lines.length).toBeGreaterThan(10);
    for (const l of lines) {
      if (l.values.at(-1) === null) continue;
      expect(l.values.at(-1)).toBe(100);
      const sum = l.values.slice(0, -1).reduce<number>((s, v) => s + (v ?? 0), 0);
      // Each share is written with one decimal: five columns round by at most 0.25 together.
      expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.25);
    }
    // Undo and redo step through the way of showing values, as through any change of the view.
    await page.getByTestId('undo').click();
    await expect.poll(() => page.getByTestId('show-as').inputValue(), WAIT).toBe('value');
    await page.getByTestId('redo').click();
    await expect.poll(async () => (await gridLines(page))[0]?.values.at(-1), WAIT).toBe(100);
    // The view keeps the way of showing values in its address: a reload shows the shares again.
    await page.reload();
    await expect.poll(async () => (await gridLines(page))[0]?.values.at(-1), WAIT).toBe(100);
    expect(await page.getByTestId('show-as').inputValue()).toBe('pct_row');

    // The workbook says how its values are shown.
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await xlsx.path())!);
    expect(wb.worksheets[1].getSheetValues().flat().filter((v) => typeof v === 'string')).toEqual(expect.arrayContaining(['Values shown as', '% of row total']));
    expect(wb.worksheets[0].getRow(2).getCell(3).numFmt).toBe('#,##0.0"%"');

    // The CSV holds the exact shares: they sum to 100 per line.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n').slice(1).map((l) => l.split(','));
    expect(csv).toHaveLength(lines.length + 1);
    for (const l of csv) {
      const values = l.slice(2).map((v) => (v === '' ? null : Number(v)));
      if (values.at(-1) === null) continue;
      expect(values.slice(0, -1).reduce<number>((s, v) => s + (v ?? 0), 0)).toBeCloseTo(100, 9);
    }

    // (No button keeps the focus ring of the click above in the screenshots.)
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (const lang of ['en', 'zh'] as const) {
      if (lang === 'zh') {
        await page.getByRole('button', { name: '中文' }).click();
        await expect.poll(() => page.getByTestId('view-title').textContent(), WAIT).toContain('按');
      }
      await page.screenshot({ path: path.join(SCREENSHOTS, `pivot-subtotals-pct-row-${lang}.png`) });
    }
    await page.getByRole('button', { name: 'English' }).click();
    expect(consoleErrors).toEqual([]);
  });

  it('keeps the 5 largest missions with “Other” bringing the lines back to the engine’s total', async () => {
    onFailure();
    const spec: ViewSpecInput = { measure: 'fatalities', rows: ['mission'], cols: 'year', from: '2010-01-01', to: '2019-12-31' };
    await open(spec, { ...DEFAULT_PIVOT_OPTIONS, top: 5 });
    const expected = engine(spec);
    const largest = [...expected.rows].sort((a, b) => b.total! - a.total!).slice(0, 5);
    const lines = await gridLines(page);
    expect(lines.map((l) => l.keys[0])).toEqual([...largest.map((r) => r.key[0]), `Other (${expected.rows.length - 5})`]);
    expect(lines.at(-1)!.kind).toBe('other');
    // Per column and in total, the six lines add up to the engine's totals.
    [...expected.colTotals, expected.grandTotal].forEach((total, j) => expect(lines.reduce((s, l) => s + (l.values[j] ?? 0), 0)).toBe(total));
    expect(lines.at(-1)!.values.at(-1)).toBe(expected.grandTotal! - largest.reduce((s, r) => s + r.total!, 0));

    // Difference from a base year: each cell minus the same line's 2015, as the engine's numbers give it.
    await page.getByTestId('show-as').selectOption('diff');
    await page.getByTestId('show-as-base').selectOption('2015');
    const minusma = expected.rows.find((r) => r.key[0] === 'MINUSMA')!;
    const y = (k: string) => minusma.cells[expected.colKeys.indexOf(k)]!;
    await expect.poll(() => cellText(page, 'MINUSMA', '2019'), WAIT).toBe(`${y('2019') - y('2015') > 0 ? '+' : ''}${y('2019') - y('2015')}`);
    expect((await cellText(page, 'MINUSMA', '2015'))?.trim()).toBe('—');
    await page.getByTestId('show-as').selectOption('value');

    // Heat colours on demand: the largest cell darkest, blanks and totals uncoloured.
    const heat = () => page.locator('[data-testid="crosstab-grid"] .bh-heat').count();
    expect(await heat()).toBe(0);
    await page.getByTestId('heat').check();
    await expect.poll(heat, WAIT).toBeGreaterThan(20);
    const darkest = await page.locator('[data-testid="crosstab-grid"] .bh-heat-5').allTextContents();
    const largestCell = Math.max(...lines.flatMap((l) => l.values.slice(0, -1).map((v) => v ?? 0)));
    expect(darkest.map((x) => Number(x.replace(/,/g, '')))).toContain(largestCell);
    expect(await page.locator('[data-testid="crosstab-grid"] .bh-heat.bh-blank, [data-testid="crosstab-grid"] [col-id="total"].bh-heat').count()).toBe(0);

    // Printing gives the title, the filters and the table, not the app around them.
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.bh-header', '.bh-side', '.bh-tabs', '[data-testid="pivot-controls"]']) expect(await page.locator(hidden).isVisible()).toBe(false);
    expect(await page.getByTestId('view-title').isVisible()).toBe(true);
    // The Print button: when the browser lays the page out for print, every line is in it as a plain table, shown
    // instead of the grid (whose scrolling viewport would print only the lines in view).
    await page.evaluate(() => {
      new MutationObserver(() => {
        const table = document.querySelector('[data-testid="print-table"]');
        if (table) document.body.dataset.printed = JSON.stringify({ lines: table.querySelectorAll('tbody tr').length, shown: getComputedStyle(table).display, grid: getComputedStyle(document.querySelector('[data-testid="crosstab-grid"]')!).display });
      }).observe(document.body, { childList: true, subtree: true });
    });
    // (Hidden in print, the button is clicked by its event.)
    await page.getByTestId('print-table-button').dispatchEvent('click');
    await expect.poll(() => page.evaluate(() => document.body.dataset.printed ?? null), WAIT).toBe(JSON.stringify({ lines: 6, shown: 'table', grid: 'none' }));
    await page.emulateMedia({ media: 'screen' });
    expect(consoleErrors).toEqual([]);
  });

  it('sorts by a column’s header, tells a mission not yet deployed from 0, and keeps the Total in view with many columns', async () => {
    onFailure();
    const spec: ViewSpecInput = { measure: 'fatalities', rows: ['mission'], cols: 'year' };
    await open(spec);
    const expected = engine(spec);
    await page.locator('[data-testid="crosstab-grid"] .ag-header-cell[col-id="c0"]').click();
    const first = expected.colKeys[0];
    const j = 0;
    await expect.poll(async () => (await gridLines(page))[0]?.values[j], WAIT).toBe(Math.max(...expected.rows.map((r) => r.cells[j] ?? 0)));
    expect(await page.locator(`[data-testid="crosstab-grid"] .ag-header-cell[col-id="c0"]`).getAttribute('class')).toContain('bh-sorted-desc');
    expect(first).toBeTruthy();

    // MINUSMA was established in 2013: its 2012 is blank, with the reason on hover; a real 0 stays 0.
    const selector = `[data-testid="crosstab-grid"] .ag-row:not(.ag-row-pinned) .ag-cell[col-id="c${expected.colKeys.indexOf('2012')}"]`;
    const minusma2012 = await cellText(page, 'MINUSMA', '2012');
    expect(minusma2012?.trim()).toBe('—');
    const titles = await page.locator(selector).evaluateAll((cells) => cells.map((c) => c.getAttribute('title')));
    expect(titles).toContain('no data: mission not deployed in this period');

    // The right-pinned Total column is whole inside the grid at 1366×768, in both languages, also beside the source rows.
    const totalInside = async () => {
      const grid = (await page.getByTestId('crosstab-grid').boundingBox())!;
      for (const selector of ['.ag-header-cell[col-id="total"]', '.ag-row-pinned [col-id="total"]']) {
        const box = (await page.locator(`[data-testid="crosstab-grid"] ${selector}`).boundingBox())!;
        expect(box.width).toBeGreaterThan(40);
        expect(box.x).toBeGreaterThanOrEqual(grid.x);
        expect(box.x + box.width).toBeLessThanOrEqual(Math.min(grid.x + grid.width, 1366));
      }
    };
    await totalInside();
    // Wider than the grid: the Total is pinned at the right, in view while the years scroll.
    expect(await totalPinned(page)).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'pivot-many-columns-en.png') });
    await page.getByRole('button', { name: '中文' }).click();
    await page.locator('[data-testid="crosstab-grid"] .ag-row-pinned [col-id="total"]').click();
    await page.getByTestId('source-rows-panel').waitFor(WAIT);
    await totalInside();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'pivot-many-columns-source-rows-zh.png') });
    await page.getByRole('button', { name: 'English' }).click();
    expect(consoleErrors).toEqual([]);
  });
});
