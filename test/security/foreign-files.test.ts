import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, latestSchemaVersion, openWorkspace } from '../../electron/core/db/open';
import { Session } from '../../electron/core/session';
import { CLI, FIXTURES, tempDb, tempDir } from '../helpers';

function bluehelm(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Every file of a folder with its hash: "unchanged" means byte for byte, and no file added (no -wal, no -shm). */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir).map((f) => [f, sha(path.join(dir, f))]));
}

/** Another application's SQLite file: a browser history, a password manager… */
function foreignDb(): string {
  const file = path.join(tempDir(), 'places.db');
  const db = new Database(file);
  db.exec(`CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places (url) VALUES ('https://example.org');`);
  db.close();
  return file;
}

function newerWorkspace(): string {
  const file = tempDb();
  openWorkspace(file).close();
  const db = new Database(file);
  db.pragma(`user_version = ${latestSchemaVersion() + 1}`);
  db.close();
  return file;
}

const READ_COMMANDS = [['db', 'check'], ['datasets'], ['crosstab', '--measure', 'fatalities', '--rows', 'year'], ['reconcile']];

describe('foreign and future files (finding 3)', () => {
  it('a new workspace carries Bluehelm’s application_id and a format row', () => {
    const file = tempDb();
    const db = openWorkspace(file);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.prepare(`SELECT value FROM workspace_meta WHERE key = 'format'`).pluck().get()).toBe('bluehelm-workspace');
    db.close();
  });

  it('another application’s SQLite file is refused by every command, and left byte for byte as it was', () => {
    const file = foreignDb();
    const before = snapshot(path.dirname(file));
    for (const args of [['import', path.join(FIXTURES, 'fatalities-titlecase.csv')], ...READ_COMMANDS]) {
      const r = bluehelm([...args, '--db', file]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toBe(`bluehelm: ${file}: not a Bluehelm workspace (a SQLite database of another application, with tables moz_places); nothing was changed\n`);
    }
    expect(snapshot(path.dirname(file))).toEqual(before);
  });

  it('a file that is not SQLite at all is refused, unchanged', () => {
    const file = path.join(tempDir(), 'notes.db');
    fs.writeFileSync(file, 'just some text, not a database\n'.repeat(200));
    const before = snapshot(path.dirname(file));
    const r = bluehelm(['import', path.join(FIXTURES, 'fatalities-titlecase.csv'), '--db', file]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`bluehelm: ${file}: not a Bluehelm workspace (not a SQLite database, or its header is damaged); nothing was changed\n`);
    expect(snapshot(path.dirname(file))).toEqual(before);
  });

  it('a workspace of a newer Bluehelm is refused, unchanged', () => {
    const file = newerWorkspace();
    const before = snapshot(path.dirname(file));
    for (const args of [['import', path.join(FIXTURES, 'fatalities-titlecase.csv')], ...READ_COMMANDS]) {
      const r = bluehelm([...args, '--db', file]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toBe(
        `bluehelm: ${file}: written by a newer Bluehelm (schema version ${latestSchemaVersion() + 1}; this one knows up to ${latestSchemaVersion()}); open it with that version. Nothing was changed\n`,
      );
    }
    expect(snapshot(path.dirname(file))).toEqual(before);
  });

  it('read-only commands never create a workspace where none is', () => {
    const dir = tempDir();
    const file = path.join(dir, 'typo.sqlite');
    for (const args of READ_COMMANDS) {
      const r = bluehelm([...args, '--db', file]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toBe(`bluehelm: ${file}: no workspace here (bluehelm import FILE --db ${file} creates one)\n`);
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a page in serve mode cannot open another application’s *.db in the app-data folder, nor create a file by naming it', () => {
    const dataDir = tempDir();
    const own = path.join(dataDir, 'workspace.sqlite');
    const session = new Session(own, dataDir);
    try {
      const foreign = path.join(dataDir, 'other-app.db');
      fs.copyFileSync(foreignDb(), foreign);
      const before = sha(foreign);
      expect(() => session.openFromPage(foreign)).toThrow(/not a Bluehelm workspace/);
      expect(sha(foreign)).toBe(before);
      const missing = path.join(dataDir, 'new-file.db');
      expect(() => session.openFromPage(missing)).toThrow(/no workspace here/);
      expect(fs.existsSync(missing)).toBe(false);
      expect(session.current.path).toBe(own);
    } finally {
      session.close();
    }
  });

  it('a workspace made before application_id was set is still recognised, and stamped when opened for writing', () => {
    const file = tempDb();
    openWorkspace(file).close();
    const raw = new Database(file);
    raw.pragma('application_id = 0');
    raw.exec(`DELETE FROM workspace_meta WHERE key = 'format'`);
    raw.close();
    const db = openWorkspace(file);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
  });
});
