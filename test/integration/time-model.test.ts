import { afterAll, describe, expect, it } from 'vitest';
import type { ViewSpecInput } from '../../shared/spec';
import { parseViewSpec } from '../../shared/spec';
import { phrase } from '../../shared/present/phrases';
import { importFile } from '../../electron/core/import/run';
import { Workspace } from '../../electron/core/operations';
import { crossTab, sqlAggregator } from '../../electron/core/query/crosstab';
import { sourceRows } from '../../electron/core/query/drill';
import { ColumnarQueries } from '../../electron/core/query/columnar/aggregate';
import { buildProjections } from '../../electron/core/query/columnar/projection';
import { spawnSync } from 'node:child_process';
import { CLI, tempDb, writeTemp } from '../helpers';

// MINUSMA reports 1,000 in April 2021 (Chad 900 troops, Senegal 100 police) and 1,200 in May (Chad
// alone: Senegal is not listed, so it counts 0). UNMISS lists Ghana with nobody in April and 600 troops
// in May.
const DEPLOYMENTS = [
  'Mission_Acronym,Personnel_Type,ISOCode3,Contributing_Country,Female_Personnel,Male_Personnel,Last_Reporting_Date',
  'MINUSMA,Troops,TCD,Chad,50,850,30/04/2021',
  'MINUSMA,Individual Police,SEN,Senegal,20,80,30/04/2021',
  'MINUSMA,Troops,TCD,Chad,60,1140,31/05/2021',
  'UNMISS,Troops,GHA,Ghana,0,0,30/04/2021',
  'UNMISS,Troops,GHA,Ghana,30,570,31/05/2021',
].join('\n');

// MINUSMA: one death on 15 April, three on 25 April (two Chadian soldiers, one Senegalese police
// officer), one on 10 May, a local staff member on 12 May (civilian: never in a uniformed rate), and
// a soldier on 3 June.
const FATALITIES = [
  'id,incident_date,casualty_id,mission_acronym,type_of_casualty,gender,casualty_nationality,casualty_personnel_type,type_of_incident,m49_code,isocode3,last_update',
  '1,2021-04-15,T-1,MINUSMA,Fatality,M,Chad,Military,Accident,148.0,TCD,2025-04-04',
  '2,2021-04-25,T-2,MINUSMA,Fatality,M,Chad,Military,Malicious Act,148.0,TCD,2025-04-04',
  '3,2021-04-25,T-3,MINUSMA,Fatality,M,Chad,Military,Malicious Act,148.0,TCD,2025-04-04',
  '4,2021-04-25,T-4,MINUSMA,Fatality,F,Senegal,Police,Malicious Act,686.0,SEN,2025-04-04',
  '5,2021-05-10,T-5,MINUSMA,Fatality,M,Chad,Military,Illness,148.0,TCD,2025-04-04',
  '6,2021-05-12,T-6,MINUSMA,Fatality,M,Mali,Local,Malicious Act,466.0,MLI,2025-04-04',
  // June: MINUSMA reported no deployments, so this death is left out of every rate (and said so).
  '7,2021-06-03,T-7,MINUSMA,Fatality,M,Chad,Military,Accident,148.0,TCD,2025-04-04',
].join('\n');

describe('one time model: a month counts by its days inside the range, both engines', () => {
  const dbFile = tempDb();
  const ws = new Workspace(dbFile);
  importFile(ws.db, { path: writeTemp('time-deployments.csv', DEPLOYMENTS) });
  importFile(ws.db, { path: writeTemp('time-fatalities.csv', FATALITIES) });
  const sql = sqlAggregator(ws.db);
  const columnar = new ColumnarQueries(buildProjections(ws.db));
  afterAll(() => ws.close());
  const context = { synthetic: false, sources: [] };

  /** The table from both engines, which must agree exactly. */
  const both = (input: ViewSpecInput) => {
    const spec = parseViewSpec(input);
    const a = { ...crossTab(spec, sql, context), elapsedMs: 0 };
    const b = { ...crossTab(spec, columnar.aggregator(), context), elapsedMs: 0 };
    expect(b, JSON.stringify(input)).toEqual(a);
    return a;
  };
  const total = (input: ViewSpecInput) => both(input).grandTotal;
  const byRow = (input: ViewSpecInput) => Object.fromEntries(both(input).rows.map((r) => [r.key.join('/'), r.total]));
  const minusma = { where: { mission: ['MINUSMA'] } };

  it('20 April–31 May: 11/30 of April and all of May', () => {
    const range = { ...minusma, from: '2021-04-20', to: '2021-05-31' };
    // April days 20..30 = 11 of 30: 1,000 × 11/30 + 1,200 = 366.67 + 1,200 = 4,700/3 person-months.
    expect(total({ measure: 'person_months', ...range })).toBeCloseTo(4700 / 3, 9);
    // Deaths inside the range: three on 25 April, one on 10 May (15 April is before it): 4 × 12,000 ÷ 4,700/3 = 1,440/47.
    expect(total({ measure: 'fatality_rate', ...range })).toBeCloseTo(1440 / 47, 9);
    expect(total({ measure: 'fatalities', ...range, where: { ...range.where, service: ['military', 'police'] } })).toBe(4);
    // Months reported in the range: 11/30 of April + May = 41/30; average strength (4,700/3) ÷ (41/30) = 47,000/41.
    expect(total({ measure: 'deployed', ...range })).toBeCloseTo(47000 / 41, 9);
  });

  it('1–30 May: 30/31 of May', () => {
    const range = { ...minusma, from: '2021-05-01', to: '2021-05-30' };
    // 1,200 × 30/31 = 36,000/31 person-months; one uniformed death (10 May): 12,000 × 31/36,000 = 31/3.
    expect(total({ measure: 'person_months', ...range })).toBeCloseTo(36000 / 31, 9);
    expect(total({ measure: 'fatality_rate', ...range })).toBeCloseTo(31 / 3, 9);
    // A range inside one month gives that month's strength, not an empty table.
    expect(total({ measure: 'deployed', ...range })).toBeCloseTo(1200, 9);
    expect(total({ measure: 'deployed', ...minusma, from: '2021-05-10', to: '2021-05-10' })).toBeCloseTo(1200, 9);
    // A period without any report has no average: blank, with the reason.
    const none = both({ measure: 'deployed', ...minusma, from: '2021-07-01', to: '2021-07-31' });
    expect(none.grandTotal).toBeNull();
    expect(none.blankReason).toBe('no_reports');
    expect(phrase('blank_no_reports', 'en')).toMatch(/no deployment reports in this period/);
  });

  it('whole months give the unweighted sums exactly (today\'s numbers)', () => {
    const range = { ...minusma, from: '2021-04-01', to: '2021-05-31' };
    expect(total({ measure: 'person_months', ...range })).toBe(2200);
    // 5 uniformed deaths × 12,000 ÷ 2,200 person-months.
    expect(total({ measure: 'fatality_rate', ...range })).toBe((5 * 12000) / 2200);
    expect(total({ measure: 'deployed', ...range })).toBe(1100);
    expect(total({ measure: 'deployed', ...minusma, from: '2021-04-01', to: '2021-04-30' })).toBe(1000);
  });

  it('deployed: an absent country or mission counts 0 in a month reported, so rows add up to the total', () => {
    const range = { from: '2021-04-20', to: '2021-05-31' };
    // Every row shares the months reported: 41/30. Chad 900 × 11/30 + 1,200 = 1,530; Senegal 100 × 11/30 = 110/3
    // (absent in May: 0); Ghana 0 in April + 600 = 600. Total (1,530 + 110/3 + 600) × 30/41 = 65,000/41.
    const t = both({ measure: 'deployed', rows: ['country'], ...range });
    const rows = Object.fromEntries(t.rows.map((r) => [r.key[0], r.total]));
    expect(rows.TCD).toBeCloseTo(45900 / 41, 9);
    expect(rows.SEN).toBeCloseTo(1100 / 41, 9);
    expect(rows.GHA).toBeCloseTo(18000 / 41, 9);
    expect(t.grandTotal).toBeCloseTo(65000 / 41, 9);
    expect(rows.TCD! + rows.SEN! + rows.GHA!).toBeCloseTo(t.grandTotal!, 9);
    // April and May by mission: UNMISS had nobody in April, so its average over the two months is 300, not 600.
    expect(byRow({ measure: 'deployed', rows: ['mission'], from: '2021-04-01', to: '2021-05-31' })).toEqual({ MINUSMA: 1100, UNMISS: 300 });
    // Senegal in May: a reported month in which it is not listed shows 0, not a blank.
    const months = both({ measure: 'deployed', rows: ['country'], cols: 'month', where: { country: ['SEN'] } });
    expect(months.colKeys).toEqual(['2021-04', '2021-05']);
    expect(months.rows[0].cells).toEqual([100, 0]);
  });

  it('person_months by country add up to the total in a partial range', () => {
    const t = both({ measure: 'person_months', rows: ['country'], cols: 'mission', from: '2021-04-20', to: '2021-05-31' });
    const rows = Object.fromEntries(t.rows.map((r) => [r.key[0], r.total]));
    expect(rows).toEqual({ GHA: 600, SEN: expect.closeTo(110 / 3, 9), TCD: expect.closeTo(1530, 9) });
    expect(t.grandTotal).toBeCloseTo(600 + 110 / 3 + 1530, 9);
  });

  it('fatality_rate by country over 20 April–31 May', () => {
    // Chad: 3 deaths (two on 25 April, one on 10 May) over 1,530 person-months = 36,000/1,530 = 400/17.
    // Senegal: 1 death over 110/3 person-months = 36,000/110 = 3,600/11.
    const rows = byRow({ measure: 'fatality_rate', rows: ['country'], from: '2021-04-20', to: '2021-05-31' });
    expect(rows.TCD).toBeCloseTo(400 / 17, 9);
    expect(rows.SEN).toBeCloseTo(3600 / 11, 9);
    expect(rows.GHA).toBe(0);
  });

  it('missions counts only missions with somebody deployed', () => {
    // UNMISS listed Ghana with 0 in April: MINUSMA alone served in April.
    expect(byRow({ measure: 'missions', rows: ['month'] })).toEqual({ '2021-04': 1, '2021-05': 2 });
  });

  it('deployed and person_months split by gender (women and men as the files count them)', () => {
    // April–May: women 50 + 20 + 60 + 30 = 160, men 850 + 80 + 1,140 + 570 = 2,640; over the 2 months reported.
    const whole = { from: '2021-04-01', to: '2021-05-31' };
    expect(byRow({ measure: 'person_months', rows: ['gender'], ...whole })).toEqual({ F: 160, M: 2640 });
    expect(byRow({ measure: 'deployed', rows: ['gender'], ...whole })).toEqual({ F: 80, M: 1320 });
    expect(total({ measure: 'deployed', where: { gender: ['F'] }, ...whole })).toBe(80);
    // MINUSMA 20 April–31 May: women (50 + 20) × 11/30 + 60 = 257/3, men (850 + 80) × 11/30 + 1,140 = 1,481.
    const range = { ...minusma, from: '2021-04-20', to: '2021-05-31' };
    const pm = byRow({ measure: 'person_months', rows: ['gender'], ...range });
    expect(pm.F).toBeCloseTo(257 / 3, 9);
    expect(pm.M).toBeCloseTo(1481, 9);
    // Women: 1 death (25 April) × 12,000 ÷ 257/3 = 36,000/257; men: 3 deaths ÷ 1,481 = 36,000/1,481.
    const rate = byRow({ measure: 'fatality_rate', rows: ['gender'], ...range });
    expect(rate.F).toBeCloseTo(36000 / 257, 9);
    expect(rate.M).toBeCloseTo(36000 / 1481, 9);
  });

  it('malicious-act fatality rate: the deaths filtered, the person-months all uniformed', () => {
    // 20 April–31 May: three malicious-act deaths on 25 April (the Local one on 12 May is civilian) × 12,000 ÷ 4,700/3 = 1,080/47.
    const range = { from: '2021-04-20', to: '2021-05-31', where: { mission: ['MINUSMA'], incident_type: ['Malicious Act'] } };
    expect(total({ measure: 'fatality_rate', ...range })).toBeCloseTo(1080 / 47, 9);
    // By country: Chad 2 × 12,000 ÷ 1,530 = 24,000/1,530; Senegal 1 × 12,000 ÷ 110/3 = 3,600/11.
    const rows = byRow({ measure: 'fatality_rate', rows: ['country'], ...range });
    expect(rows.TCD).toBeCloseTo(24000 / 1530, 9);
    expect(rows.SEN).toBeCloseTo(3600 / 11, 9);
  });

  it('a rate carries its exact Poisson 95 % interval and the deaths it left out', () => {
    // 20 April–31 May: 4 deaths; the exact interval of a count of 4 is 1.0899–10.2416 (chi-square 8.0/2 and 29.2/2 quantiles),
    // times 12,000 ÷ 4,700/3 person-months: 8.35–78.45 per 1,000 person-years around 30.64.
    const t = both({ measure: 'fatality_rate', ...minusma, from: '2021-04-20', to: '2021-05-31' });
    expect(t.rate?.grandTotal).toMatchObject({ deaths: 4, excluded: 0 });
    expect(t.rate!.grandTotal!.low!).toBeCloseTo((1.08986 * 12000 * 3) / 4700, 3);
    expect(t.rate!.grandTotal!.high!).toBeCloseTo((10.24159 * 12000 * 3) / 4700, 3);
    // No range: the June death (no deployment report that month) is left out, and counted as such, in its month's row too.
    const byMonth = both({ measure: 'fatality_rate', rows: ['month'], ...minusma });
    expect(byMonth.rate?.grandTotal).toMatchObject({ deaths: 5, excluded: 1 });
    expect(byMonth.rows.map((r) => r.key[0])).toEqual(['2021-04', '2021-05', '2021-06']);
    expect(byMonth.rows[2].total).toBeNull();
    expect(byMonth.rate?.rowTotals[2]).toEqual({ deaths: 0, excluded: 1, low: null, high: null });
    // A cell with deaths counted 0 still has an upper bound: 3.6889 × 12,000 ÷ 1,200 person-months (May, Chad, accidents: none).
    const may = both({ measure: 'fatality_rate', ...minusma, where: { ...minusma.where, incident_type: ['Accident'] }, from: '2021-05-01', to: '2021-05-31' });
    expect(may.grandTotal).toBe(0);
    expect(may.rate!.grandTotal!.high!).toBeCloseTo((3.68888 * 12000) / 1200, 3);
  });

  it('the CLI says which deaths a rate left out, prints the interval with --ci, and lists the left-out deaths apart', () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args, '--db', dbFile], { encoding: 'utf8' });
    const table = cli('crosstab', '--measure', 'fatality_rate', '--rows', 'mission');
    expect(table.stdout).toMatch(/— Uniformed deaths left out of this rate \(no deployment report that month\): 1;/);
    const csv = cli('crosstab', '--measure', 'fatality_rate', '--where', 'mission=MINUSMA', '--from', '2021-04-20', '--to', '2021-05-31', '--format', 'csv', '--ci');
    expect(csv.stdout).toBe('fatality_rate,total,total_low,total_high\ntotal,30.6383,8.3479,78.4462\n');
    const sources = cli('sources', '--measure', 'fatality_rate', '--rows', 'mission', '--row', 'MINUSMA', '--format', 'json');
    const parts = JSON.parse(sources.stdout) as { role: string; rows: unknown[][] }[];
    expect(parts.map((p) => [p.role, p.rows.length])).toEqual([['rate_deaths', 5], ['rate_excluded_deaths', 1], ['rate_deployments', 3]]);
    expect(parts[1].rows[0][0]).toBe('T-7');
  });

  it("a cell's source rows follow the same rules: a gender cell lists the rows with somebody of it, a rate's deployments ignore incident_type", () => {
    const women = sourceRows(ws.db, { spec: parseViewSpec({ measure: 'person_months', rows: ['gender'] }), rowKey: ['F'], limit: 50 });
    // Every deployment row but UNMISS's April row (nobody listed) has women.
    expect(women.map((p) => [p.role, p.total])).toEqual([['rows', 4]]);
    const malicious = sourceRows(ws.db, {
      spec: parseViewSpec({ measure: 'fatality_rate', rows: ['mission'], where: { incident_type: ['Malicious Act'] }, from: '2021-04-20', to: '2021-05-31' }),
      rowKey: ['MINUSMA'],
      limit: 50,
    });
    // Three malicious-act deaths on 25 April; all three MINUSMA deployment rows of April and May.
    expect(malicious.map((p) => [p.role, p.total])).toEqual([['rate_deaths', 3], ['rate_excluded_deaths', 0], ['rate_deployments', 3]]);
  });

  it('a date that is not on the calendar is refused', () => {
    expect(() => parseViewSpec({ measure: 'deployed', from: '2021-02-29' })).toThrow(/not a calendar date/);
  });
});

describe('nationality by name where the code is blank, both engines', () => {
  const ws = new Workspace(tempDb());
  importFile(ws.db, {
    path: writeTemp(
      'civ-deployments.csv',
      ['Mission_Acronym,Personnel_Type,ISOCode3,Contributing_Country,Female_Personnel,Male_Personnel,Last_Reporting_Date', 'MINUSMA,Troops,,Côte dIvoire,0,500,31/01/2018'].join('\n'),
    ),
  });
  const result = importFile(ws.db, {
    path: writeTemp(
      'civ-fatalities.csv',
      [
        'id,incident_date,casualty_id,mission_acronym,type_of_casualty,gender,casualty_nationality,casualty_personnel_type,type_of_incident,m49_code,isocode3,last_update',
        '1,2018-01-05,C-1,MINUSMA,Fatality,M,Côte dIvoire,Military,Malicious Act,,,2025-04-04',
        '2,2018-01-09,C-2,MINUSMA,Fatality,M,Côte dIvoire,Military,Accident,,,2025-04-04',
        '3,2018-01-12,C-3,MINUSMA,Fatality,M,ZZ [Undetermined],Military,Illness,,,2025-04-04',
      ].join('\n'),
    ),
  });
  const sql = sqlAggregator(ws.db);
  const columnar = new ColumnarQueries(buildProjections(ws.db));
  afterAll(() => ws.close());

  it('counts the rows matched by name and puts their deaths under the country', () => {
    expect(result.matched_by_name).toBe(2);
    for (const run of [sql, columnar.aggregator()]) {
      const deaths = crossTab(parseViewSpec({ measure: 'fatalities', rows: ['country'] }), run, { synthetic: false, sources: [] });
      expect(Object.fromEntries(deaths.rows.map((r) => [r.key[0], r.total]))).toEqual({ '': 1, CIV: 2 });
      // 2 deaths × 12,000 ÷ 500 person-months = 48 per 1,000 person-years (the undetermined death has no deployment to meet).
      const rate = crossTab(parseViewSpec({ measure: 'fatality_rate', rows: ['country'] }), run, { synthetic: false, sources: [] });
      expect(rate.rows.find((r) => r.key[0] === 'CIV')?.total).toBe(48);
    }
  });
});
