import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import zh from '../../renderer/src/i18n/zh.json';
import { dimensionInfo, measureInfo, serviceLabel, valueLabel, type Dimension } from '../../shared/catalogue';
import { PHRASES } from '../../shared/present/phrases';
import { OUTCOME_LABEL } from '../../shared/present/mapOption';
import { PUBLISHER, SYNTHETIC_PUBLISHER } from '../../shared/present/provenance';
import { lookups, valueText } from '../../shared/present/labels';
import { explain, explanationSchema, publishedFigureSchema, type Explanation } from '../../shared/reconcile';
import { rejectFieldText, rejectText, type RejectCode, type RejectReason } from '../../shared/rejects';

// Every Chinese string the app can show, walked from where it is declared, so a term the UN does not use
// or an English word left in the Chinese UI fails here rather than in front of an analyst.

const root = path.resolve(__dirname, '../..');
const readJson = (...p: string[]) => JSON.parse(fs.readFileSync(path.join(root, ...p), 'utf8')) as unknown;

const missions = readJson('data', 'reference', 'missions.json') as { acronym: string; name_zh: string; short_zh: string }[];
const countries = readJson('data', 'reference', 'countries.json') as { iso3: string; name_zh: string }[];
const regions = readJson('data', 'reference', 'regions.json') as Record<string, string>;
const annotations = readJson('data', 'annotations.json') as { id: string; label: { zh: string } }[];
const figures = (readJson('data', 'published-figures.json') as unknown[]).map((f) => publishedFigureSchema.parse(f));
const ref = lookups({ missions: missions as never, countries: countries as never, regions });

/** Where a string comes from, so a failure names the key to fix. */
type Shown = [where: string, text: string];

function leaves(o: unknown, at: string): Shown[] {
  if (typeof o === 'string') return [[at, o]];
  return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => leaves(v, `${at}.${k}`));
}

/** One of each explanation code, with facts shaped as the reconciler fills them in; figure notes come from the figures. */
const EXPLANATIONS: Explanation[] = [
  { code: 'no_dataset', subject: 'fatalities' },
  { code: 'no_dataset', subject: 'deployments' },
  { code: 'no_dataset', subject: 'ied' },
  { code: 'no_deployment_report', from: '2017-01-01', to: '2017-12-31', covered: '2009-11..2014-02, 2021-02..2025-07' },
  { code: 'some_deployment_months', have: 11, wanted: 12, from: '2022-01-01', to: '2022-12-31' },
  { code: 'data_ends_before', subject: 'fatalities', end: '2018-12-31', date: '2019-01-01' },
  { code: 'data_ends_within', subject: 'fatalities', end: '2025-02-18', date: '2025-12-31' },
  { code: 'ied_period_outside', min: '2013-01-01', max: '2023-12-31', from: '2010-01-01', to: '2010-12-31' },
  { code: 'blank' },
  { code: 'dataset_updated_after', lastUpdate: '2025-04-04', documentDate: '2019' },
  { code: 'synthetic' },
  { code: 'synthetic_match' },
  { code: 'unknown' },
  ...figures.flatMap((f): Explanation[] =>
    f.likely_reason ? [{ code: 'figure_note', text: f.likely_reason, text_zh: f.likely_reason_zh!, guess: f.likely_reason_is_guess ?? false }] : [],
  ),
];

/**
 * One of each reason a row is not imported, with facts shaped as the importer fills them in (the type makes
 * a new code a compile error here until it is added). Values read from a file are the file's words, so
 * they are given as digits: what is checked is the wording around them.
 */
const REJECTS: { [C in Exclude<RejectCode, 'recorded_text'>]: Extract<RejectReason, { code: C }> } = {
  field_count: { code: 'field_count', found: 4, expected: 12 },
  duplicate: {
    code: 'duplicate',
    key: '2003-05-03589',
    other: 1900,
    differs: [],
    why: { kept: { en: 'Serbia and Montenegro', zh: '塞尔维亚和黑山' }, dropped: { en: 'Montenegro', zh: '黑山' }, date: '2003-05-05', from: '2006-06-03' },
  },
  empty: { code: 'empty' },
  date_empty: { code: 'date_empty' },
  not_date: { code: 'not_date', value: '2018-02-30' },
  future_date: { code: 'future_date', value: '2099-01-01', today: '2026-12-03' },
  after_last_update: { code: 'after_last_update', value: '2025-06-01', lastUpdate: '2025-04-04' },
  too_long: { code: 'too_long', length: 1048576, max: 200 },
  not_one_of: { code: 'not_one_of', value: '7', allowed: ['1', '2'] },
  not_count: { code: 'not_count', value: '-1' },
  count_too_large: { code: 'count_too_large', value: '9007199254740993', max: 2147483647 },
  not_m49: { code: 'not_m49', value: '1234' },
  not_iso3: { code: 'not_iso3', value: '12' },
  not_coordinate: { code: 'not_coordinate', value: '91', axis: 'latitude' },
  unknown_country: { code: 'unknown_country', value: '0' },
  no_country_code: { code: 'no_country_code', name: '0' },
  not_gender: { code: 'not_gender', value: '9' },
  not_fatality: { code: 'not_fatality', value: '0' },
};
const REJECT_TEXTS: Shown[] = [
  ...Object.values(REJECTS).map((r): Shown => [`rejectText(${r.code})`, rejectText(r, 'zh', 1899)]),
  ['rejectText(duplicate, differs)', rejectText({ ...REJECTS.duplicate, differs: ['1', '2'], why: undefined }, 'zh', 1902)],
  ['rejectText(not_coordinate, longitude)', rejectText({ ...REJECTS.not_coordinate, axis: 'longitude' }, 'zh')],
  ['rejectFieldText((row))', rejectFieldText('(row)', 'zh').text],
  ['rejectFieldText(key)', rejectFieldText('key', 'zh').text],
];

/** A key of each time dimension as the query layer writes it; their labels are what the grid and the chart axis show. */
const TIME_KEYS: Partial<Record<Dimension, string>> = { year: '2018', quarter: '2018-Q3', month: '2018-07' };

const isChinese = (s: string) => /[\u3400-\u9fff]/.test(s);

const SHOWN: Shown[] = [
  ...leaves(zh, 'zh.json'),
  ...Object.entries(dimensionInfo).flatMap(([d, i]): Shown[] => [
    [`dimensionInfo.${d}.label`, i.label.zh],
    [`dimensionInfo.${d}.help`, i.help.zh],
  ]),
  ...Object.entries(measureInfo).flatMap(([m, i]): Shown[] => [
    [`measureInfo.${m}.label`, i.label.zh],
    [`measureInfo.${m}.help`, i.help.zh],
  ]),
  ...Object.entries(serviceLabel).map(([k, l]): Shown => [`serviceLabel.${k}`, l.zh]),
  ...Object.entries(valueLabel).map(([k, l]): Shown => [`valueLabel.${k}`, l.zh]),
  ...Object.entries(PHRASES).map(([k, p]): Shown => [`PHRASES.${k}`, p.zh]),
  ...Object.entries(OUTCOME_LABEL).map(([k, l]): Shown => [`OUTCOME_LABEL.${k}`, l.zh]),
  ...Object.entries(PUBLISHER).map(([k, p]): Shown => [`PUBLISHER.${k}`, p.zh]),
  ['SYNTHETIC_PUBLISHER', SYNTHETIC_PUBLISHER.zh],
  ...missions.flatMap((m): Shown[] => [
    [`missions.${m.acronym}.name_zh`, m.name_zh],
    [`missions.${m.acronym}.short_zh`, m.short_zh],
    [`valueText(mission, ${m.acronym})`, valueText('mission', m.acronym, 'zh', ref).text],
  ]),
  ...countries.map((c): Shown => [`countries.${c.iso3}.name_zh`, c.name_zh]),
  ...annotations.map((a): Shown => [`annotations.json ${a.id}.label.zh`, a.label.zh]),
  ...Object.entries(regions).map(([k, v]): Shown => [`regions.${k}`, v]),
  ...(Object.entries(TIME_KEYS) as [Dimension, string][]).map(([d, k]): Shown => [`valueText(${d}, ${k})`, valueText(d, k, 'zh', ref).text]),
  ...EXPLANATIONS.map((e): Shown => [`explain(${e.code})`, explain(e, 'zh')]),
  ...REJECT_TEXTS,
  ...figures.flatMap((f): Shown[] => [
    [`${f.id}.document.title_zh`, f.document.title_zh],
    [`${f.id}.document.locator_zh`, f.document.locator_zh],
    ...(f.note_zh ? [[`${f.id}.note_zh`, f.note_zh] as Shown] : []),
    ...(f.likely_reason_zh ? [[`${f.id}.likely_reason_zh`, f.likely_reason_zh] as Shown] : []),
    // A quote is the document's own words, in its own language: only the Chinese ones are Chinese text.
    ...(isChinese(f.quote) ? [[`${f.id}.quote`, f.quote] as Shown] : [[`${f.id}.quote_translation`, f.quote_translation] as Shown]),
  ]),
];

/** Latin-script words a Chinese UN text keeps as they are: names, acronyms, file names, hashes, document symbols. */
const ALLOWED = new Set([
  'Bluehelm',
  'CSV',
  'PPTX', // export formats, like CSV
  'PDF',
  'XLSX',
  'PNG', // picture formats a chart is saved in, named as the files are
  'SVG',
  'A4', // the paper size
  'Alt', // the key, as printed on it
  'ACLED',
  'M49',
  'M', // the gender codes a UN file writes, quoted when a row holds another
  'F',
  'UTF-8', // text encodings and line ends, named as Chinese software names them when a file is refused
  'UTF-16',
  'GBK',
  'GB18030',
  'Latin-1',
  'Windows-1252',
  'LF',
  'CRLF',
  'Excel', // the program whose "CSV UTF-8" choice saves a file Bluehelm reads
  'ISO', // ISO 3166, the standard of country codes, named as Chinese texts name it
  'SHA-256',
  'SYNTHETIC', // the synthetic mark keeps its English twin, so a copy reads the same to every reader (see PHRASES.syntheticMark)
  'DEMO',
  'DATA',
  'Statista',
  'psdata.un.org',
  'Natural', // Natural Earth and world-atlas: the map's country shapes, named as they name themselves
  'Earth',
  'world-atlas',
  ...missions.map((m) => m.acronym),
]);
const ALLOWED_SHAPES = [
  /^[\w-]+\.(csv|json)$/i, // a data file's name
  /^[AS]\/\d+(\/\w+)*$/, // a UN document symbol, e.g. A/74/533
  /^[0-9a-f]{12,64}$/, // a sha256 value
];

function latinWords(text: string): string[] {
  const bare = text.replace(/\{\{?\w+\}?\}/g, ''); // placeholders are filled in with numbers and labels
  return (bare.match(/[A-Za-z]\w*(?:[-./]\w+)*/g) ?? []).filter((w) => !ALLOWED.has(w) && !ALLOWED_SHAPES.some((re) => re.test(w)));
}

/** Words the UN's Chinese documents do not use for these things (see issue 14 for the evidence in the seeds). */
const FORBIDDEN: [term: string, why: string][] = [
  ['拒收', 'is said of mail and goods: rows are 未导入'],
  ['规格', 'means a technical specification: a query is a 统计设定'],
  ['单独警察', 'the UN writes 单派警察'],
  ['人员属性', 'the UN writes 部门 (军事/警察/文职)'],
  ['自残', 'reads as non-fatal self-harm'],
  ['兵力', 'excludes police: 部署人数'],
  ['联合国数据中心', 'the Data Hub has one name: 联合国和平与安全数据中心'],
  ['变成', 'formal register: 转换为'],
  ['（', 'one bracket style: half-width, as UN Chinese documents write them'],
  ['）', 'one bracket style: half-width, as UN Chinese documents write them'],
];

describe('the Chinese the app shows', () => {
  it('is walked from every source: the i18n file, the catalogue, phrases, reference tables, reasons and published figures', () => {
    const where = new Set(SHOWN.map(([w]) => w.split(/[.(]/)[0]));
    expect([...where]).toEqual(expect.arrayContaining(['zh', 'dimensionInfo', 'measureInfo', 'valueLabel', 'PHRASES', 'missions', 'countries', 'explain', 'rejectText', 'valueText']));
    const codes = explanationSchema.options.map((o) => o.shape.code.value);
    expect(new Set(EXPLANATIONS.map((e) => e.code))).toEqual(new Set(codes));
    expect(SHOWN.length).toBeGreaterThan(900);
  });

  it('has no English words outside the allow-list of acronyms, file names, hashes and document symbols', () => {
    const offenders = SHOWN.map(([w, t]) => [w, latinWords(t).join(' ')]).filter(([, words]) => words);
    expect(offenders).toEqual([]);
  });

  it.each(FORBIDDEN)('never says %s (%s)', (term) => {
    expect(SHOWN.filter(([, t]) => t.includes(term)).map(([w, t]) => `${w}: ${t}`)).toEqual([]);
  });

  it('writes a bracket after Chinese text without a space, as UN documents do: 马里稳定团(MINUSMA)', () => {
    expect(SHOWN.filter(([, t]) => /[\u3400-\u9fff]\s+\(/.test(t)).map(([w, t]) => `${w}: ${t}`)).toEqual([]);
    expect(valueText('mission', 'MINUSMA', 'zh', ref).text).toBe('马里稳定团(MINUSMA)');
  });

  it('uses the UN terms the seeds use', () => {
    expect(valueLabel['Individual Police'].zh).toBe('单派警察');
    expect(measureInfo.ied_peacekeepers_killed.label.zh).toBe('死于简易爆炸装置的军警人数');
    expect(measureInfo.ied_killed.label.zh).toBe('简易爆炸装置致死人数');
    expect(dimensionInfo.service.label.zh).toMatch(/^部门/);
    expect(missions.find((m) => m.acronym === 'UNMISS')).toMatchObject({ name_zh: '联合国南苏丹特派团', short_zh: '南苏丹特派团' });
    expect(missions.find((m) => m.acronym === 'UNFICYP')).toMatchObject({ name_zh: '联合国塞浦路斯维持和平部队', short_zh: '联塞部队' });
    expect(valueText('quarter', '2018-Q3', 'zh', ref).text).toBe('2018年第3季度');
    expect(valueText('quarter', '2018-Q3', 'en', ref).text).toBe('2018-Q3');
  });

  it('names the deployments dataset one way: 军警派遣数据', () => {
    expect(zh.subject.deployments).toBe('军警派遣数据');
    expect(zh.kind.deployments).toBe('军警派遣数据');
    expect(SHOWN.filter(([, t]) => /派遣（部署）|派遣\(部署\)|部署数据/.test(t)).map(([w]) => w)).toEqual([]);
  });

  it('marks a reading of ours as a guess, and a secondary source’s sentence as not the UN’s, in both languages', () => {
    const pakistan = figures.find((f) => f.id === 'wg-pko-2021-p26-pakistan-decade')!;
    const note: Explanation = { code: 'figure_note', text: pakistan.likely_reason!, text_zh: pakistan.likely_reason_zh!, guess: pakistan.likely_reason_is_guess ?? false };
    expect(explain(note, 'zh')).toMatch(/^推测\(未经证实\)：/);
    expect(explain(note, 'en')).toMatch(/^A guess, not confirmed: /);
    const statista = figures.filter((f) => /Statista/.test(f.note ?? ''));
    expect(statista.length).toBeGreaterThan(0);
    for (const f of statista) expect(f.quoted_by, f.id).toBe('Statista');
  });
});
