import type { DatasetEntry } from '../contract';

/** What removing a file does beyond taking its own rows out, as the confirmation says it. */
export interface RemovalEffects {
  /** Rows it changed that an earlier file had brought: the earlier file's version comes back. */
  restored: number;
  /** The same, for a file imported before earlier versions were kept: those rows go with it. */
  lost: number;
  /** Later files of its kind that met its rows and keep their own version of them: those rows stay, from them. */
  keptBy: DatasetEntry[];
  /** Later files that met its rows before versions were kept: rows still naming this file go with it. */
  goneFrom: DatasetEntry[];
}

/**
 * Every file's version of a row is kept (migration 006), so removing a file leaves what importing the
 * others alone would have: what it changed comes back, what a later file also holds stays. Files
 * imported before that kept nothing, and the confirmation says what cannot come back.
 */
export function removalEffects(datasets: readonly DatasetEntry[], dataset: DatasetEntry): RemovalEffects {
  const later = datasets.filter((d) => d.kind === dataset.kind && d.id > dataset.id && d.unchanged + d.updated > 0);
  return {
    restored: dataset.versions_kept ? dataset.updated : 0,
    lost: dataset.versions_kept ? 0 : dataset.updated,
    keptBy: later.filter((d) => d.versions_kept),
    goneFrom: later.filter((d) => !d.versions_kept),
  };
}
