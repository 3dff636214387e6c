import type { RejectReason, StatehoodChoice } from '../../../shared/rejects';
import type { Db } from '../db/open';

export type Kind = 'fatalities' | 'deployments' | 'ied';

/** A row refused by validation: where it is and which field is wrong. */
export interface RowProblem {
  field: string;
  reason: RejectReason;
}

/** A usable row, a refused one, or one the layout leaves out on purpose (an ACLED event that is not an IED). */
export type Normalized<R> = { ok: true; row: R } | { ok: false; problem: RowProblem } | { ok: 'skip' };

/**
 * What one import layout knows: how to recognise its header, how to turn a CSV record into a
 * fact row, and how to store it. The runner supplies the transaction, the counting and the rejects.
 */
export interface Layout<R> {
  kind: Kind;
  name: string;
  /** True when the (lower-cased, trimmed) header names are this layout's. */
  matches(header: string[]): boolean;
  /** Prepares to read records under this header; returns the per-record normaliser. */
  reader(header: string[]): (fields: string[]) => Normalized<R>;
  /** The natural key of a row; two rows of one file with the same key are a duplicate. */
  key(row: R): string;
  /** A duplicate key in one file is refused, or the later row wins (several reports in one month). */
  duplicates: 'reject' | 'last-wins';
  /** Columns that only number the rows (ignored when saying how a duplicate differs). */
  rowNumberColumns?: string[];
  /**
   * Two rows of one file with the same key: which to keep when the rows themselves decide it (a
   * casualty listed under a country that did not exist on the incident date), and why; undefined keeps the first.
   */
  preferDuplicate?(first: R, second: R): { keep: 'first' | 'second'; why: StatehoodChoice } | undefined;
  /** True for a row whose country code was blank and was found from the country's name. */
  matchedByName?(row: R): boolean;
  /** The file-level "last updated" date, where the layout carries one. */
  lastUpdate?(row: R): string | undefined;
  /** `settle` hears the outcome of every row the store holds back in a batch, in the order the rows came. */
  store(db: Db, settle: (outcome: UpsertOutcome) => void): FactStore<R>;
}

/** What storing one row did, and which fields changed on an update. */
export type UpsertOutcome = { outcome: 'inserted' | 'unchanged' } | { outcome: 'updated'; fields: string[]; key: string };

export interface FactStore<R> {
  /**
   * Inserts or updates one row and says what happened; or holds it in a batch (returns null) and
   * reports its outcome through `settle` when the batch is written, at the latest in flush().
   */
  upsert(row: R, datasetId: number, line: number): UpsertOutcome | null;
  /** Writes any rows held back; their outcomes are settled before it returns. */
  flush?(): void;
  /** Called once after all rows (and flush), inside the transaction (for example to collapse duplicate reports). */
  finish?(datasetId: number): void;
}

export interface ImportResult {
  kind: Kind;
  layout: string;
  file: string;
  sha256: string;
  rows_read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Rows read but out of scope for this layout (not rejected: nothing is wrong with them). */
  skipped: number;
  /** Rows whose country code was blank, matched to a country by its name. */
  matched_by_name: number;
  dataset_id: number | null;
  already_imported: boolean;
  synthetic: boolean;
  rejects: { line: number; field: string; reason: RejectReason }[];
  changes: { key: string; fields: string[] }[];
}
