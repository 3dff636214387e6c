import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { removeDataset } from '../../electron/core/datasets/remove';
import { checkWorkspace, migrate } from '../../electron/core/db/open';
import { importFile } from '../../electron/core/import/run';
import { CLI, FIXTURES, tempDb } from '../helpers';
import { contents } from './old-workspace';

// Migration 007: the dataset table rebuilt with AUTOINCREMENT, so a removed file's number is never
// given to another (a saved view, a pack's basis or a note naming dataset 4 would silently name
// another file). On a workspace of version 6 holding real imports, every number and every reference
// to it is kept, the references are still enforced, and numbers only grow from there.

const fixture = (name: string) => ({ path: path.join(FIXTURES, name) });
const LAST = 'fatalities-listing-2025.csv';

/** A version 6 workspace as that version left it: four files imported, with rejects and kept versions. */
function version6(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  migrate(db, { upTo: 6 });
  for (const f of ['fatalities-listing-2024.csv', 'contributions-2024-03-first.csv', 'ied-template-sample.csv', LAST]) importFile(db, fixture(f));
  return db;
}

const ids = (db: Database.Database) => db.prepare(`SELECT id FROM dataset ORDER BY id`).pluck().all() as number[];

describe('migration 007: dataset numbers never reused', () => {
  it('before it, the highest number is given out again once its file is removed', () => {
    const db = version6(tempDb());
    removeDataset(db, 4);
    expect(importFile(db, fixture('contributions-2024-03-revised.csv')).dataset_id).toBe(4);
    db.close();
  });

  it('keeps every number and reference of a workspace holding data, still enforced; then a new file gets a higher number', () => {
    const file = tempDb();
    const db = version6(file);
    expect(ids(db)).toEqual([1, 2, 3, 4]);
    // Every table that names a dataset holds rows naming it: facts, kept versions, rejects.
    for (const t of ['fatality', 'deployment', 'ied_incident', 'fatality_version', 'reject']) {
      expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get(), t).toBeGreaterThan(0);
    }
    db.close();
    const before = contents(file);

    const up = new Database(file);
    up.pragma('foreign_keys = ON');
    expect(migrate(up, { upTo: 7 })).toEqual([7]);
    expect(up.prepare(`SELECT sql FROM sqlite_master WHERE name = 'dataset'`).pluck().get()).toMatch(/INTEGER PRIMARY KEY AUTOINCREMENT/);
    expect(up.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(checkWorkspace(up).ok).toBe(true);
    const after = contents(file);
    for (const [table, rows] of before) if (table !== 'workspace_meta') expect(after.get(table), table).toEqual(rows);
    for (const t of ['reject', 'fatality', 'deployment', 'ied_incident', 'fatality_version', 'deployment_version', 'ied_version']) {
      expect((up.pragma(`foreign_key_list(${t})`) as { table: string }[]).map((k) => k.table), t).toEqual(['dataset']);
    }
    expect(() => up.prepare(`INSERT INTO reject (dataset_id, line, field, reason, raw) VALUES (99, 1, 'x', 'y', 'z')`).run()).toThrow(/FOREIGN KEY/);
    expect(() => up.prepare(`DELETE FROM dataset WHERE id = 1`).run()).toThrow(/FOREIGN KEY/);

    removeDataset(up, 4);
    expect(importFile(up, fixture('contributions-2024-03-revised.csv')).dataset_id).toBe(5);
    up.close();

    // The CLI on the upgraded file: the highest removed, a file imported gets a number of its own.
    const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args, '--db', file], { encoding: 'utf8' });
    const removed = cli('dataset', 'remove', '5');
    expect(removed.status, removed.stderr).toBe(0);
    expect(removed.stdout).toMatch(/^removed #5 contributions-2024-03-revised\.csv \(deployments\): 2 rows out, 3 rows back as an earlier file has them, 1 rejected rows/);
    const imported = cli('import', path.join(FIXTURES, 'contributions-2024-03-revised.csv'));
    expect(imported.status, imported.stderr).toBe(0);
    const listed = cli('datasets');
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout.match(/^#\d+/gm)).toEqual(['#1', '#2', '#3', '#6']);
  });
});
