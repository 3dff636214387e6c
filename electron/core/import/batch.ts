import type { UpsertOutcome } from './types';

export const INSERTED: UpsertOutcome = { outcome: 'inserted' };
export const UNCHANGED: UpsertOutcome = { outcome: 'unchanged' };

/** What one fact table tells the batcher about its rows. */
export interface BatchTable<R, Old> {
  /** Rows per multi-row INSERT. */
  batch: number;
  /** Writes a full batch with one INSERT … ON CONFLICT DO NOTHING; returns how many rows it inserted. */
  insertBatch(rows: R[], datasetId: number, lines: number[]): number;
  /** The same for one row; returns 1 when inserted. */
  insertOne(row: R, datasetId: number, line: number): number;
  /** The stored row under this row's key, and the dataset and line it was stored from. */
  existing(row: R): { old: Old; datasetId: number; line: number };
  /** Compares a row with the stored one under its key, updating it where it should. */
  merge(row: R, datasetId: number, line: number, old: Old): UpsertOutcome;
}

/**
 * Stores rows in batches. New keys (nearly all rows of a first import) go in one multi-row INSERT per
 * batch; when a batch inserts fewer rows than it holds, its rows are looked at again in file order: a
 * row now stored under its own dataset and line was inserted, any other met a row stored before (or
 * earlier in this file) and is merged exactly as a row stored one at a time would be.
 */
export function batchedStore<R, Old>(table: BatchTable<R, Old>, settle: (outcome: UpsertOutcome) => void) {
  const held: R[] = [];
  const lines: number[] = [];
  let dataset = 0;

  const resolve = (row: R, line: number) => {
    const stored = table.existing(row);
    settle(stored.datasetId === dataset && stored.line === line ? INSERTED : table.merge(row, dataset, line, stored.old));
  };

  const flush = () => {
    const n = held.length;
    if (n === 0) return;
    if (n === table.batch) {
      if (table.insertBatch(held, dataset, lines) === n) for (let i = 0; i < n; i++) settle(INSERTED);
      else for (let i = 0; i < n; i++) resolve(held[i], lines[i]);
    } else {
      for (let i = 0; i < n; i++) {
        if (table.insertOne(held[i], dataset, lines[i]) === 1) settle(INSERTED);
        else resolve(held[i], lines[i]);
      }
    }
    held.length = 0;
    lines.length = 0;
  };

  return {
    /** Holds the row; its outcome is settled when its batch is written (so this returns null). */
    upsert(row: R, datasetId: number, line: number): null {
      dataset = datasetId;
      held.push(row);
      lines.push(line);
      if (held.length === table.batch) flush();
      return null;
    },
    flush,
  };
}
