import fs from 'node:fs';
import crypto from 'node:crypto';
import path from 'node:path';
import type { Db } from '../db/open';
import { withBackup } from '../db/backup';
import { readCsv, CsvSyntaxError } from './csv';
import { CsvReader } from './parallel';
import { canBlockHere } from '../threads';
import { heldBackProgress } from './progress';
import { storedRejects } from './rejects';
import { storeRejectReason } from '../../../shared/rejects';
import { fileRecords, ImportRefused, type RecordSink, type RecordTotals } from './records';
import type { ImportResult, Kind, Layout, UpsertOutcome } from './types';
import { workspaceKind } from '../workspace';

export { ImportRefused };

export class ImportCancelled extends Error {
  constructor(readonly file: string) {
    super(`${file}: import cancelled; nothing was written`);
    this.name = 'ImportCancelled';
  }
}

export type ImportSource = { path: string } | { fileName: string; bytes: Uint8Array };

export interface ImportOptions {
  kind?: Kind | 'auto';
  synthetic?: boolean;
  onProgress?: (doneBytes: number, totalBytes: number) => void;
  shouldCancel?: () => boolean;
  /**
   * Read and judge the file in a worker thread while this thread writes. By default only for files of
   * PARALLEL_FROM bytes or more: below that, starting the thread costs more than it saves.
   */
  parallel?: boolean;
}

export const PARALLEL_FROM = 8 << 20;

const MAX_REPORTED = 50;

function sourceName(source: ImportSource): string {
  return 'path' in source ? path.basename(source.path) : source.fileName;
}

function sizeOf(source: ImportSource): number {
  return 'bytes' in source ? source.bytes.length : fs.statSync(source.path).size;
}

function sha256Of(source: ImportSource): string {
  const hash = crypto.createHash('sha256');
  if ('bytes' in source) return hash.update(source.bytes).digest('hex');
  const fd = fs.openSync(source.path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Imports one file as one transaction: every usable row is inserted or updated by its natural key,
 * every unusable row is kept in `reject` with its line and reason, and the file enters the registry.
 * A file already imported (same sha256) changes nothing.
 */
export function importFile(db: Db, source: ImportSource, options: ImportOptions = {}): ImportResult {
  const file = sourceName(source);
  if ('path' in source && !fs.existsSync(source.path)) throw new ImportRefused(source.path, null, null, 'no such file');
  if ('path' in source && !fs.statSync(source.path).isFile()) throw new ImportRefused(source.path, null, null, 'a folder, not a file; nothing was imported');
  const synthetic = options.synthetic ?? false;
  const wsKind = workspaceKind(db);
  if (wsKind === 'demo' && !synthetic) {
    throw new ImportRefused(
      file,
      null,
      null,
      'this is the synthetic demo workspace; real data never goes into it. Start a workspace of your own (bluehelm import FILE --db my-workspace.sqlite, or "New workspace" in the app) and import there.',
    );
  }
  if (wsKind === 'real' && synthetic) {
    throw new ImportRefused(file, null, null, 'this workspace holds real data; synthetic data goes into a demo workspace of its own (bluehelm demo --db demo.sqlite)');
  }

  // The reader starts first: it parses while this thread hashes the file and looks the hash up.
  const reader = (options.parallel ?? sizeOf(source) >= PARALLEL_FROM) && canBlockHere() ? new CsvReader(file, options.kind, 'path' in source ? { path: source.path } : { bytes: source.bytes }) : undefined;
  try {
    return importRecords(db, source, file, synthetic, options, reader);
  } finally {
    reader?.stop();
  }
}

/** What importing a file whose content is already in the workspace did: nothing. */
function alreadyImported(db: Db, file: string, sha256: string): ImportResult | undefined {
  const known = db.prepare(`SELECT * FROM dataset WHERE sha256 = ?`).get(sha256) as Record<string, any> | undefined;
  if (!known) return undefined;
  const rejects = storedRejects(db, known.id, MAX_REPORTED).map(({ line, field, reason }) => ({ line, field, reason }));
  return {
    kind: known.kind,
    layout: known.layout,
    file,
    sha256,
    rows_read: known.rows_read,
    inserted: 0,
    updated: 0,
    unchanged: known.rows_read - known.rejected - known.skipped,
    rejected: known.rejected,
    skipped: known.skipped,
    matched_by_name: 0,
    dataset_id: known.id,
    already_imported: true,
    synthetic: known.synthetic === 1,
    rejects,
    changes: [],
  };
}

function importRecords(db: Db, source: ImportSource, file: string, synthetic: boolean, options: ImportOptions, reader: CsvReader | undefined): ImportResult {
  const sha256 = sha256Of(source);
  const known = alreadyImported(db, file, sha256);
  if (known) return known;
  // The workspace as it was before this file, kept beside it (the demo is regenerated, never backed up).
  if (synthetic) return writeRecords(db, source, file, sha256, synthetic, options, reader);
  return withBackup(db, () => writeRecords(db, source, file, sha256, synthetic, options, reader));
}

function writeRecords(db: Db, source: ImportSource, file: string, sha256: string, synthetic: boolean, options: ImportOptions, reader: CsvReader | undefined): ImportResult {
  const result: ImportResult = {
    kind: 'fatalities',
    layout: '',
    file,
    sha256,
    rows_read: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    skipped: 0,
    matched_by_name: 0,
    dataset_id: null,
    already_imported: false,
    synthetic,
    rejects: [],
    changes: [],
  };

  let store: ReturnType<Layout<unknown>['store']> | undefined;
  let matchedByName: Layout<unknown>['matchedByName'];
  let datasetId = 0;
  let stored = 0;
  const insertReject = db.prepare(`INSERT INTO reject (dataset_id, line, field, reason, raw) VALUES (?, ?, ?, ?, ?)`);

  /** Counts what storing a row did (at once, or when the store writes the batch holding it). */
  const settle = (outcome: UpsertOutcome) => {
    if (outcome.outcome === 'inserted') result.inserted++;
    else if (outcome.outcome === 'unchanged') result.unchanged++;
    else if (outcome.outcome === 'updated') {
      result.updated++;
      if (result.changes.length < MAX_REPORTED) result.changes.push({ key: outcome.key, fields: outcome.fields });
    }
  };

  const sink: RecordSink = {
    layout(layout) {
      result.kind = layout.kind;
      result.layout = layout.name;
      store = layout.store(db, settle);
      matchedByName = layout.matchedByName;
      datasetId = Number(
        db
          .prepare(
            `INSERT INTO dataset (file_name, sha256, kind, layout, imported_at, rows_read, inserted, updated, unchanged, rejected, synthetic)
             VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, 0, ?)`,
          )
          .run(file, sha256, layout.kind, layout.name, new Date().toISOString(), synthetic ? 1 : 0).lastInsertRowid,
      );
      result.dataset_id = datasetId;
    },
    row(row, line) {
      if (options.shouldCancel && (++stored & 1023) === 0 && options.shouldCancel()) throw new ImportCancelled(file);
      if (matchedByName?.(row)) result.matched_by_name++;
      const outcome = store!.upsert(row, datasetId, line);
      if (outcome) settle(outcome);
    },
    reject(line, field, reason, raw) {
      result.rejected++;
      insertReject.run(datasetId, line, field, storeRejectReason(reason), raw);
      if (result.rejects.length < MAX_REPORTED) result.rejects.push({ line, field, reason });
    },
  };

  // A large page cache keeps the growing indexes in memory through a million-row import; durability is unchanged (WAL, synchronous=FULL at commit).
  db.pragma('cache_size = -131072');
  db.exec('BEGIN IMMEDIATE');
  try {
    // Another import of the same file (another process, at the same moment) may have committed while
    // this one read: now that this one holds the write lock, the registry says for sure.
    const meanwhile = alreadyImported(db, file, sha256);
    if (meanwhile) {
      db.exec('ROLLBACK');
      return meanwhile;
    }
    let totals: RecordTotals & { hasLayout: boolean };
    if (reader) {
      totals = reader.drain(sink, (done, total) => {
        if (options.shouldCancel?.()) throw new ImportCancelled(file);
        options.onProgress?.(done, total);
      });
    } else {
      const records = fileRecords(file, options.kind, sink);
      // The file's hash is known already (sha256Of): reading it again only parses.
      const progress = heldBackProgress(records.holdsBack, (done, total) => options.onProgress?.(done, total));
      readCsv('path' in source ? { path: source.path } : { bytes: source.bytes }, records.onRecord, progress.reading, { hash: false });
      records.finish(progress.writing);
      totals = { ...records.totals, hasLayout: records.hasLayout() };
    }
    if (!totals.hasLayout) throw new ImportRefused(file, 1, 'header', 'the file is empty');
    // A header alone registers nothing: an empty dataset would be listed among a view's sources.
    if (totals.rowsRead === 0) throw new ImportRefused(file, null, null, 'the file has a header but no rows; nothing was imported');
    result.rows_read = totals.rowsRead;
    result.skipped = totals.skipped;
    store!.flush?.();
    store!.finish?.(datasetId);
    db.prepare(
      `UPDATE dataset SET rows_read = ?, inserted = ?, updated = ?, unchanged = ?, rejected = ?, skipped = ?, last_update = ? WHERE id = ?`,
    ).run(result.rows_read, result.inserted, result.updated, result.unchanged, result.rejected, result.skipped, totals.lastUpdate ?? null, datasetId);
    db.exec('COMMIT');
  } catch (e) {
    db.exec('ROLLBACK');
    if (e instanceof CsvSyntaxError) throw new ImportRefused(file, e.line, '(csv)', e.message);
    throw e;
  }
  return result;
}
