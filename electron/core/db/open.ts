import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { appRoot, rootPath } from '../paths';
import { chooseNativeBinding } from './native-binding';
import { syncReference } from '../reference/sync';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Skip refreshing reference tables (workers reading a workspace the main connection already opened). */
  skipReference?: boolean;
}

function migrationFiles(): { version: number; name: string; sql: string }[] {
  const dir = rootPath('electron', 'core', 'db', 'migrations');
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}-.*\.sql$/.test(f))
    .sort()
    .map((name) => ({ version: Number(name.slice(0, 3)), name, sql: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

/** Applies every numbered migration newer than the file's user_version, all in one transaction. */
export function migrate(db: Db): number[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrationFiles().filter((m) => m.version > current);
  if (pending.length === 0) return [];
  db.transaction(() => {
    for (const m of pending) db.exec(m.sql);
    db.pragma(`user_version = ${pending[pending.length - 1].version}`);
  }).immediate();
  return pending.map((m) => m.version);
}

export function openWorkspace(file: string, options: OpenOptions = {}): Db {
  if (!options.readonly) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const { nativeBinding } = chooseNativeBinding(process.versions, appRoot());
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false, nativeBinding });
  // One writer at a time, readers never blocked (WAL); FULL sync so a power cut never loses a committed import.
  db.pragma('busy_timeout = 10000');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
  if (!options.readonly) {
    migrate(db);
    if (!options.skipReference) syncReference(db);
  }
  return db;
}

export interface IntegrityReport {
  ok: boolean;
  integrity: string[];
  foreignKeys: { table: string; rowid: number | null; parent: string }[];
  userVersion: number;
}

export function checkWorkspace(db: Db): IntegrityReport {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  const foreignKeys = db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[];
  return {
    ok: integrity.length === 1 && integrity[0] === 'ok' && foreignKeys.length === 0,
    integrity,
    foreignKeys,
    userVersion: db.pragma('user_version', { simple: true }) as number,
  };
}
