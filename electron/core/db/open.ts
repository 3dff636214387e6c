import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { appRoot, rootPath } from '../paths';
import { chooseNativeBinding } from './native-binding';
import { syncReference } from '../reference/sync';
import { WorkspaceDamaged, WorkspaceRefused } from './errors';
import { listBackups, withBackup } from './backup';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Skip refreshing reference tables (workers reading a workspace the main connection already opened). */
  skipReference?: boolean;
  /** Create the workspace when no file is there (import, demo, a new workspace); readers never do. */
  create?: boolean;
}

/** SQLite's application_id of every Bluehelm workspace: "BLHM". */
export const APPLICATION_ID = 0x424c484d;
/** The workspace_meta row that, with the application_id, says the file is a Bluehelm workspace. */
const FORMAT = 'bluehelm-workspace';

function migrationFiles(): { version: number; name: string; sql: string }[] {
  const dir = rootPath('electron', 'core', 'db', 'migrations');
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}-.*\.sql$/.test(f))
    .sort()
    .map((name) => ({ version: Number(name.slice(0, 3)), name, sql: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

export function latestSchemaVersion(): number {
  return Math.max(0, ...migrationFiles().map((m) => m.version));
}

/**
 * Applies every numbered migration newer than the file's user_version, all in one transaction, and
 * stamps the file as a Bluehelm workspace (application_id and the format row) in that same transaction.
 */
export function migrate(db: Db, options: { upTo?: number } = {}): number[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrationFiles().filter((m) => m.version > current && m.version <= (options.upTo ?? Infinity));
  const stamped = db.pragma('application_id', { simple: true }) === APPLICATION_ID;
  if (pending.length === 0 && stamped) return [];
  const apply = db.transaction(() => {
    for (const m of pending) db.exec(m.sql);
    // A migration that rebuilds a table (SQLite's only way to change some of its schema) drops the
    // old one with foreign keys off: every reference must hold again before anything is committed.
    const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
    if (broken.length) throw new Error(`migration left ${broken.length} broken references (${broken[0].table} → ${broken[0].parent}); nothing was changed`);
    if (pending.length) db.pragma(`user_version = ${pending[pending.length - 1].version}`);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.prepare(`INSERT INTO workspace_meta (key, value) VALUES ('format', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(FORMAT);
  });
  // Foreign keys can be switched only outside a transaction: off while the migrations run (checked
  // above instead), then back as they were.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    // A migration rewrites tables: the workspace as it was is kept first (a first schema on a blank file has nothing to keep).
    if (pending.length > 0 && current >= 1) withBackup(db, () => apply.immediate());
    else apply.immediate();
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
  return pending.map((m) => m.version);
}

function tablesOf(db: Db): string[] {
  return db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
}

/**
 * Whether the file is a Bluehelm workspace this version can open, read before anything is written:
 * our application_id (or, from before it was set, our own tables), and a schema no newer than ours.
 * A blank file (just created) is fine when the caller creates workspaces.
 */
function recognise(db: Db, file: string, create: boolean): void {
  const refuse = (why: string) => new WorkspaceRefused(`${file}: ${why}; nothing was changed`);
  let appId: number, version: number, tables: string[];
  try {
    appId = db.pragma('application_id', { simple: true }) as number;
    version = db.pragma('user_version', { simple: true }) as number;
    tables = tablesOf(db);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      // With backups beside it, the file was a workspace: damaged, and one of them brings it back.
      if (listBackups(file).length > 0) throw new WorkspaceDamaged(file, (e as Error).message);
      throw refuse('not a Bluehelm workspace (not a SQLite database, or its header is damaged)');
    }
    throw e;
  }
  const ours = appId === APPLICATION_ID || (appId === 0 && version >= 1 && tables.includes('workspace_meta') && tables.includes('dataset'));
  const blank = appId === 0 && version === 0 && tables.length === 0;
  if (blank && create) return;
  if (blank) throw new WorkspaceRefused(`${file}: an empty file, not a Bluehelm workspace; nothing was changed`);
  if (!ours) {
    const what = appId !== 0 ? `application_id 0x${appId.toString(16)}` : `with tables ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''}`;
    throw refuse(`not a Bluehelm workspace (a SQLite database of another application, ${what})`);
  }
  const latest = latestSchemaVersion();
  if (version > latest) {
    throw new WorkspaceRefused(`${file}: written by a newer Bluehelm (schema version ${version}; this one knows up to ${latest}); open it with that version. Nothing was changed`);
  }
  // Damage is found at open where it costs little: the schema and the registry every view reads
  // (a full integrity check is bluehelm db check). Elsewhere it is reported when a query meets it.
  try {
    db.prepare(`SELECT count(*) FROM workspace_meta`).pluck().get();
    db.prepare(`SELECT count(*), max(sha256), max(file_name) FROM dataset`).get();
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) throw new WorkspaceDamaged(file, (e as Error).message);
    throw e;
  }
}

export function openWorkspace(file: string, options: OpenOptions = {}): Db {
  const create = (options.create ?? true) && !options.readonly;
  if (!fs.existsSync(file)) {
    if (!create) throw new WorkspaceRefused(`${file}: no workspace here (bluehelm import FILE --db ${file} creates one)`);
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  } else if (fs.statSync(file).isDirectory()) {
    throw new WorkspaceRefused(`${file}: a folder, not a workspace file`);
  }
  const { nativeBinding } = chooseNativeBinding(process.versions, appRoot());
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: !create, nativeBinding });
  try {
    recognise(db, file, create);
  } catch (e) {
    db.close();
    throw e;
  }
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

/** Refuses a file that is not a sound workspace of this version (before it is restored over one). */
export function verifyWorkspaceFile(file: string): void {
  const db = openWorkspace(file, { readonly: true });
  try {
    const report = checkWorkspace(db);
    if (!report.ok) throw new WorkspaceRefused(`${file}: the backup is damaged (${report.integrity.slice(0, 3).join('; ')}); nothing was restored`);
  } finally {
    db.close();
  }
}
