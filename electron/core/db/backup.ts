import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './open';

// Backups of a workspace, in its own folder, named by time: taken before every migration and every
// import that adds to a workspace holding data, the last KEEP kept. A backup is a whole, consistent
// workspace file: VACUUM INTO reads one snapshot (under a read transaction, so an import committing
// meanwhile is either wholly in it or not at all) and writes a compact copy. better-sqlite3's online
// backup API is asynchronous only, and migrations and imports run synchronously inside their thread,
// so VACUUM INTO is the snapshot both can take in place.

export const KEEP = 5;
const SUFFIX = '.backup';

export interface BackupEntry {
  file: string;
  /** When it was taken (UTC, ISO). */
  takenAt: string;
  bytes: number;
}

/** workspace.sqlite → workspace.sqlite.2026-12-01T06-57-00-123Z.backup */
function stampOf(date: Date): string {
  return date.toISOString().replace(/:/g, '-').replace('.', '-');
}

function isBackupOf(workspace: string, name: string): boolean {
  const base = path.basename(workspace);
  return name.startsWith(`${base}.`) && name.endsWith(SUFFIX) && /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(-\d+)?$/.test(name.slice(base.length + 1, -SUFFIX.length));
}

/** The backups of a workspace, newest first. */
export function listBackups(workspace: string): BackupEntry[] {
  const dir = path.dirname(path.resolve(workspace));
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => isBackupOf(workspace, name))
    .sort()
    .reverse()
    .map((name) => {
      const file = path.join(dir, name);
      const s = name.slice(path.basename(workspace).length + 1, -SUFFIX.length).slice(0, 24);
      const takenAt = `${s.slice(0, 10)}T${s.slice(11, 13)}:${s.slice(14, 16)}:${s.slice(17, 19)}.${s.slice(20, 23)}Z`;
      return { file, takenAt, bytes: fs.statSync(file).size };
    });
}

/** A free backup name for now (two backups in one millisecond get -1, -2…). */
function nextBackupName(workspace: string): string {
  const base = `${path.resolve(workspace)}.${stampOf(new Date())}`;
  let file = base + SUFFIX;
  for (let i = 1; fs.existsSync(file); i++) file = `${base}-${i}${SUFFIX}`;
  return file;
}

function prune(workspace: string): void {
  for (const old of listBackups(workspace).slice(KEEP)) fs.rmSync(old.file, { force: true });
}

/**
 * Runs a change to a workspace holding data with a backup of it taken first. The last KEEP backups
 * are kept once the change is made; a change that fails (a refused import) changed nothing, so its
 * backup goes again instead of pushing an older one out.
 */
export function withBackup<T>(db: Db, change: () => T): T {
  if (!worthBackingUp(db)) return change();
  const backup = backupWorkspace(db);
  let result: T;
  try {
    result = change();
  } catch (e) {
    fs.rmSync(backup, { force: true });
    throw e;
  }
  prune(db.name);
  return result;
}

/** Writes a backup of the open workspace, under a temporary name and renamed, so a backup that is listed is always whole. */
function backupWorkspace(db: Db): string {
  const target = nextBackupName(db.name);
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  db.prepare('VACUUM INTO ?').run(partial);
  const fd = fs.openSync(partial, 'r');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(partial, target);
  return target;
}

/** Whether a workspace holds anything worth a backup (a file on disk with at least one dataset). */
function worthBackingUp(db: Db): boolean {
  if (db.memory || db.name === '') return false;
  const tables = db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'dataset'`).pluck().get() as number;
  return tables === 1 && db.prepare(`SELECT EXISTS (SELECT 1 FROM dataset)`).pluck().get() === 1;
}

export class RestoreRefused extends Error {}

/**
 * Brings a backup back as the workspace. The current file is first kept aside as the newest backup
 * (hard-linked, so no copy), its WAL folded in; the backup is copied beside the workspace and renamed
 * over it in one step, so a crash at any point leaves either the old workspace or the restored one.
 * The workspace must not be open elsewhere (close the app and serve mode first).
 */
export function restoreBackup(workspace: string, backup: string, verify: (file: string) => void): { keptAside: string | null } {
  const target = path.resolve(workspace);
  const source = path.resolve(backup);
  if (!fs.existsSync(source)) throw new RestoreRefused(`${backup}: no such backup`);
  verify(source);
  let keptAside: string | null = null;
  if (fs.existsSync(target)) {
    foldWal(target);
    keptAside = nextBackupName(target);
    try {
      fs.linkSync(target, keptAside);
    } catch {
      fs.copyFileSync(target, keptAside);
    }
  }
  const incoming = `${target}.restoring`;
  fs.copyFileSync(source, incoming);
  const fd = fs.openSync(incoming, 'r');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(incoming, target);
  syncDir(path.dirname(target));
  prune(target);
  return { keptAside };
}

/**
 * Moves every committed page of the workspace's WAL into the file, so the file alone is the workspace
 * (a stale -wal beside a restored file would be replayed into it). A file SQLite cannot open has its
 * -wal and -shm moved aside instead.
 */
function foldWal(file: string): void {
  try {
    const db = new Database(file, { fileMustExist: true });
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
  } catch {
    const stamp = stampOf(new Date());
    for (const extra of ['-wal', '-shm']) if (fs.existsSync(file + extra)) fs.renameSync(file + extra, `${file}${extra}.${stamp}.aside`);
  }
}

function syncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch {
    // Windows cannot open a folder to sync it; its rename is durable on its own.
  }
}
