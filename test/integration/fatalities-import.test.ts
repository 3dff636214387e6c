import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../electron/core/db/open';
import { importFile, ImportRefused } from '../../electron/core/import/run';
import { FATALITIES_CSV, FIXTURES, rejectsInWords, tempDb, writeTemp } from '../helpers';
import { rejectText } from '../../shared/rejects';
import path from 'node:path';

const HEADER = 'id,incident_date,casualty_id,mission_acronym,type_of_casualty,gender,casualty_nationality,casualty_personnel_type,type_of_incident,m49_code,isocode3,last_update';

function snapshot(db: ReturnType<typeof openWorkspace>) {
  return {
    fatality: db.prepare('SELECT * FROM fatality ORDER BY casualty_id').all(),
    dataset: db.prepare('SELECT id, sha256, rows_read FROM dataset ORDER BY id').all(),
    reject: db.prepare('SELECT * FROM reject ORDER BY dataset_id, line').all(),
  };
}

describe('UN fatalities import (real file)', () => {
  it('imports 4,429 rows, keeps the quirks, and a re-import changes nothing', () => {
    const db = openWorkspace(tempDb());
    const first = importFile(db, { path: FATALITIES_CSV });
    expect(first).toMatchObject({ kind: 'fatalities', rows_read: 4429, inserted: 4423, rejected: 6, updated: 0 });
    // The six rejects are the same casualty listed twice, first as Montenegro, then as Serbia and Montenegro
    // (2003–2005): the listing whose country existed on the incident date is kept, the other is the reject.
    expect(first.rejects.map((r) => r.line)).toEqual([1899, 1902, 2075, 2078, 2143, 2185]);
    expect(rejectsInWords(first.rejects)[0]).toMatchObject({
      field: 'key',
      reason: 'same UNMIK-2003-05-03589 as line 1900 (listed again with a different casualty_nationality, m49_code, isocode3); line 1900 is kept: Serbia and Montenegro existed on 2003-05-05, Montenegro only from 2006-06-03',
    });
    // The same stored reason, worded for a Chinese reader.
    expect(rejectText(first.rejects[0].reason, 'zh', first.rejects[0].line)).toBe(
      '与第1900行的UNMIK-2003-05-03589相同(再次列出，但casualty_nationality、m49_code、isocode3不同)；保留第1900行：2003-05-05时塞尔维亚和黑山已存在，黑山自2006-06-03起才存在',
    );
    expect(db.prepare(`SELECT nationality_iso3, source_line FROM fatality WHERE casualty_id = 'UNMIK-2003-05-03589'`).get()).toEqual({ nationality_iso3: 'SCG', source_line: 1900 });
    expect(db.prepare(`SELECT COUNT(*) FROM fatality WHERE nationality_iso3 = 'MNE' AND incident_date < '2006-06-03'`).pluck().get()).toBe(0);

    const q = (sql: string) => db.prepare(sql).pluck().get();
    expect(q(`SELECT COUNT(*) FROM fatality WHERE personnel_type = 'Local'`)).toBeGreaterThan(0);
    expect(q(`SELECT COUNT(*) FROM fatality WHERE personnel_type LIKE '% '`)).toBe(0);
    // 151 blank genders in the file, one of them on a repeated casualty (line 1900).
    expect(q(`SELECT COUNT(*) FROM fatality WHERE gender = ''`)).toBe(150);
    expect(q(`SELECT COUNT(*) FROM fatality WHERE nationality = 'ZZ [Undetermined]' AND nationality_iso3 = '' AND m49 IS NULL`)).toBeGreaterThan(0);
    expect(q(`SELECT m49 FROM fatality WHERE nationality_iso3 = 'FRA' LIMIT 1`)).toBe(250);
    expect(q(`SELECT last_update FROM dataset`)).toBe('2025-04-04');
    // 37 rows name their nationality but leave its code blank: matched by name, as deployments are.
    expect(first.matched_by_name).toBe(37);
    const recovered = db.prepare(`SELECT nationality_iso3, COUNT(*) FROM fatality WHERE m49 IS NULL AND nationality_iso3 <> '' GROUP BY 1 ORDER BY 2 DESC, 1`).raw().all();
    expect(recovered).toEqual([['CIV', 29], ['TUR', 6], ['MUS', 1], ['VNM', 1]]);
    // Undetermined stays undetermined: 14 "ZZ [Undetermined]" and one blank nationality keep an empty country.
    expect(q(`SELECT COUNT(*) FROM fatality WHERE nationality_iso3 = ''`)).toBe(15);

    const before = snapshot(db);
    const again = importFile(db, { path: FATALITIES_CSV });
    expect(again).toMatchObject({ rows_read: 4429, inserted: 0, updated: 0, unchanged: 4423, rejected: 6, already_imported: true });
    expect(snapshot(db)).toEqual(before);
  });

  it('read in a worker thread, the file gives the same rows, rejects and counts (the kept listing too)', () => {
    const here = openWorkspace(tempDb());
    const there = openWorkspace(tempDb());
    const a = importFile(here, { path: FATALITIES_CSV }, { parallel: false });
    const b = importFile(there, { path: FATALITIES_CSV }, { parallel: true });
    expect({ ...b, dataset_id: 0 }).toEqual({ ...a, dataset_id: 0 });
    const rows = (db: typeof here) => db.prepare('SELECT casualty_id, nationality_iso3, source_line FROM fatality ORDER BY casualty_id').raw().all();
    expect(rows(there)).toEqual(rows(here));
  });

  it('a revised file updates changed rows and reports which fields changed', () => {
    const db = openWorkspace(tempDb());
    importFile(db, { path: FATALITIES_CSV });
    const lines = fs.readFileSync(FATALITIES_CSV, 'utf8').split('\n');
    // Line 4000: reclassify the incident, as the UN does after an investigation.
    const cells = lines[3999].split(',');
    const id = cells[2];
    cells[8] = cells[8] === 'Illness' ? 'Accident' : 'Illness';
    lines[3999] = cells.join(',');
    const revised = writeTemp('DPPADPOSS-FATALITIES-revised.csv', lines.join('\n'));
    const r = importFile(db, { path: revised });
    expect(r).toMatchObject({ inserted: 0, updated: 1, unchanged: 4422, rejected: 6 });
    expect(r.changes).toEqual([{ key: id, fields: ['incident_type'] }]);
    expect(db.prepare('SELECT incident_type, source_line, dataset_id FROM fatality WHERE casualty_id = ?').get(id)).toEqual({
      incident_type: cells[8],
      source_line: 4000,
      dataset_id: r.dataset_id,
    });
  });

  it('reads the older Title_Case header variant', () => {
    const db = openWorkspace(tempDb());
    const r = importFile(db, { path: path.join(FIXTURES, 'fatalities-titlecase.csv') });
    expect(r).toMatchObject({ kind: 'fatalities', rows_read: 4, inserted: 4, rejected: 0 });
    expect(db.prepare(`SELECT personnel_type, service, gender FROM fatality WHERE casualty_id = 'FIXTURE-0003'`).get()).toEqual({
      personnel_type: 'Local',
      service: 'civilian',
      gender: '',
    });
  });

  it('keeps unusable rows in rejects with line, field and reason', () => {
    const db = openWorkspace(tempDb());
    const file = writeTemp(
      'bad.csv',
      [
        HEADER,
        '1,2018-01-02,A-1,MINUSMA,Fatality,M,Chad,Military,Malicious Act,148.0,TCD,2025-04-04',
        '2,2018-02-30,A-2,MINUSMA,Fatality,M,Chad,Military,Malicious Act,148.0,TCD,2025-04-04',
        '3,2018-01-02,A-3,MINUSMA,Fatality,X,Chad,Military,Malicious Act,148.0,TCD,2025-04-04',
        '4,2018-01-02,A-4,MINUSMA,Fatality,M,Chad,Sailor,Malicious Act,148.0,TCD,2025-04-04',
        '5,2018-01-02,,MINUSMA,Fatality,M,Chad,Military,Malicious Act,148.0,TCD,2025-04-04',
        '6,2018-01-02,A-6,MINUSMA,Fatality,M,Chad,Military,Malicious Act,abc,TCD,2025-04-04',
        '7,2018-01-02,A-7,MINUSMA',
      ].join('\n'),
    );
    const r = importFile(db, { path: file });
    expect(r).toMatchObject({ rows_read: 7, inserted: 1, rejected: 6 });
    expect(rejectsInWords(r.rejects)).toEqual([
      { line: 3, field: 'incident_date', reason: '"2018-02-30" is not a date (expected YYYY-MM-DD or dd/mm/yyyy)' },
      { line: 4, field: 'gender', reason: '"X" is not M, F or blank' },
      { line: 5, field: 'casualty_personnel_type', reason: expect.stringContaining('"Sailor" is not one of') },
      { line: 6, field: 'casualty_id', reason: 'is empty' },
      { line: 7, field: 'm49_code', reason: '"abc" is not an M49 code' },
      { line: 8, field: '(row)', reason: 'has 4 fields; the header has 12' },
    ]);
    expect(db.prepare('SELECT COUNT(*) FROM reject').pluck().get()).toBe(6);
  });

  it('refuses a file it does not recognise, or broken CSV, and writes nothing', () => {
    const db = openWorkspace(tempDb());
    const before = snapshot(db);
    expect(() => importFile(db, { path: writeTemp('other.csv', 'name,age\nx,1\n') })).toThrowError(/other\.csv:1: header: not a layout Bluehelm knows/);
    const broken = writeTemp('broken.csv', `${HEADER}\n1,2018-01-02,A-1,MINUSMA,Fatality,M,Chad,Military,Malicious Act,148.0,TCD,2025-04-04\n2,"2018-01-02,A-2\n`);
    expect(() => importFile(db, { path: broken })).toThrowError(ImportRefused);
    expect(() => importFile(db, { path: broken })).toThrowError(/broken\.csv:3: \(csv\): a quoted field is never closed/);
    expect(() => importFile(db, { path: FATALITIES_CSV }, { kind: 'deployments' })).toThrowError(/is a fatalities file/);
    expect(snapshot(db)).toEqual(before);
  });
});
