import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { serve, type Server } from '../../electron/server/serve';
import { FATALITIES_CSV, REPO, realWorkspace, writeTemp } from '../helpers';
import { SCREENSHOTS, assertRendererBuilt, cellText, failureShot, hasBrowser, launchChromium, openPage, parseCell, setRows } from './ui';

// The Chinese UI on the real UN files, read as a Chinese-speaking analyst reads it: the page's own text
// (quotes kept in English are marked lang="en" and left out) holds no English word and none of the terms
// the UN's Chinese documents do not use. The unit test walks the strings; this one walks what is drawn.

const FAILURE_SHOT = failureShot('chinese');
const WAIT = { timeout: 20_000 };

const missions = JSON.parse(fs.readFileSync(path.join(REPO, 'data', 'reference', 'missions.json'), 'utf8')) as { acronym: string }[];
// File formats are named as such in Chinese too (CSV, XLSX; PNG, SVG for the chart beside the cross-tab).
const ALLOWED = new Set(['Bluehelm', 'CSV', 'UTF-8', 'Latin-1', 'Windows-1252', 'XLSX', 'PNG', 'SVG', 'ACLED', 'M49', 'SHA-256', 'Statista', 'English', ...missions.map((m) => m.acronym)]);
// A byte written in hex (0xF4) when a file is refused: the regex below reads it as "xF4".
const ALLOWED_SHAPES = [/^x[0-9A-F]{2}$/, /^[\w-]+\.(csv|json)$/i, /^[AS]\/\d+(\/\w+)*$/, /^[0-9a-f]{6,64}$/];
const FORBIDDEN = ['拒收', '规格', '单独警察', '人员属性', '自残', '兵力', '联合国数据中心', '（', '）'];

/** The words of the page a Chinese reader is shown, without the parts deliberately kept in English (lang="en"). */
async function chineseText(page: Page, selector: string): Promise<string> {
  // innerText of the live element, so only rendered text counts; the English parts are hidden for the reading.
  return page.locator(selector).evaluate((el: HTMLElement) => {
    const english = [...el.querySelectorAll<HTMLElement>('[lang="en"]')];
    const before = english.map((n) => n.style.display);
    english.forEach((n) => (n.style.display = 'none'));
    const text = el.innerText;
    english.forEach((n, i) => (n.style.display = before[i]));
    return text;
  });
}

function offences(text: string): string[] {
  const latin = (text.match(/[A-Za-z]\w*(?:[-./]\w+)*/g) ?? []).filter((w) => !ALLOWED.has(w) && !ALLOWED_SHAPES.some((re) => re.test(w)));
  return [...new Set([...latin, ...FORBIDDEN.filter((t) => text.includes(t))])];
}

describe.skipIf(!hasBrowser)('the Chinese UI on the real UN files (serve mode + Chromium, 1366×768)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  let failedRequests: string[];

  beforeAll(async () => {
    assertRendererBuilt();
    const { dataDir, dbPath } = await realWorkspace('bluehelm-zh-');
    server = await serve({ dbPath, dataDir, port: 0 });
    browser = await launchChromium();
    ({ page, consoleErrors, failedRequests } = await openPage(browser));
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows deployments by personnel type, the published figures and the datasets in the UN’s Chinese terms only', async () => {
    onTestFailed(async () => {
      await page.screenshot({ path: FAILURE_SHOT, fullPage: true });
      console.warn(`screenshot of the failure: ${FAILURE_SHOT}\nconsole errors: ${JSON.stringify(consoleErrors)}`);
    });
    await page.goto(server.url);
    await page.getByTestId('crosstab-grid').waitFor();
    await page.getByTestId('lang-switch').getByRole('button', { name: '中文' }).click();

    // Average deployed strength by personnel type and year, 2021 on: 单派警察 as the UN writes it.
    await page.getByTestId('measure-select').selectOption('deployed');
    await page.getByTestId('date-from').fill('2021-01-01');
    await page.getByTestId('date-to').fill('2024-12-31');
    await setRows(page, ['personnel_type']);
    await page.getByTestId('cols-select').selectOption('year');
    await expect.poll(() => page.getByTestId('view-title').textContent(), WAIT).toContain('部署人数(月均)：按人员类别 × 年份');
    await expect.poll(() => page.getByTestId('crosstab-grid').textContent(), WAIT).toContain('单派警察');
    expect(parseCell(await cellText(page, '单派警察', '2022'))).toBeGreaterThan(1000);
    expect(await page.getByTestId('grid-notes').textContent()).toContain('SHA-256校验值');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'crosstab-personnel-types-zh.png') });
    expect(offences(await chineseText(page, '.bh-workbench'))).toEqual([]);

    // Quarters read as UN Chinese text writes dates, in the grid's headers as in its filters.
    await page.getByTestId('cols-select').selectOption('quarter');
    const headers = () => page.getByTestId('crosstab-grid').locator('.ag-header-cell').allTextContents();
    await expect.poll(async () => (await headers()).map((h) => h.trim()), WAIT).toContain('2022年第3季度');
    expect(await page.getByTestId('crosstab-grid').textContent()).not.toContain('-Q');

    // The published figures that differ: locators, reasons and guesses in Chinese; English quotes marked as such.
    await page.getByTestId('tab-published').click();
    await page.getByTestId('status-filter-differs').click();
    const pakistan = page.locator('[data-testid="figure-row"][data-figure-id="wg-pko-2021-p26-pakistan-decade"]');
    await expect.poll(() => pakistan.textContent(), WAIT).toContain('推测(未经证实)：会员国发言的范围与数据不符');
    expect(await pakistan.textContent()).toContain('附件第26段');
    const santosCruz = page.locator('[data-testid="figure-row"][data-figure-id="santos-cruz-2017-malicious-since-1948"]');
    expect(await santosCruz.textContent()).toContain('英文原文');
    expect(await santosCruz.getByTestId('figure-translation').textContent()).toBe('自1948年以来，已有3500多名人员在联合国和平行动中殉职，其中943人死于暴力行为。');
    expect(await santosCruz.textContent()).toContain('Bluehelm译文，并非联合国文本');
    expect(await santosCruz.textContent()).toContain('卡洛斯·阿尔贝托·多斯桑托斯·克鲁斯关于改善联合国维和人员安全的报告');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'published-figures-differs-zh.png') });
    expect(offences(await chineseText(page, '[data-testid="published-figures"]'))).toEqual([]);

    // A quote that is Statista's sentence says so.
    await page.getByTestId('status-filter-all').click();
    const ranking = page.locator('[data-testid="figure-row"][data-figure-id="dpo-ranking-2021-03-bgd"]');
    expect(await ranking.getByTestId('figure-quoted-by').textContent()).toBe('转引自Statista的句子，并非联合国原文');
    expect(await ranking.textContent()).toContain('排名表');
    await page.locator('[data-testid="figure-row"][data-figure-id="santos-cruz-2017-malicious-since-1948"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'published-figures-english-quotes-zh.png') });
    expect(offences(await chineseText(page, '[data-testid="published-figures"]'))).toEqual([]);

    // The imported data files: 军警派遣数据, 未导入行数 (not 拒收), the checksum named in Chinese.
    await page.getByTestId('tab-datasets').click();
    const datasets = page.getByTestId('datasets-list');
    await expect.poll(() => datasets.textContent(), WAIT).toContain('军警派遣数据');
    expect(await datasets.locator('th').allTextContents()).toEqual(['数据文件', '类型', '行数', '未导入行数', '导入时间', 'SHA-256校验值', '', '']);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'datasets-zh.png') });
    expect(offences(await chineseText(page, '.bh-workbench'))).toEqual([]);

    // Rows not imported: the reasons are worded in Chinese from their stored codes (importing the file again
    // changes nothing and shows the same six rows). The casualty ids and column names are the file's own words.
    await page.getByTestId('import-input').setInputFiles(FATALITIES_CSV);
    const rejects = page.locator('.bh-rejects');
    await expect.poll(() => rejects.textContent(), WAIT).toContain('保留第1900行');
    expect(await rejects.textContent()).toContain('与第1900行的UNMIK-2003-05-03589相同(再次列出，但casualty_nationality、m49_code、isocode3不同)；保留第1900行：2003-05-05时塞尔维亚和黑山已存在，黑山自2006-06-03起才存在');
    const filesOwnWords = /UNMIK-[\d-]+|casualty_nationality|m49_code|isocode3/g;
    expect(offences((await chineseText(page, '.bh-rejects')).replace(filesOwnWords, ''))).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'import-rejects-zh.png') });

    // A refused file is worded in Chinese too, from the core's code: here a Latin-1 file.
    const latin1 = writeTemp('latin1.csv', '');
    fs.writeFileSync(
      latin1,
      Buffer.concat([
        Buffer.from('Incident_Date,Mission_Acronym,Casualty_ID,Type_Of_Casualty,Gender,Casualty_Nationality,Casualty_Personnel_Type,Type_Of_Incident,M49_Code,ISOCode3\n'),
        Buffer.from("2018-02-28,MINUSMA,L-1,Fatality,M,C\xf4te d'Ivoire,Military,Malicious Act,384.0,CIV\n", 'latin1'),
      ]),
    );
    await page.getByTestId('import-input').setInputFiles(latin1);
    const refusal = page.getByTestId('refusal');
    await expect.poll(() => refusal.textContent(), WAIT).toContain('不是UTF-8编码；此数据文件看似Latin-1或Windows-1252编码：请另存为UTF-8编码后重新导入。');
    expect(await refusal.textContent()).toContain('latin1.csv，第 2 行，文件内容');
    expect(offences(await chineseText(page, '[data-testid="import-refused"]'))).toEqual([]);

    expect(consoleErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });
});
