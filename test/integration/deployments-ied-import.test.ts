import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../electron/core/db/open';
import { importFile } from '../../electron/core/import/run';
import { Workspace } from '../../electron/core/operations';
import { CONTRIBUTIONS_OPENDATA, CONTRIBUTIONS_PSDH, FIXTURES, tempDb, writeTemp } from '../helpers';

describe('UN contributions (deployments), both published layouts, real files', () => {
  const db = tempDb();

  it('recognises both layouts with kind auto, 0 rejected, and re-imports change nothing', () => {
    const ws = openWorkspace(db);
    const a = importFile(ws, { path: CONTRIBUTIONS_PSDH }, { kind: 'auto' });
    expect(a).toMatchObject({ kind: 'deployments', layout: 'un-contributions-datahub', rows_read: 48109, inserted: 48109, rejected: 0 });
    const b = importFile(ws, { path: CONTRIBUTIONS_OPENDATA }, { kind: 'auto' });
    expect(b).toMatchObject({ kind: 'deployments', layout: 'un-contributions-opendata', rows_read: 44054, inserted: 44054, rejected: 0 });
    const total = ws.prepare('SELECT COUNT(*) FROM deployment').pluck().get();
    expect(importFile(ws, { path: CONTRIBUTIONS_PSDH })).toMatchObject({ inserted: 0, updated: 0, already_imported: true });
    expect(ws.prepare('SELECT COUNT(*) FROM deployment').pluck().get()).toBe(total);
    ws.close();
  });

  it("gives MINUSMA's March 2021 strength as the UN reported it: 14,735", () => {
    const ws = new Workspace(db);
    const t = ws.crossTab({ measure: 'deployed', rows: ['mission'], where: { mission: ['MINUSMA'] }, from: '2021-03-01', to: '2021-03-31' });
    expect(t.grandTotal).toBe(14735);
    ws.close();
  });

  it('female_share, person_months and missions are consistent with the rows', () => {
    const ws = new Workspace(db);
    const spec = { rows: [] as [], where: { mission: ['UNMISS'] }, from: '2023-01-01', to: '2023-12-31' };
    const q = ws.db.prepare(`SELECT SUM(female) f, SUM(female + male) t, COUNT(DISTINCT month) m FROM deployment WHERE mission = 'UNMISS' AND month LIKE '2023-%'`).get() as { f: number; t: number; m: number };
    expect(ws.crossTab({ measure: 'person_months', ...spec }).grandTotal).toBe(q.t);
    expect(ws.crossTab({ measure: 'female_share', ...spec }).grandTotal).toBeCloseTo((100 * q.f) / q.t, 10);
    expect(ws.crossTab({ measure: 'deployed', ...spec }).grandTotal).toBeCloseTo(q.t / q.m, 10);
    expect(ws.crossTab({ measure: 'missions', ...spec }).grandTotal).toBe(1);
    ws.close();
  });

  it('several reports for one month: the latest report stands, an older one changes nothing', () => {
    const ws = openWorkspace(tempDb());
    const head = 'Mission_Acronym,Personnel_Type,ISOCode3,Contributing_Country,Female_Personnel,Male_Personnel,Last_Reporting_Date';
    const r = importFile(ws, { path: writeTemp('two-reports.csv', `${head}\nUNIFIL,Troops,GHA,Ghana,10,800,15/03/2012\nUNIFIL,Troops,GHA,Ghana,12,790,31/03/2012\nUNIFIL,Troops,GHA,Ghana,1,1,01/03/2012\nUNIFIL,Troops,,Côte dIvoire,0,5,31/03/2012\n`) });
    expect(r).toMatchObject({ rows_read: 4, inserted: 2, rejected: 0 });
    expect(ws.prepare(`SELECT female, male, report_date FROM deployment WHERE country_iso3 = 'GHA'`).get()).toEqual({ female: 12, male: 790, report_date: '2012-03-31' });
    expect(ws.prepare(`SELECT country_iso3 FROM deployment WHERE country_name = 'Côte dIvoire'`).pluck().get()).toBe('CIV');
  });

  it('several reports for one month inside full insert batches: the latest stands, the later line among equals', () => {
    const head = 'contribution_id,mission_acronym,personnel_type,isocode3,contributing_country,female_personnel,male_personnel,last_reporting_date';
    const countries = [['GHA', 'Ghana'], ['IND', 'India'], ['NPL', 'Nepal'], ['RWA', 'Rwanda'], ['SEN', 'Senegal']];
    const lines: string[] = [];
    const expected = new Map<string, { female: number; male: number; report_date: string }>();
    // 1,000 rows, keys repeating every 40 rows: batches of one month and report (bound once per batch) and mixed ones.
    for (let i = 0; i < 1000; i++) {
      const [iso, name] = countries[i % 5];
      const type = ['Troops', 'Staff Officer'][Math.floor(i / 5) % 2];
      const mission = ['UNMISS', 'MINUSCA', 'UNIFIL', 'MINUSMA'][Math.floor(i / 10) % 4];
      const day = i < 600 ? '31' : ['10', '31', '20'][i % 3];
      const report = `2023-01-${day}`;
      const row = { female: i % 7, male: 100 + i, report_date: report };
      lines.push(`${i + 1},${mission},${type},${iso},${name},${row.female},${row.male},${report}`);
      const key = `${mission}|${iso}|${type}`;
      const old = expected.get(key);
      if (!old || report >= old.report_date) expected.set(key, row);
    }
    const file = writeTemp('repeated-reports.csv', [head, ...lines].join('\n') + '\n');
    for (const parallel of [false, true]) {
      const ws = openWorkspace(tempDb());
      const r = importFile(ws, { path: file }, { parallel });
      expect(r).toMatchObject({ rows_read: 1000, inserted: expected.size, rejected: 0 });
      const stored = ws.prepare(`SELECT mission || '|' || country_iso3 || '|' || personnel_type AS key, female, male, report_date FROM deployment`).all() as { key: string }[];
      expect(new Map(stored.map(({ key, ...rest }) => [key, rest]))).toEqual(expected);
      ws.close();
    }
  });

  it('rejects bad rows by line and field', () => {
    const ws = openWorkspace(tempDb());
    const head = 'contribution_id,mission_acronym,personnel_type,isocode3,contributing_country,female_personnel,male_personnel,last_reporting_date';
    const r = importFile(ws, { path: writeTemp('bad-deployments.csv', `${head}\n1,UNMISS,Troops,IND,India,5,-3,2023-01-31\n2,UNMISS,Sailors,IND,India,5,3,2023-01-31\n3,UNMISS,Troops,IND,India,5,3,31/01/23\n4,UNMISS,Troops,ZZZ,Nowhere,5,3,2023-01-31\n5,UNMISS,Troops,,Atlantis,5,3,2023-01-31\n`) });
    expect(r.rejects.map((x) => [x.line, x.field])).toEqual([
      [2, 'male_personnel'],
      [3, 'personnel_type'],
      [4, 'last_reporting_date'],
      [6, 'isocode3'],
    ]);
    expect(r.inserted).toBe(1);
  });
});

describe('IED incidents', () => {
  it('ACLED export: keeps IED events only, links missions by host country and mandate, rejects bad rows', () => {
    const ws = openWorkspace(tempDb());
    const r = importFile(ws, { path: path.join(FIXTURES, 'acled-sahel-sample.csv') });
    expect(r).toMatchObject({ kind: 'ied', layout: 'acled', rows_read: 9, inserted: 6, skipped: 1, rejected: 2 });
    expect(r.rejects.map((x) => [x.line, x.field])).toEqual([
      [9, 'event_date'],
      [10, 'country'],
    ]);
    const rows = ws.prepare(`SELECT source_record_id id, event_date, mission, country_iso3, outcome, killed, peacekeepers_killed, target FROM ied_incident ORDER BY id`).all();
    expect(rows).toEqual([
      { id: 'FIX-CAF0001', event_date: '2019-06-20', mission: 'MINUSCA', country_iso3: 'CAF', outcome: 'found_and_cleared', killed: 0, peacekeepers_killed: 0, target: 'UN' },
      { id: 'FIX-COD0001', event_date: '2021-12-25', mission: 'MONUSCO', country_iso3: 'COD', outcome: 'detonated', killed: 6, peacekeepers_killed: 0, target: 'civilians' },
      { id: 'FIX-MLI0001', event_date: '2018-01-12', mission: 'MINUSMA', country_iso3: 'MLI', outcome: 'detonated', killed: 2, peacekeepers_killed: 2, target: 'UN' },
      { id: 'FIX-MLI0002', event_date: '2018-02-03', mission: 'MINUSMA', country_iso3: 'MLI', outcome: 'found_and_cleared', killed: 0, peacekeepers_killed: 0, target: 'other' },
      { id: 'FIX-MLI0003', event_date: '2018-02-10', mission: 'MINUSMA', country_iso3: 'MLI', outcome: 'detonated', killed: 4, peacekeepers_killed: 0, target: 'national_forces' },
      { id: 'FIX-MLI0005', event_date: '2018-04-14', mission: 'MINUSMA', country_iso3: 'MLI', outcome: 'detonated', killed: 7, peacekeepers_killed: 0, target: 'civilians' },
    ]);
    expect(importFile(ws, { path: path.join(FIXTURES, 'acled-sahel-sample.csv') })).toMatchObject({ inserted: 0, updated: 0, already_imported: true });
  });

  it('Bluehelm IED template: reads every field, fills the mission from the host country, rejects a bad outcome', () => {
    const ws = new Workspace(tempDb());
    const r = importFile(ws.db, { path: path.join(FIXTURES, 'ied-template-sample.csv') });
    expect(r).toMatchObject({ layout: 'bluehelm-ied-template', rows_read: 4, inserted: 3, rejected: 1 });
    expect(r.rejects[0]).toMatchObject({ line: 5, field: 'outcome' });
    const t = ws.crossTab({ measure: 'ied_incidents', rows: ['mission'] });
    expect(t.rows).toEqual([{ key: ['MINUSMA'], cells: [], total: 3 }]);
    expect(ws.crossTab({ measure: 'ied_cleared_share', rows: [] }).grandTotal).toBeCloseTo(100 / 3, 10);
    expect(ws.crossTab({ measure: 'ied_peacekeeper_casualties', rows: [] }).grandTotal).toBe(8);
    expect(ws.crossTab({ measure: 'ied_killed', rows: [] }).grandTotal).toBe(5);
    ws.close();
  });

  it('the shipped template is the layout the importer reads', async () => {
    const fs = await import('node:fs');
    const header = fs.readFileSync(path.resolve(FIXTURES, '../../data/templates/ied-template.csv'), 'utf8').trim().split(',');
    const { TEMPLATE_COLUMNS } = await import('../../electron/core/import/ied');
    expect(header).toEqual([...TEMPLATE_COLUMNS]);
  });
});
