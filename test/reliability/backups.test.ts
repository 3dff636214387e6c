import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { KEEP, listBackups } from '../../electron/core/db/backup';
import { checkWorkspace, latestSchemaVersion, openWorkspace } from '../../electron/core/db/open';
import { importFile } from '../../electron/core/import/run';
import { CLI, tempDb, tempDir, writeTemp } from '../helpers';
import { contents, oldWorkspace } from './old-workspace';

// "No data lost": a backup before every import into a workspace holding data and before every
// migration, the last five kept beside the workspace; bluehelm db backups / db restore.

const HEADER = 'Incident_Date,Mission_Acronym,Casualty_ID,Type_Of_Casualty,Gender,Casualty_Nationality,Casualty_Personnel_Type,Type_Of_Incident,M49_Code,ISOCode3';
const fileOf = (name: string, ids: number[]) =>
  writeTemp(name, [HEADER, ...ids.map((i) => `2018-03-0${1 + (i % 9)},MINUSCA,BK-${name}-${i},Fatality,M,Chad,Military,Accident,148.0,TCD`)].join('\n'));

function bluehelm(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const datasetCount = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM dataset').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('backups before imports', () => {
  it('none for the first import into an empty workspace or a file already imported; one before each other import; the last five kept', () => {
    const file = tempDb();
    const db = openWorkspace(file);
    try {
      const first = fileOf('a.csv', [1]);
      importFile(db, { path: first });
      expect(listBackups(file)).toEqual([]);
      importFile(db, { path: first });
      expect(listBackups(file)).toEqual([]);
      for (let i = 2; i <= 8; i++) {
        importFile(db, { path: fileOf(`f${i}.csv`, [i]) });
        const backups = listBackups(file);
        expect(backups.length).toBe(Math.min(KEEP, i - 1));
        // The newest holds the workspace as it was just before this import.
        expect(datasetCount(backups[0].file)).toBe(i - 1);
      }
      expect(listBackups(file).map((b) => datasetCount(b.file))).toEqual([7, 6, 5, 4, 3]);
      expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.partial'))).toEqual([]);
    } finally {
      db.close();
    }
  });
});

describe('bluehelm db backups / db restore', () => {
  it('lists the backups newest first, restores one, and keeps the workspace as it was as the newest backup', () => {
    const file = tempDb();
    for (let i = 1; i <= 3; i++) expect(bluehelm(['import', fileOf(`r${i}.csv`, [i, i + 10]), '--db', file]).code).toBe(0);
    const listed = bluehelm(['db', 'backups', '--db', file]);
    expect(listed.code).toBe(0);
    const lines = listed.out.trim().split('\n');
    expect(lines).toHaveLength(2);
    const oldest = lines[1].split('  ')[0];
    expect(datasetCount(oldest)).toBe(1);

    const restored = bluehelm(['db', 'restore', oldest, '--db', file]);
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    expect(datasetCount(file)).toBe(1);
    const aside = listBackups(file)[0];
    expect(restored.out).toBe(`Restored ${file} from ${oldest}; the workspace as it was is kept as ${aside.file}\n`);
    expect(datasetCount(aside.file)).toBe(3);
    expect(bluehelm(['db', 'check', '--db', file]).code).toBe(0);
    // And back again.
    expect(bluehelm(['db', 'restore', aside.file, '--db', file]).code).toBe(0);
    expect(datasetCount(file)).toBe(3);
  });

  it('refuses to restore a file that is not a sound workspace, changing nothing', () => {
    const file = tempDb();
    expect(bluehelm(['import', fileOf('x.csv', [1]), '--db', file]).code).toBe(0);
    const before = fs.readFileSync(file);
    const junk = writeTemp('junk.backup', 'not a database'.repeat(100));
    const r = bluehelm(['db', 'restore', junk, '--db', file]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`bluehelm: ${junk}: not a Bluehelm workspace (not a SQLite database, or its header is damaged); nothing was changed\n`);
    const missing = path.join(tempDir(), 'nope.backup');
    expect(bluehelm(['db', 'restore', missing, '--db', file]).err).toBe(`bluehelm: ${missing}: no such backup\n`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(listBackups(file)).toEqual([]);
  });
});

/** Spawns a command and SIGKILLs it after `ms` milliseconds (or lets it finish first). */
function killAfter(args: string[], ms: number): Promise<'killed' | 'finished'> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL' ? 'killed' : 'finished');
    });
  });
}

describe('SIGKILL mid-way leaves a workspace that is either before or after', () => {
  it('during restore', async () => {
    const file = tempDb();
    const db = openWorkspace(file);
    const rows = Array.from({ length: 60_000 }, (_, i) => i);
    importFile(db, { path: fileOf('big1.csv', rows) });
    importFile(db, { path: fileOf('big2.csv', rows.map((i) => i + 100_000)) });
    db.close();
    const backup = listBackups(file)[0].file;
    const outcomes: string[] = [];
    // From 60 ms: on an idle machine the built command restores in about 0.3 s, so later delays never cut it short.
    for (const ms of [60, 120, 200, 300, 600, 1000, 1500]) {
      const dir = tempDir();
      const target = path.join(dir, 'workspace.sqlite');
      fs.copyFileSync(file, target);
      fs.copyFileSync(backup, path.join(dir, path.basename(backup)));
      outcomes.push(await killAfter(['db', 'restore', path.join(dir, path.basename(backup)), '--db', target], ms));
      const count = datasetCount(target);
      expect([1, 2]).toContain(count);
      const ws = openWorkspace(target, { create: false });
      expect(checkWorkspace(ws).ok).toBe(true);
      ws.close();
    }
    // The delays straddle the command: some runs were cut short.
    expect(outcomes).toContain('killed');
  });

  it('during a migration', async () => {
    const outcomes: string[] = [];
    // The built command starts in about 0.25 s and migrates this workspace in a fraction of that: the
    // delays start early enough that some runs are cut short, whichever way the command is started.
    for (const ms of [60, 120, 180, 240, 300, 600, 1000, 2000]) {
      const file = tempDb();
      oldWorkspace(file, 1, 2000);
      const before = contents(file).get('fatality');
      outcomes.push(await killAfter(['datasets', '--db', file], ms));
      const raw = new Database(file, { readonly: true });
      const version = raw.pragma('user_version', { simple: true });
      raw.close();
      expect([1, latestSchemaVersion()]).toContain(version);
      expect(contents(file).get('fatality')).toEqual(before);
      const ws = openWorkspace(file, { create: false });
      expect(checkWorkspace(ws).ok).toBe(true);
      ws.close();
    }
    expect(outcomes).toContain('killed');
  });
});

describe('backups from a page (serve mode and the app): the same operations', () => {
  it('lists the open workspace’s backups and restores one; names no other file', async () => {
    const { Session } = await import('../../electron/core/session');
    const { operationsFor } = await import('../../electron/core/operations');
    const { dispatch } = await import('../../electron/core/dispatch');
    const dataDir = tempDir();
    const file = path.join(dataDir, 'workspace.sqlite');
    const session = new Session(file, dataDir);
    try {
      const ops = operationsFor(session);
      importFile(session.db, { path: fileOf('p1.csv', [1]) });
      importFile(session.db, { path: fileOf('p2.csv', [2]) });
      // A cross-tab first, so the cross-tab worker holds its own connection to the file.
      expect((await dispatch(ops, 'crossTab', { measure: 'fatalities' })).ok).toBe(true);
      const listed = await dispatch(ops, 'workspaceBackups', {});
      expect(listed.ok && (listed.value as { file: string }[]).length).toBe(1);
      const backup = (listed as { value: { file: string }[] }).value[0].file;

      const restored = await dispatch(ops, 'workspaceRestore', { file: backup });
      expect(restored.ok).toBe(true);
      expect((restored as { value: { datasets: unknown[] } }).value.datasets).toHaveLength(1);
      const t = await dispatch(ops, 'crossTab', { measure: 'fatalities' });
      expect((t as { value: { grandTotal: number } }).value.grandTotal).toBe(1);
      // The workspace as it was is now the newest backup: the restore can be undone the same way.
      expect(datasetCount(session.backups()[0].file)).toBe(2);

      const elsewhere = await dispatch(ops, 'workspaceRestore', { file: path.join(tempDir(), 'x.backup') });
      expect(elsewhere).toMatchObject({ ok: false, status: 400 });
      expect((elsewhere as { error: { message: string } }).error.message).toMatch(/not a backup of/);
    } finally {
      session.close();
    }
  });

  it('a damaged workspace with a backup: the message names the backup that brings it back', () => {
    const file = tempDb();
    const db = openWorkspace(file);
    importFile(db, { path: fileOf('d1.csv', [1]) });
    importFile(db, { path: fileOf('d2.csv', [2]) });
    db.close();
    const newest = listBackups(file)[0];
    fs.writeFileSync(file, Buffer.alloc(100, 0xa5), { flag: 'r+' });
    const r = bluehelm(['datasets', '--db', file]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `bluehelm: ${file}: the workspace file is damaged (file is not a database); nothing was changed. The backup taken ${newest.takenAt} brings it back: bluehelm db restore ${newest.file} --db ${file}\n`,
    );
    expect(bluehelm(['db', 'restore', newest.file, '--db', file]).code).toBe(0);
    expect(datasetCount(file)).toBe(1);
  });
});

describe('a damaged workspace at start (the app asks; serve and the CLI name the command)', () => {
  function damagedWithBackup(): { dataDir: string; file: string } {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'workspace.sqlite');
    const db = openWorkspace(file);
    importFile(db, { path: fileOf('s1.csv', [1]) });
    importFile(db, { path: fileOf('s2.csv', [2]) });
    db.close();
    fs.writeFileSync(file, Buffer.alloc(100, 0xa5), { flag: 'r+' });
    return { dataDir, file };
  }

  it('on yes: the newest backup is restored and the session opens on it; the damaged file is kept as a backup', async () => {
    const { openSession } = await import('../../electron/core/session');
    const { dataDir, file } = damagedWithBackup();
    const asked: string[] = [];
    const session = await openSession(file, async (problem) => (asked.push(problem), true), dataDir);
    try {
      expect(asked).toHaveLength(1);
      expect(asked[0]).toMatch(/the workspace file is damaged \(file is not a database\)/);
      expect(session.current.datasets()).toHaveLength(1);
      expect(listBackups(file)).toHaveLength(2);
    } finally {
      session.close();
    }
  });

  it('on no: the one-line refusal, and the file left as it was', async () => {
    const { openSession } = await import('../../electron/core/session');
    const { dataDir, file } = damagedWithBackup();
    const before = fs.readFileSync(file);
    await expect(openSession(file, async () => false, dataDir)).rejects.toThrow(/the workspace file is damaged/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('in the app: the core host asks its caller through the transport, and opens on the restored backup', async () => {
    const { startCoreThread } = await import('../../electron/core/core-thread');
    const { file } = damagedWithBackup();
    const asked: string[] = [];
    const core = startCoreThread({ named: file }, { offerRestore: async (problem: string, takenAt: string) => (asked.push(`${takenAt}: ${problem}`), true) });
    try {
      await core.ready;
      expect(asked).toHaveLength(1);
      expect(asked[0]).toMatch(/the workspace file is damaged/);
      const info = await core.call('workspaceInfo', {});
      expect(info.ok && (info.value as { datasets: unknown[] }).datasets).toHaveLength(1);
    } finally {
      await core.terminate();
    }
  });
});
