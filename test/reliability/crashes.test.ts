import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../electron/core/db/open';
import { importFile } from '../../electron/core/import/run';
import { CLI, FIXTURES, tempDb, tempDir, writeTemp } from '../helpers';

// Finding 4: each of these used to end in a stack trace. Each must end in one line on stderr naming
// what and where, exit 1, and the workspace as it was.

const SAMPLE = path.join(FIXTURES, 'fatalities-titlecase.csv');

function bluehelm(args: string[], options: { uid?: number; gid?: number } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', ...options });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function bluehelmAsync(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args]);
    let out = '';
    let err = '';
    child.stdout.on('data', (s) => (out += s));
    child.stderr.on('data', (s) => (err += s));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function expectOneLine(r: { code: number | null; err: string }, message: string | RegExp) {
  expect(r.code).toBe(1);
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  if (typeof message === 'string') expect(r.err).toBe(message + '\n');
  else expect(r.err).toMatch(message);
}

/** A workspace with a dataset in it, closed (so everything is in the main file, no -wal). */
function workspaceWithData(): string {
  const file = tempDb();
  const db = openWorkspace(file);
  importFile(db, { path: SAMPLE });
  db.close();
  return file;
}

/** Overwrites the root page of a table or index (the dataset registry by default), as a disk fault would. */
function damagePage(file: string, name = 'dataset'): void {
  const db = new Database(file, { readonly: true });
  const root = db.prepare(`SELECT rootpage FROM sqlite_master WHERE name = ?`).pluck().get(name) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize);
  fs.closeSync(fd);
}

describe('crashes become one-line messages (finding 4)', () => {
  it('a workspace damaged mid-file: datasets, crosstab, db check and serve each say so in one line and change nothing', () => {
    const file = workspaceWithData();
    damagePage(file);
    const before = sha(file);
    const damaged = `bluehelm: ${file}: the workspace file is damaged (database disk image is malformed); nothing was changed. Earlier copies: bluehelm db backups --db ${file}`;
    expectOneLine(bluehelm(['datasets', '--db', file]), damaged);
    expectOneLine(bluehelm(['crosstab', '--measure', 'fatalities', '--rows', 'year', '--db', file]), damaged);
    expectOneLine(bluehelm(['import', SAMPLE, '--db', file]), damaged);
    expectOneLine(bluehelm(['serve', '--port', '0', '--db', file]), damaged);
    expectOneLine(bluehelm(['db', 'check', '--db', file]), damaged);
    expect(sha(file)).toBe(before);
  });

  it('damage that opening does not meet (an index page): db check reports it and names the way back', () => {
    const file = workspaceWithData();
    damagePage(file, 'fatality_date');
    const before = sha(file);
    const check = bluehelm(['db', 'check', '--db', file]);
    expect(check.code).toBe(1);
    // integrity_check either lists the problems (stdout) or stops at the damaged page itself.
    if (check.out) expect(check.out).toMatch(/^PROBLEMS FOUND: integrity_check /);
    const why = check.out ? 'integrity_check found problems' : 'database disk image is malformed';
    expect(check.err).toBe(`bluehelm: ${file}: the workspace file is damaged (${why}); nothing was changed. Earlier copies: bluehelm db backups --db ${file}\n`);
    expect(sha(file)).toBe(before);
  });

  it('importing a folder', () => {
    const db = workspaceWithData();
    const before = sha(db);
    const dir = tempDir();
    expectOneLine(bluehelm(['import', dir, '--db', db]), `bluehelm: ${dir}: a folder, not a file; nothing was imported`);
    expect(sha(db)).toBe(before);
  });

  it('importing a file that is not there', () => {
    const db = workspaceWithData();
    const missing = path.join(tempDir(), 'missing.csv');
    expectOneLine(bluehelm(['import', missing, '--db', db]), `bluehelm: ${missing}: no such file`);
  });

  it('importing into a workspace the user may not write', () => {
    const db = workspaceWithData();
    const dir = path.dirname(db);
    fs.chmodSync(db, 0o444);
    fs.chmodSync(dir, 0o555);
    const before = sha(db);
    // Root writes whatever the permissions say: the command runs as nobody there.
    const as = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    try {
      fs.chmodSync(path.dirname(dir), fs.statSync(path.dirname(dir)).mode | 0o005);
      expectOneLine(bluehelm(['import', path.join(FIXTURES, 'ied-template-sample.csv'), '--db', db], as), /^bluehelm: .*workspace\.sqlite: the workspace cannot be written \(.*\); nothing was changed\n$/);
    } finally {
      fs.chmodSync(dir, 0o755);
      fs.chmodSync(db, 0o644);
    }
    expect(sha(db)).toBe(before);
  });

  it('the same file imported twice at once: one import stores it, the other changes nothing', async () => {
    const db = workspaceWithData();
    const big = writeTemp(
      'twice.csv',
      [
        'Incident_Date,Mission_Acronym,Casualty_ID,Type_Of_Casualty,Gender,Casualty_Nationality,Casualty_Personnel_Type,Type_Of_Incident,M49_Code,ISOCode3',
        ...Array.from({ length: 20000 }, (_, i) => `2019-03-04,UNMISS,TWICE-${i},Fatality,M,Chad,Military,Accident,148.0,TCD`),
      ].join('\n'),
    );
    const runs = await Promise.all([bluehelmAsync(['import', big, '--json', '--db', db]), bluehelmAsync(['import', big, '--json', '--db', db])]);
    for (const r of runs) {
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
    }
    const results = runs.map((r) => JSON.parse(r.out));
    expect(results.map((r) => r.inserted).sort((a, b) => a - b)).toEqual([0, 20000]);
    expect(results.map((r) => r.already_imported).sort()).toEqual([false, true]);
    const ws = new Database(db, { readonly: true });
    expect(ws.prepare(`SELECT count(*) FROM dataset WHERE file_name = 'twice.csv'`).pluck().get()).toBe(1);
    expect(ws.prepare(`SELECT count(*) FROM fatality WHERE casualty_id LIKE 'TWICE-%'`).pluck().get()).toBe(20000);
    ws.close();
  });

  it('counts above 2^53 and 10^23 are rejected rows naming line and field, never rounded or a crash', () => {
    const db = tempDb();
    const deployments = writeTemp(
      'huge-deployments.csv',
      [
        'Mission_Acronym,ISOCode3,Contributing_Country,Personnel_Type,Female_Personnel,Male_Personnel,Last_Reporting_Date',
        'MINUSMA,TCD,Chad,Troops,10,1200,31/03/2021',
        'MINUSMA,SEN,Senegal,Troops,12,9007199254740993,31/03/2021',
        'MINUSMA,BFA,Burkina Faso,Troops,3,100000000000000000000000,31/03/2021',
      ].join('\n'),
    );
    const r = bluehelm(['import', deployments, '--json', '--db', db]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ inserted: 1, rejected: 2 });
    expect(j.rejects.map((x: { line: number; field: string; text: string }) => ({ line: x.line, field: x.field, reason: x.text }))).toEqual([
      { line: 3, field: 'male_personnel', reason: '"9007199254740993" is more than 2147483647, the largest count a workspace holds' },
      { line: 4, field: 'male_personnel', reason: '"100000000000000000000000" is more than 2147483647, the largest count a workspace holds' },
    ]);
  });
});
