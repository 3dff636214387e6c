import fs from 'node:fs';
import crypto from 'node:crypto';
import path from 'node:path';
import type { Db } from '../db/open';
import { readCsv, CsvSyntaxError } from './csv';
import { LAYOUTS, detectLayout } from './layouts';
import type { ImportResult, Kind, Layout, UpsertOutcome } from './types';
import { workspaceKind } from '../workspace';

/** A file refused as a whole: nothing of it was written. Names the file, line and field. */
export class ImportRefused extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly field: string | null,
    readonly reason: string,
  ) {
    super(`${file}${line !== null ? `:${line}` : ''}: ${field ? `${field}: ` : ''}${reason}`);
    this.name = 'ImportRefused';
  }
}

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
}

const MAX_REPORTED = 50;

function sourceName(source: ImportSource): string {
  return 'path' in source ? path.basename(source.path) : source.fileName;
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

  const sha256 = sha256Of(source);
  const known = db.prepare(`SELECT * FROM dataset WHERE sha256 = ?`).get(sha256) as Record<string, any> | undefined;
  if (known) {
    const rejects = db.prepare(`SELECT line, field, reason FROM reject WHERE dataset_id = ? ORDER BY line LIMIT ?`).all(known.id, MAX_REPORTED) as ImportResult['rejects'];
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
      dataset_id: known.id,
      already_imported: true,
      synthetic: known.synthetic === 1,
      rejects,
      changes: [],
    };
  }

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
    dataset_id: null,
    already_imported: false,
    synthetic,
    rejects: [],
    changes: [],
  };

  let layout: Layout<unknown> | undefined;
  let normalise: ((fields: string[]) => ReturnType<ReturnType<Layout<unknown>['reader']>>) | undefined;
  let store: ReturnType<Layout<unknown>['store']> | undefined;
  let width = 0;
  let datasetId = 0;
  let lastUpdate: string | undefined;
  let header: string[] = [];
  /** First line of each key seen in this file, and its fields where duplicates are refused (to say how they differ). */
  const firstLine = new Map<string, number>();
  const firstFields = new Map<string, string[]>();
  const insertReject = db.prepare(`INSERT INTO reject (dataset_id, line, field, reason, raw) VALUES (?, ?, ?, ?, ?)`);

  const reject = (line: number, field: string, reason: string, fields: string[]) => {
    result.rejected++;
    insertReject.run(datasetId, line, field, reason, fields.join(','));
    if (result.rejects.length < MAX_REPORTED) result.rejects.push({ line, field, reason });
  };

  /** Counts what storing a row did (at once, or when the store writes the batch holding it). */
  const settle = (outcome: UpsertOutcome) => {
    if (outcome.outcome === 'inserted') result.inserted++;
    else if (outcome.outcome === 'unchanged') result.unchanged++;
    else if (outcome.outcome === 'updated') {
      result.updated++;
      if (result.changes.length < MAX_REPORTED) result.changes.push({ key: outcome.key, fields: outcome.fields });
    }
  };

  const onRecord = (fields: string[], line: number) => {
    if (!layout) {
      layout = detectLayout(fields);
      if (!layout) {
        throw new ImportRefused(file, line, 'header', `not a layout Bluehelm knows (header: ${fields.slice(0, 8).join(', ')}…); expected one of: ${LAYOUTS.map((l) => l.name).join(', ')}`);
      }
      if (options.kind && options.kind !== 'auto' && options.kind !== layout.kind) {
        throw new ImportRefused(file, line, 'header', `this is a ${layout.kind} file (${layout.name}), not ${options.kind}`);
      }
      result.kind = layout.kind;
      result.layout = layout.name;
      normalise = layout.reader(fields);
      store = layout.store(db, settle);
      width = fields.length;
      header = fields;
      datasetId = Number(
        db
          .prepare(
            `INSERT INTO dataset (file_name, sha256, kind, layout, imported_at, rows_read, inserted, updated, unchanged, rejected, synthetic)
             VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, 0, ?)`,
          )
          .run(file, sha256, layout.kind, layout.name, new Date().toISOString(), synthetic ? 1 : 0).lastInsertRowid,
      );
      result.dataset_id = datasetId;
      return;
    }
    result.rows_read++;
    if (options.shouldCancel && (result.rows_read & 1023) === 0 && options.shouldCancel()) throw new ImportCancelled(file);
    if (fields.length !== width) {
      reject(line, '(row)', `has ${fields.length} fields; the header has ${width}`, fields);
      return;
    }
    const n = normalise!(fields);
    if (n.ok === 'skip') {
      result.skipped++;
      return;
    }
    if (!n.ok) {
      reject(line, n.problem.field, n.problem.reason, fields);
      return;
    }
    if (layout.duplicates === 'reject') {
      const key = layout.key(n.row);
      const first = firstLine.get(key);
      if (first !== undefined) {
        const earlier = firstFields.get(key)!;
        const differs = header.filter((h, i) => !layout!.rowNumberColumns?.includes(h.trim().toLowerCase()) && earlier[i].trim() !== fields[i].trim());
        const how = differs.length ? `listed again with a different ${differs.join(', ')}` : 'an exact repeat';
        reject(line, 'key', `same ${key} as line ${first} (${how}); the first is kept`, fields);
        return;
      }
      firstLine.set(key, line);
      firstFields.set(key, fields);
    }
    const lu = layout.lastUpdate?.(n.row);
    if (lu && (!lastUpdate || lu > lastUpdate)) lastUpdate = lu;
    const outcome = store!.upsert(n.row, datasetId, line);
    if (outcome) settle(outcome);
  };

  // A large page cache keeps the growing indexes in memory through a million-row import; durability is unchanged (WAL, synchronous=FULL at commit).
  db.pragma('cache_size = -131072');
  db.exec('BEGIN IMMEDIATE');
  try {
    const readFrom = 'path' in source ? { path: source.path } : { bytes: source.bytes };
    // The file's hash is known already (sha256Of): reading it again only parses.
    readCsv(readFrom, onRecord, options.onProgress, { hash: false });
    if (!layout) throw new ImportRefused(file, 1, 'header', 'the file is empty');
    store!.flush?.();
    store!.finish?.(datasetId);
    db.prepare(
      `UPDATE dataset SET rows_read = ?, inserted = ?, updated = ?, unchanged = ?, rejected = ?, skipped = ?, last_update = ? WHERE id = ?`,
    ).run(result.rows_read, result.inserted, result.updated, result.unchanged, result.rejected, result.skipped, lastUpdate ?? null, datasetId);
    db.exec('COMMIT');
  } catch (e) {
    db.exec('ROLLBACK');
    if (e instanceof CsvSyntaxError) throw new ImportRefused(file, e.line, '(csv)', e.message);
    throw e;
  }
  return result;
}
