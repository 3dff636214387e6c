import type { Removal } from '../../../shared/contract';
import type { Db } from '../db/open';
import { withBackup } from '../db/backup';
import { NotFound } from '../errors';
import { workspaceKind } from '../workspace';
import type { Kind } from '../import/types';
import { REMOVALS_KEY, uncountedKey } from './counts';
import { removeFileVersions } from './versions';

// Removing a file takes out its rows, its rejected rows and its registry entry. Where another file
// also holds a key the removed file held, that file's version stands again: the one importing the
// remaining files in order would have left (versions.ts), so a removal undoes its import exactly.

interface Registered {
  id: number;
  file_name: string;
  kind: Kind;
  sha256: string;
  inserted: number;
}

export function registeredDataset(db: Db, id: number): Registered {
  const d = db.prepare(`SELECT id, file_name, kind, sha256, inserted FROM dataset WHERE id = ?`).get(id) as Registered | undefined;
  if (!d) throw new NotFound(`no dataset #${id} in this workspace (bluehelm datasets lists them)`);
  return d;
}

/**
 * Takes one file's rows out; the caller holds the write transaction and then drops the registry entry
 * (a replacement imports the new file in between, so the new file gets a number of its own rather
 * than the old one's again).
 */
export function removeDatasetRows(db: Db, id: number): Removal {
  const d = registeredDataset(db, id);
  const { removed: rows, restored } = removeFileVersions(db, d.kind, id);
  const rejects = db.prepare(`DELETE FROM reject WHERE dataset_id = ?`).run(id).changes;
  const bump = db.prepare(
    `INSERT INTO workspace_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + CAST(excluded.value AS INTEGER) AS TEXT)`,
  );
  if (d.inserted !== rows) bump.run(uncountedKey(d.kind), String(d.inserted - rows));
  bump.run(REMOVALS_KEY, '1');
  return { dataset_id: id, file_name: d.file_name, kind: d.kind, sha256: d.sha256, rows_removed: rows, rows_restored: restored, rejects_removed: rejects };
}

export function dropDatasetEntry(db: Db, id: number): void {
  db.prepare(`DELETE FROM dataset WHERE id = ?`).run(id);
}

/** Removes a file from the workspace in one transaction, a backup of the workspace taken first (as before an import). */
export function removeDataset(db: Db, id: number): Removal {
  registeredDataset(db, id);
  const remove = () =>
    db
      .transaction(() => {
        const removal = removeDatasetRows(db, id);
        dropDatasetEntry(db, id);
        return removal;
      })
      .immediate();
  // The demo is regenerated, never backed up (as its imports).
  return workspaceKind(db) === 'demo' ? remove() : withBackup(db, remove);
}
