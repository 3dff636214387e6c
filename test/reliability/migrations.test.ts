import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkWorkspace, migrate, openWorkspace } from '../../electron/core/db/open';
import { listBackups } from '../../electron/core/db/backup';
import { importFile } from '../../electron/core/import/run';
import { FIXTURES, tempDb } from '../helpers';
import { columnsOf, contents, migrationFiles, oldWorkspace } from './old-workspace';
import path from 'node:path';

// One test per numbered migration file, whatever files exist: the migration applied to a workspace
// of the previous version with rows in every table keeps every row and every value of the columns
// that were there, and leaves a sound workspace.

const files = migrationFiles();

describe('each migration, on a workspace of the version before it, with data', () => {
  it('there are migrations, numbered without gaps from 001', () => {
    expect(files.map((f) => f.version)).toEqual(files.map((_, i) => i + 1));
  });

  for (const m of files.filter((f) => f.version > 1)) {
    it(`${m.name}: every row and value kept, foreign keys sound, user_version ${m.version}`, () => {
      const file = tempDb();
      oldWorkspace(file, m.version - 1);
      const snapshot = tempDb();
      const db = new Database(file);
      db.prepare('VACUUM INTO ?').run(snapshot);
      db.pragma('foreign_keys = ON');
      expect(migrate(db, { upTo: m.version })).toEqual([m.version]);
      expect(db.pragma('user_version', { simple: true })).toBe(m.version);
      expect(checkWorkspace(db).ok).toBe(true);
      db.close();
      // The columns stored both before and after (a column the migration turns into a generated one is computed, not kept).
      const stored = columnsOf(file);
      const common = new Map([...columnsOf(snapshot)].filter(([t]) => stored.has(t)).map(([t, cs]) => [t, cs.filter((c) => stored.get(t)!.includes(c))]));
      const before = contents(snapshot, common);
      const after = contents(file, common);
      for (const [table, rows] of before) {
        if (!after.has(table)) continue; // a table the migration dropped on purpose (none yet) would show here
        // workspace_meta gains the row that names the file a Bluehelm workspace; nothing else gains or loses a row.
        if (table === 'workspace_meta') expect(after.get(table), table).toEqual(expect.arrayContaining(rows));
        else expect(after.get(table), table).toEqual(rows);
      }
    });
  }

  it('a workspace of version 1 with data is brought to the latest version by opening it, backed up first, and imports still work', () => {
    const file = tempDb();
    oldWorkspace(file, 1);
    const before = contents(file);
    const db = openWorkspace(file);
    expect(db.pragma('user_version', { simple: true })).toBe(files[files.length - 1].version);
    expect(listBackups(file)).toHaveLength(1);
    expect(contents(listBackups(file)[0].file)).toEqual(before);
    const r = importFile(db, { path: path.join(FIXTURES, 'fatalities-titlecase.csv') });
    expect(r.inserted).toBe(4);
    expect(checkWorkspace(db).ok).toBe(true);
    db.close();
  });
});
