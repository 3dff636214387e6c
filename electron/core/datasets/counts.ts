import type { Db } from '../db/open';
import type { Kind } from '../import/types';

/**
 * The registry's inserted counts are what each import did; once a file has gone, the rows it inserted
 * that another file had since taken over (updated) are still in the tables. This key keeps, per kind,
 * the rows present beyond the registry's sum, so the row counts stay exact without a COUNT(*) over
 * millions of rows on the thread that serves the UI.
 */
export const uncountedKey = (kind: Kind) => `rows_beyond_registry.${kind}`;
/** Bumped by every removal: the cross-tab engine's "did the facts change" print includes it. */
export const REMOVALS_KEY = 'datasets_removed';

/** How many fact rows of a kind the workspace holds: the registry's inserted counts, corrected for removals. */
export function factRows(db: Db, kind: Kind): number {
  const inserted = db.prepare(`SELECT coalesce(sum(inserted), 0) FROM dataset WHERE kind = ?`).pluck().get(kind) as number;
  const beyond = db.prepare(`SELECT value FROM workspace_meta WHERE key = ?`).pluck().get(uncountedKey(kind)) as string | undefined;
  return inserted + Number(beyond ?? 0);
}
