import type { Db } from '../db/open';
import type { Kind } from '../import/types';

// A key (a casualty, a contribution month of one country's personnel type in a mission, an IED event)
// can come in several files. The fact table holds the version that importing the files in order leaves
// standing; every other file's version of the key waits in the kind's version table (migration 006).
// An import moves the version it displaces there, or puts its own there when it does not stand; a
// removal takes the file's versions out and lets the remaining ones decide each key it touched again,
// in file order (dataset numbers are never reused, so they are the import order). So removing a file
// leaves the workspace as importing the other files alone would have.

interface FactVersions {
  table: string;
  versions: string;
  key: readonly string[];
  /** The stored columns besides the key, dataset_id and source_line: what a file's version says. */
  values: readonly string[];
  /** Contributions: a row from an older report than the one standing never displaces it. */
  latestReportStands: boolean;
}

const FACTS: Record<Kind, FactVersions> = {
  fatalities: {
    table: 'fatality',
    versions: 'fatality_version',
    key: ['casualty_id'],
    values: ['incident_date', 'mission', 'gender', 'nationality', 'nationality_iso3', 'm49', 'personnel_type', 'service', 'incident_type'],
    latestReportStands: false,
  },
  deployments: {
    table: 'deployment',
    versions: 'deployment_version',
    key: ['month', 'mission', 'country_iso3', 'personnel_type'],
    values: ['country_name', 'female', 'male', 'report_date'],
    latestReportStands: true,
  },
  ied: {
    table: 'ied_incident',
    versions: 'ied_version',
    key: ['origin', 'source_record_id'],
    values: ['event_date', 'mission', 'country_iso3', 'admin1', 'location', 'latitude', 'longitude', 'event_type', 'outcome', 'killed', 'injured', 'peacekeepers_killed', 'peacekeepers_injured', 'target', 'source', 'notes'],
    latestReportStands: false,
  },
};

type Version = Record<string, unknown> & { dataset_id: number; source_line: number };

/** Whether a later file's version displaces the one standing, as an import decides it. */
function displaces(f: FactVersions, later: Record<string, unknown>, standing: Record<string, unknown>): boolean {
  if (f.latestReportStands && (later.report_date as string) < (standing.report_date as string)) return false;
  return f.values.some((c) => later[c] !== standing[c]);
}

const whereKey = (f: FactVersions) => f.key.map((k) => `${k} = ?`).join(' AND ');

/**
 * What an import of `kind` does with the versions it does not leave standing. Rows are passed as
 * objects with the key and value columns by name (extra properties are ignored).
 */
export function versionKeeper(db: Db, kind: Kind) {
  const f = FACTS[kind];
  const cols = [...f.key, ...f.values, 'dataset_id', 'source_line'];
  const moveStanding = db.prepare(`INSERT INTO ${f.versions} (${cols.join(', ')}) SELECT ${cols.join(', ')} FROM ${f.table} WHERE ${whereKey(f)}`);
  // A file listing a key twice (contributions: several reports in a month) keeps one version of it,
  // chosen as its rows would be if they stood: the later row unless it is from an older report.
  const laterWins = `(${f.values.map((c) => `excluded.${c}`).join(', ')}) IS NOT (${f.values.join(', ')})${f.latestReportStands ? ' AND excluded.report_date >= report_date' : ''}`;
  const keepOwn = db.prepare(
    `INSERT INTO ${f.versions} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})
     ON CONFLICT DO UPDATE SET ${[...f.values, 'source_line'].map((c) => `${c} = excluded.${c}`).join(', ')} WHERE ${laterWins}`,
  );
  const dropOwn = db.prepare(`DELETE FROM ${f.versions} WHERE ${whereKey(f)} AND dataset_id = ?`);
  const keyOf = (row: Record<string, unknown>) => f.key.map((k) => row[k]);
  return {
    /** Before a row of file `datasetId` displaces the standing version (of another file): that version is kept. */
    displacing(row: Record<string, unknown>, datasetId: number): void {
      moveStanding.run(keyOf(row));
      // An earlier row of this same file that did not stand is superseded by this one.
      dropOwn.run(...keyOf(row), datasetId);
    },
    /** A row of file `datasetId` that leaves another file's version standing is kept as this file's version. */
    notStanding(row: Record<string, unknown>, datasetId: number, line: number): void {
      keepOwn.run({ ...row, dataset_id: datasetId, source_line: line });
    },
  };
}

/**
 * Takes file `id`'s rows of `kind` out of the fact table and its versions out of the version table;
 * each key where another file's version remains gets the version importing the remaining files in
 * order would have left. The caller holds the write transaction. Returns how many fact rows went, and
 * on how many of the file's keys an earlier version stands again.
 */
export function removeFileVersions(db: Db, kind: Kind, id: number): { removed: number; restored: number } {
  const f = FACTS[kind];
  const cols = [...f.key, ...f.values, 'dataset_id', 'source_line'];
  const keyCols = f.key.join(', ');
  // The keys where the file's version stands over others, or waits among them (its leaving can let an
  // earlier file's identical version stand again in place of a later one). The versions are few beside
  // the facts (a million contribution rows): CROSS JOIN makes SQLite walk them and look each key up.
  const touched = db
    .prepare(
      `SELECT ${keyCols} FROM ${f.versions} WHERE dataset_id = ?
       UNION SELECT ${f.key.map((k) => `s.${k}`).join(', ')} FROM ${f.versions} v CROSS JOIN ${f.table} s USING (${keyCols}) WHERE s.dataset_id = ?`,
    )
    .raw()
    .all(id, id) as unknown[][];
  const standing = db.prepare(`SELECT ${cols.join(', ')} FROM ${f.table} WHERE ${whereKey(f)}`);
  const others = db.prepare(`SELECT ${cols.join(', ')} FROM ${f.versions} WHERE ${whereKey(f)} AND dataset_id <> ? ORDER BY dataset_id`);
  const keep = db.prepare(`INSERT INTO ${f.versions} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  const restore = db.prepare(`UPDATE ${f.table} SET ${[...f.values, 'dataset_id', 'source_line'].map((c) => `${c} = ?`).join(', ')} WHERE ${whereKey(f)}`);
  const unkeep = db.prepare(`DELETE FROM ${f.versions} WHERE ${whereKey(f)} AND dataset_id = ?`);
  let restored = 0;
  for (const key of touched) {
    const now = standing.get(key) as Version;
    const remaining = [...(others.all(...key, id) as Version[]), ...(now.dataset_id === id ? [] : [now])].sort((a, b) => a.dataset_id - b.dataset_id);
    if (remaining.length === 0) continue;
    let stands = remaining[0];
    for (const v of remaining.slice(1)) if (displaces(f, v, stands)) stands = v;
    if (stands.dataset_id === now.dataset_id) continue;
    if (now.dataset_id !== id) keep.run(cols.map((c) => now[c]));
    else restored++;
    restore.run(...f.values.map((c) => stands[c]), stands.dataset_id, stands.source_line, ...key);
    unkeep.run(...key, stands.dataset_id);
  }
  db.prepare(`DELETE FROM ${f.versions} WHERE dataset_id = ?`).run(id);
  return { removed: db.prepare(`DELETE FROM ${f.table} WHERE dataset_id = ?`).run(id).changes, restored };
}
