import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Workspace } from '../../electron/core/workspace';
import { serve, type Server } from '../../electron/server/serve';
import { CONTRIBUTIONS_OPENDATA, FATALITIES_CSV, realWorkspace, writeTemp } from '../helpers';
import { GRAND_TOTAL, SCREENSHOTS, assertRendererBuilt, cellSelector, cellText, failureShot, grandTotalText, hasBrowser, launchChromium, parseCell, setRows } from './ui';

// The Datasets tab and the small things around it, in Chromium at 1366×768 on the three real UN files:
// a file removed after a confirmation (the grid's total becomes the core's), measures without data
// greyed with the file they need, a refused file told the columns it lacks, and the source rows
// saved as a CSV file that holds what the panel shows.

const FAILURE_SHOT = failureShot('datasets');
const WAIT = { timeout: 20_000 };

/** RFC 4180 as sourceRowsCsv writes it (quoted fields may hold commas and doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '')) {
    const fields: string[] = [];
    let i = 0;
    while (i <= line.length) {
      if (line[i] === '"') {
        let v = '';
        i++;
        while (i < line.length) {
          if (line[i] === '"' && line[i + 1] === '"') (v += '"'), (i += 2);
          else if (line[i] === '"') break;
          else v += line[i++];
        }
        fields.push(v);
        i += 2;
      } else {
        const end = line.indexOf(',', i);
        fields.push(line.slice(i, end === -1 ? line.length : end));
        i = end === -1 ? line.length + 1 : end + 1;
      }
    }
    rows.push(fields);
  }
  return rows;
}

describe.skipIf(!hasBrowser)('the Datasets tab and what surrounds it', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let dbPath: string;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    assertRendererBuilt();
    const made = await realWorkspace('h5-datasets-');
    dbPath = made.dbPath;
    server = await serve({ dbPath, dataDir: made.dataDir, port: 0 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.goto(server.url);
    await page.getByTestId('crosstab-grid').waitFor(WAIT);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const core = <T,>(use: (ws: Workspace) => T): T => {
    const ws = new Workspace(dbPath, { create: false });
    try {
      return use(ws);
    } finally {
      ws.close();
    }
  };
  const lang = (name: 'English' | '中文') => page.getByTestId('lang-switch').getByRole('button', { name }).click();

  it('greys the six IED measures, not selectable, each saying which file it needs, in English and Chinese', async () => {
    onTestFailed(() => page.screenshot({ path: FAILURE_SHOT, fullPage: true }).then(() => undefined));
    const greyed = page.getByTestId('measures-without-data').locator('option');
    await expect.poll(() => greyed.count(), WAIT).toBe(6);
    const options = await greyed.evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, disabled: (o as HTMLOptionElement).disabled, title: o.getAttribute('title'), color: getComputedStyle(o).color })));
    // The reason heads the group (a native list shows no tooltip on a disabled entry) and is each entry's title.
    expect(await page.getByTestId('measures-without-data').getAttribute('label')).toBe('No IED incident file imported');
    const ink = await page.locator('[data-testid="measure-select"] > option').first().evaluate((o) => getComputedStyle(o).color);
    const lightness = (rgb: string) => rgb.match(/\d+/g)!.slice(0, 3).reduce((n, v) => n + Number(v), 0);
    expect(options.map((o) => o.value)).toEqual(['ied_incidents', 'ied_killed', 'ied_injured', 'ied_peacekeepers_killed', 'ied_peacekeeper_casualties', 'ied_cleared_share']);
    for (const o of options) {
      expect(o.disabled).toBe(true);
      expect(o.title).toBe('No IED incident file imported');
      expect(lightness(o.color)).toBeGreaterThan(lightness(ink) + 200);
    }
    // The measures the workspace has data for stay as they were.
    const usable = await page.locator('[data-testid="measure-select"] > option').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, (o as HTMLOptionElement).disabled]));
    expect(usable).toEqual([['fatalities', false], ['deployed', false], ['person_months', false], ['female_share', false], ['missions', false], ['fatality_rate', false]]);
    expect(await page.getByTestId('measures-no-data-note').textContent()).toBe('Greyed: 6 measures need a file this workspace does not hold (IED incident). Import it to use them.');

    // Headless Chromium draws no native drop-down: the screenshot lays the same options out as a list
    // box as wide as its entries, over the page as the drop-down would be.
    const shot = async (name: string) => {
      await page.getByTestId('measure-select').evaluate((s) => {
        Object.assign((s as HTMLSelectElement).style, { width: 'max-content', position: 'relative', zIndex: '10' });
        (s as HTMLSelectElement).size = 14;
        (s.closest('.bh-side') as HTMLElement).style.overflow = 'visible';
      });
      await page.screenshot({ path: path.join(SCREENSHOTS, name) });
      await page.getByTestId('measure-select').evaluate((s) => {
        s.removeAttribute('style');
        (s as HTMLSelectElement).size = 0;
        (s.closest('.bh-side') as HTMLElement).style.overflow = '';
      });
    };
    await shot('measures-no-data-en.png');
    await lang('中文');
    await expect.poll(() => page.getByTestId('measures-without-data').getAttribute('label')).toBe('未导入简易爆炸装置事件数据文件');
    expect(await greyed.first().textContent()).toBe('简易爆炸装置事件数');
    await shot('measures-no-data-zh.png');
    await lang('English');
  });

  it('exports the source rows panel as a CSV file holding exactly what it shows, and the panel widens by its handle', async () => {
    onTestFailed(() => page.screenshot({ path: FAILURE_SHOT, fullPage: true }).then(() => undefined));
    await page.getByTestId('measure-select').selectOption('fatalities');
    await setRows(page, ['mission']);
    await page.getByTestId('cols-select').selectOption('year');
    await expect.poll(() => cellSelector(page, 'MINUSMA', '2018'), WAIT).not.toBeNull();
    await page.locator((await cellSelector(page, 'MINUSMA', '2018'))!).click();
    const panel = page.getByTestId('source-rows-panel');
    await expect.poll(() => panel.getByTestId('source-row').count(), WAIT).toBeGreaterThan(0);

    // The panel takes the width its columns need, as far as the grid allows: the grid keeps 320 px, or what its
    // pinned columns (missions, Total) and one year between them need. At 1366 px the eight fatalities columns
    // need more, so the grid keeps just its share (file:line stays pinned in sight), its Total pinned and whole…
    const fits = () => panel.locator('.bh-source-scroll').evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
    const row = () => panel.evaluate((el) => el.parentElement!.getBoundingClientRect().width);
    const width = async () => Math.round((await panel.boundingBox())!.width);
    const gridShare = () =>
      page.getByTestId('crosstab-grid').evaluate((el) => parseFloat(getComputedStyle(el).getPropertyValue('--bh-grid-keeps')) + parseFloat(getComputedStyle(el.parentElement!).columnGap));
    const share = Math.max(320, Math.round(await gridShare()));
    await expect.poll(async () => Math.round((await row()) - (await width())), WAIT).toBe(share);
    const grid = (await page.getByTestId('crosstab-grid').boundingBox())!;
    const totalHeader = page.locator('[data-testid="crosstab-grid"] .ag-header-cell[col-id="total"]');
    expect(await totalHeader.evaluate((h) => h.closest('[class*="pinned-right"]') !== null)).toBe(true);
    const total = (await totalHeader.boundingBox())!;
    expect(total.x + total.width).toBeLessThanOrEqual(grid.x + grid.width);
    // …and on a 1920 px screen every column is in sight.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.locator((await cellSelector(page, 'MINUSMA', '2018'))!).click();
    await expect.poll(fits, WAIT).toBe(true);
    expect(await width()).toBeLessThan((await row()) - 320);
    await page.setViewportSize({ width: 1366, height: 768 });

    // The left edge drags narrower (or wider, up to the grid's share); the arrow keys move it too. The panel
    // first settles at its width for the smaller window (the grid's needs are measured again after a resize).
    await expect
      .poll(async () => {
        const a = await width();
        await page.waitForTimeout(150);
        return a === (await width());
      }, WAIT)
      .toBe(true);
    const before = await width();
    const handle = (await page.getByTestId('source-rows-resize').boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 2 + 200, handle.y + handle.height / 2, { steps: 4 });
    await page.mouse.up();
    await expect.poll(width).toBe(before - 200);
    await page.getByTestId('source-rows-resize').focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(width).toBe(before - 160);

    const shown = [
      await panel.locator('thead th').allTextContents(),
      ...(await panel.getByTestId('source-row').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')))),
    ];
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('source-rows-csv').click()]);
    expect(download.suggestedFilename()).toBe('source-rows-rows.csv');
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    // A blank in the file is the screen's dash; everything else is character for character what is shown.
    expect(parseCsv(csv)).toEqual(shown.map((row) => row.map((v) => (v === '—' ? '' : v))));
    const table = core((ws) => ws.crossTab({ measure: 'fatalities', rows: ['mission'], cols: 'year' }));
    expect(shown.length - 1).toBe(table.rows.find((r) => r.key[0] === 'MINUSMA')!.cells[table.colKeys.indexOf('2018')]);
    expect(shown[1].at(-1)).toMatch(/^DPPADPOSS-FATALITIES\.csv:\d+$/);
    await panel.getByTestId('source-rows-close').click();
  });

  it('tells a refused file the columns of the nearest layout and the missing ones, in English and Chinese, the grid still in sight', async () => {
    onTestFailed(() => page.screenshot({ path: FAILURE_SHOT, fullPage: true }).then(() => undefined));
    const notes = writeTemp('mission-notes.csv', 'incident_date,mission_acronym,casualty_nationality,remarks\n2020-01-01,MINUSMA,Chad,x\n');
    await page.getByTestId('import-input').setInputFiles(notes);
    const refused = page.getByTestId('import-refused');
    await refused.waitFor(WAIT);
    expect(await refused.getByTestId('refusal').getAttribute('data-code')).toBe('unknown_layout');
    expect(await refused.locator('.bh-refusal-where').textContent()).toBe('mission-notes.csv, line 1, header');
    expect(await refused.textContent()).toContain('The nearest file it knows is the UN fatalities file (Peace and Security Data Hub)');
    expect(await refused.getByTestId('expected-column').allTextContents()).toEqual(['incident_date', 'casualty_id', 'mission_acronym', 'type_of_incident', 'casualty_personnel_type']);
    expect(await refused.getByTestId('missing-column').allTextContents()).toEqual(['casualty_id', 'type_of_incident', 'casualty_personnel_type']);
    expect(await refused.textContent()).not.toMatch(/un-fatalities|un-contributions|bluehelm-ied-template/);

    // The report is a notice above the grid: the grid keeps most of the screen while it is open.
    const grid = (await page.getByTestId('crosstab-grid').boundingBox())!;
    const notice = (await page.getByTestId('import-result').boundingBox())!;
    expect(notice.y + notice.height).toBeLessThanOrEqual(grid.y);
    // The grid and its chart (below it for a table with columns) keep most of the screen.
    const figures = (await page.locator('.bh-crosstab-figures').boundingBox())!;
    expect(figures.height).toBeGreaterThan(300);
    expect(grid.height).toBeGreaterThan(150);
    expect(grid.y + grid.height).toBeLessThanOrEqual(768);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'import-refused-columns-en.png') });

    await lang('中文');
    await expect.poll(() => refused.locator('.bh-refusal-where').textContent()).toBe('mission-notes.csv，第 1 行，表头');
    expect(await refused.textContent()).toContain('Bluehelm 无法读取此数据文件。最接近的已知数据文件是联合国死亡数据文件(联合国和平与安全数据中心)');
    expect(await refused.textContent()).toContain('缺少的列');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'import-refused-columns-zh.png') });
    await lang('English');
    await page.getByTestId('import-result').getByRole('button', { name: 'Close' }).click();
  });

  it('removes a file after a confirmation, and the cross-tab total becomes the core’s answer', async () => {
    onTestFailed(() => page.screenshot({ path: FAILURE_SHOT, fullPage: true }).then(() => undefined));
    const spec = { measure: 'person_months', rows: ['year'] } as const;
    await page.getByTestId('measure-select').selectOption('person_months');
    await setRows(page, ['year']);
    await page.getByTestId('cols-select').selectOption('');
    const expectedBefore = core((ws) => ws.crossTab(spec).grandTotal);
    await expect.poll(async () => parseCell(await grandTotalText(page)), WAIT).toBe(expectedBefore);

    await page.getByTestId('tab-datasets').click();
    const rows = page.getByTestId('dataset-row');
    await expect.poll(() => rows.count()).toBe(3);
    const opendata = rows.filter({ hasText: 'contributions_2009-2014_opendata-layout.csv' });
    const held = core((ws) => ws.db.prepare(`SELECT COUNT(*) FROM deployment WHERE dataset_id = (SELECT id FROM dataset WHERE file_name = ?)`).pluck().get('contributions_2009-2014_opendata-layout.csv') as number);

    // Cancel changes nothing.
    await opendata.getByTestId('remove-dataset').click();
    const dialog = page.getByTestId('remove-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('h3').textContent()).toBe('Remove contributions_2009-2014_opendata-layout.csv?');
    await dialog.getByTestId('remove-cancel').click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await rows.count()).toBe(3);

    await opendata.getByTestId('remove-dataset').click();
    await dialog.waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'datasets-remove-en.png') });
    await dialog.getByTestId('remove-confirm').click();
    const notice = page.getByTestId('removal-notice');
    await notice.waitFor(WAIT);
    expect(await notice.textContent()).toContain(`Removed contributions_2009-2014_opendata-layout.csv: ${held.toLocaleString('en-US')} rows taken out of the workspace.`);
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByTestId('tab-datasets').textContent()).toBe('Datasets (2)');
    const expectedAfter = core((ws) => ws.crossTab(spec).grandTotal);
    expect(expectedAfter).toBeLessThan(expectedBefore!);
    expect(core((ws) => ws.info().counts.deployments)).toBe(core((ws) => ws.db.prepare(`SELECT COUNT(*) FROM deployment`).pluck().get()));

    await page.getByTestId('tab-crossTab').click();
    await expect.poll(async () => parseCell(await grandTotalText(page)), WAIT).toBe(expectedAfter);
    expect(await page.locator(GRAND_TOTAL).isVisible()).toBe(true);

    // The Chinese screenshot: the same tab and dialog, on the next file.
    await lang('中文');
    await page.getByTestId('tab-datasets').click();
    await rows.filter({ hasText: 'DPPADPOSS-FATALITIES.csv' }).getByTestId('remove-dataset').click();
    await dialog.waitFor();
    expect(await dialog.locator('h3').textContent()).toBe('移除DPPADPOSS-FATALITIES.csv？');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'datasets-remove-zh.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await rows.count()).toBe(2);
    await lang('English');
  });

  it('replaces a file with a newer one all or nothing: a file of another kind is refused and the old stays; a newer edition takes its place', async () => {
    onTestFailed(() => page.screenshot({ path: FAILURE_SHOT, fullPage: true }).then(() => undefined));
    const spec = { measure: 'fatalities', rows: ['year'] } as const;
    const rows = page.getByTestId('dataset-row');
    const fatalities = () => rows.filter({ hasText: 'DPPADPOSS-FATALITIES' });
    const datasetsBefore = core((ws) => ws.datasets().map((d) => d.file_name));

    await fatalities().getByTestId('replace-input').setInputFiles(CONTRIBUTIONS_OPENDATA);
    const refused = page.getByTestId('import-refused');
    await refused.waitFor(WAIT);
    expect(await refused.getByTestId('refusal').getAttribute('data-code')).toBe('wrong_kind');
    expect(await refused.textContent()).toContain('This is the UN contributions file (open-data layout), but the file it replaces holds fatalities data');
    expect(await refused.textContent()).toContain('DPPADPOSS-FATALITIES.csv is kept as it was.');
    expect(core((ws) => ws.datasets().map((d) => d.file_name))).toEqual(datasetsBefore);
    await page.getByTestId('import-result').getByRole('button', { name: 'Close' }).click();

    // (The contributions file was removed above, so it is not already in the workspace.)
    // A newer edition: the same file without its first 20 casualties.
    const lines = fs.readFileSync(FATALITIES_CSV, 'utf8').split('\n');
    const newer = writeTemp('DPPADPOSS-FATALITIES-2026-01.csv', [lines[0], ...lines.slice(21)].join('\n'));
    const oldRows = core((ws) => ws.info().counts.fatalities);
    await fatalities().getByTestId('replace-input').setInputFiles(newer);
    const report = page.getByTestId('import-result');
    await report.waitFor(WAIT);
    await expect.poll(() => report.getByTestId('import-replaced').textContent(), WAIT).toBe(`DPPADPOSS-FATALITIES.csv removed (${oldRows.toLocaleString('en-US')} rows)`);
    await expect.poll(() => fatalities().locator('.bh-file').textContent()).toBe('DPPADPOSS-FATALITIES-2026-01.csv');
    expect(await rows.count()).toBe(datasetsBefore.length);
    const after = core((ws) => ({ total: ws.crossTab(spec).grandTotal, rows: ws.info().counts.fatalities, stored: ws.db.prepare(`SELECT COUNT(*) FROM fatality`).pluck().get() }));
    expect(after.rows).toBe(after.stored);
    expect(after.rows).toBeLessThan(oldRows);

    await page.getByTestId('tab-crossTab').click();
    await page.getByTestId('measure-select').selectOption('fatalities');
    await setRows(page, ['year']);
    await expect.poll(async () => parseCell(await grandTotalText(page)), WAIT).toBe(after.total);
    expect(consoleErrors).toEqual([]);
  });
  it('removes a later edition that changed rows, after a confirmation saying so, and the earlier file\'s version comes back on screen', async () => {
    onTestFailed(() => page.screenshot({ path: FAILURE_SHOT, fullPage: true }).then(() => undefined));
    const spec = { measure: 'fatalities', rows: ['incident_type'], cols: 'year' } as const;
    const accidents2010 = () => core((ws) => ws.crossTab(spec).rows.find((r) => r.key[0] === 'Accident')!.cells[ws.crossTab(spec).colKeys.indexOf('2010')]);
    const before = accidents2010();
    expect(before).toBeGreaterThan(0);
    await page.getByTestId('measure-select').selectOption('fatalities');
    await setRows(page, ['incident_type']);
    await page.getByTestId('cols-select').selectOption('year');
    await expect.poll(async () => parseCell(await cellText(page, 'Accident', '2010')), WAIT).toBe(before);

    // A revised edition of the file now in the workspace: every accident of 2010 recorded as an illness.
    const current = core((ws) => ws.datasets().find((d) => d.kind === 'fatalities')!.file_name);
    expect(current).toBe('DPPADPOSS-FATALITIES-2026-01.csv');
    const lines = fs.readFileSync(FATALITIES_CSV, 'utf8').split('\n');
    const revised = [lines[0], ...lines.slice(21)].map((l) => (/^\d+,2010-/.test(l) ? l.replace(',Accident,', ',Illness,') : l)).join('\n');
    await page.getByTestId('import-input').setInputFiles(writeTemp('DPPADPOSS-FATALITIES-2026-02.csv', revised));
    await page.getByTestId('import-result').waitFor(WAIT);
    await page.getByTestId('import-result').getByRole('button', { name: 'Close' }).click();
    await expect.poll(async () => parseCell(await cellText(page, 'Accident', '2010')), WAIT).toBe(0);
    const changed = core((ws) => ws.datasets().find((d) => d.file_name === 'DPPADPOSS-FATALITIES-2026-02.csv')!.updated);
    expect(changed).toBe(before);

    await page.getByTestId('tab-datasets').click();
    const revisedRow = page.getByTestId('dataset-row').filter({ hasText: 'DPPADPOSS-FATALITIES-2026-02.csv' });
    const dialog = page.getByTestId('remove-dialog');
    const open = async () => {
      await revisedRow.getByTestId('remove-dataset').click();
      await dialog.waitFor();
    };
    await open();
    expect(await dialog.getByTestId('remove-restores').textContent()).toBe(
      `This file changed ${changed} rows an earlier file had brought: each comes back as that file has it, traced to that file's lines.`,
    );
    expect(await dialog.getByTestId('remove-updated').count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'datasets-remove-restore-en.png') });
    await page.keyboard.press('Escape');
    await lang('中文');
    await open();
    expect(await dialog.getByTestId('remove-restores').textContent()).toBe(`此文件曾更改之前的数据文件带入的 ${changed} 行：这些行将恢复为之前文件中的版本，并可追溯到该文件的原始行。`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'datasets-remove-restore-zh.png') });
    await page.keyboard.press('Escape');
    await lang('English');

    await open();
    await dialog.getByTestId('remove-confirm').click();
    const notice = page.getByTestId('removal-notice');
    await expect.poll(() => notice.textContent(), WAIT).toContain(`Removed DPPADPOSS-FATALITIES-2026-02.csv: 0 rows taken out of the workspace; ${changed} rows are back as an earlier file has them.`);
    await page.getByTestId('tab-crossTab').click();
    await expect.poll(async () => parseCell(await cellText(page, 'Accident', '2010')), WAIT).toBe(before);
    expect(accidents2010()).toBe(before);
    expect(consoleErrors).toEqual([]);
  });
});
