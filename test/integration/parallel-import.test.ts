import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace, type Db } from '../../electron/core/db/open';
import { importFile, ImportCancelled, ImportRefused, type ImportOptions } from '../../electron/core/import/run';
import { CONTRIBUTIONS_OPENDATA, CONTRIBUTIONS_PSDH, FATALITIES_CSV, FIXTURES, tempDb, writeTemp } from '../helpers';

/** Everything an import writes, without the clock. */
function contents(db: Db) {
  const all = (sql: string) => db.prepare(sql).all();
  return {
    dataset: all('SELECT id, file_name, sha256, kind, layout, rows_read, inserted, updated, unchanged, rejected, skipped, synthetic, last_update FROM dataset ORDER BY id'),
    fatality: all('SELECT * FROM fatality ORDER BY casualty_id'),
    deployment: all('SELECT * FROM deployment ORDER BY month, mission, country_iso3, personnel_type'),
    ied: all('SELECT * FROM ied_incident ORDER BY origin, source_record_id'),
    reject: all('SELECT dataset_id, line, field, reason, raw FROM reject ORDER BY dataset_id, line, field'),
  };
}

const FATALITY_HEADER = 'id,incident_date,casualty_id,mission_acronym,type_of_casualty,gender,casualty_nationality,casualty_personnel_type,type_of_incident,m49_code,isocode3,last_update';

/** Imports the files in order twice: read in this thread, and read by the CSV worker. */
function both(files: string[], options: ImportOptions = {}) {
  const run = (parallel: boolean) => {
    const db = openWorkspace(tempDb());
    const results = files.map((f) => importFile(db, { path: f }, { ...options, parallel }));
    const snapshot = contents(db);
    db.close();
    return { results, snapshot };
  };
  return { here: run(false), worker: run(true) };
}

function refusal(file: string, options: ImportOptions): ImportRefused {
  const db = openWorkspace(tempDb());
  try {
    importFile(db, { path: file }, options);
  } catch (e) {
    expect(db.prepare('SELECT COUNT(*) FROM dataset').pluck().get()).toBe(0);
    return e as ImportRefused;
  } finally {
    db.close();
  }
  throw new Error(`${file} was imported`);
}

describe('reading a file in the CSV worker while this thread writes', () => {
  it('stores exactly what reading it here stores, for every layout, rejects and revisions included', () => {
    const revised = writeTemp(
      'revised.csv',
      [
        FATALITY_HEADER,
        '1,2018-03-01,SYN-1,MINUSMA,Fatality,M,Chad,Military,Malicious Act,148.0,TCD,2025-04-04',
        '2,2018-03-02,SYN-2,MINUSMA,Fatality,,Chad,Police,Accident,148.0,TCD,2025-04-04',
        '3,2018-13-02,SYN-3,MINUSMA,Fatality,F,Chad,Police,Accident,148.0,TCD,2025-04-04',
        '4,2018-03-02,SYN-2,MINUSMA,Fatality,F,Chad,Police,Accident,148.0,TCD,2025-04-04',
        '5,2018-03-04,SYN-4,"MINUSMA, Gao",Fatality,F,Chad,Police,Accident,148.0,TCD',
      ].join('\r\n') + '\r\n',
    );
    const files = [
      FATALITIES_CSV,
      CONTRIBUTIONS_PSDH,
      CONTRIBUTIONS_OPENDATA,
      path.join(FIXTURES, 'fatalities-titlecase.csv'),
      path.join(FIXTURES, 'acled-sahel-sample.csv'),
      path.join(FIXTURES, 'ied-template-sample.csv'),
      revised,
    ];
    const { here, worker } = both(files);
    expect(worker.results).toEqual(here.results);
    expect(worker.snapshot).toEqual(here.snapshot);
    expect(here.snapshot.deployment.length).toBe(48_109 + 44_054);
    expect(here.results.map((r) => r.rejected)).toEqual([6, 0, 0, 0, 2, 1, 3]);
    expect(here.snapshot.ied.length).toBeGreaterThan(0);
  }, 120_000);

  it('refuses what reading it here refuses, with the same file, line and field', () => {
    const cases: [string, ImportOptions][] = [
      [writeTemp('unknown.csv', 'a,b,c\n1,2,3\n'), {}],
      [writeTemp('empty.csv', ''), {}],
      [writeTemp('unclosed.csv', `${FATALITY_HEADER}\n1,2018-03-01,"SYN-1,MINUSMA,Fatality,M,Chad,Military,Malicious Act,148.0,TCD,2025-04-04\n`), {}],
      [path.join(FIXTURES, 'fatalities-titlecase.csv'), { kind: 'deployments' }],
    ];
    for (const [file, options] of cases) {
      const here = refusal(file, { ...options, parallel: false });
      const worker = refusal(file, { ...options, parallel: true });
      expect(here).toBeInstanceOf(ImportRefused);
      expect(worker).toBeInstanceOf(ImportRefused);
      expect({ message: worker.message, line: worker.line, field: worker.field }).toEqual({ message: here.message, line: here.line, field: here.field });
    }
  });

  it('a cancelled import writes nothing, and a file imported before is not read again', () => {
    const db = openWorkspace(tempDb());
    let asked = 0;
    expect(() => importFile(db, { path: CONTRIBUTIONS_PSDH }, { parallel: true, shouldCancel: () => ++asked > 2 })).toThrow(ImportCancelled);
    expect(db.prepare('SELECT (SELECT COUNT(*) FROM dataset) + (SELECT COUNT(*) FROM deployment)').pluck().get()).toBe(0);
    const first = importFile(db, { path: CONTRIBUTIONS_PSDH }, { parallel: true });
    expect(first).toMatchObject({ rows_read: 48_109, inserted: 48_109, already_imported: false });
    const again = importFile(db, { path: CONTRIBUTIONS_PSDH }, { parallel: true });
    expect(again).toMatchObject({ inserted: 0, unchanged: 48_109, already_imported: true });
    db.close();
  });

  it('reports progress as the rows are stored, ending at the whole file', () => {
    const db = openWorkspace(tempDb());
    const seen: [number, number][] = [];
    importFile(db, { path: CONTRIBUTIONS_PSDH }, { parallel: true, onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.map(([d]) => d)).toEqual([...seen.map(([d]) => d)].sort((a, b) => a - b));
    const [done, total] = seen[seen.length - 1];
    expect(done).toBe(total);
    db.close();
  });
});
