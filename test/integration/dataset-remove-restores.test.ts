import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeDataset } from '../../electron/core/datasets/remove';
import { listBackups } from '../../electron/core/db/backup';
import { checkWorkspace } from '../../electron/core/db/open';
import { importFile, replaceDataset } from '../../electron/core/import/run';
import { sourceRows } from '../../electron/core/query/drill';
import { Workspace } from '../../electron/core/workspace';
import type { ViewSpec } from '../../shared/spec';
import { CONTRIBUTIONS_OPENDATA, FATALITIES_CSV, FIXTURES, tempDb, writeTemp } from '../helpers';
import { oldWorkspace } from '../reliability/old-workspace';

// Removing a file undoes its import exactly: where a later file changed rows an earlier one brought
// (a later fatalities listing, a revised contributions month), the earlier version stands again,
// with its own source line; the facts, the versions kept, the rejects and both engines' answers are
// what they were before the file came in. Importing it again gives what the first import gave.

const fixture = (name: string) => ({ path: path.join(FIXTURES, name) });
const FAT_2024 = fixture('fatalities-listing-2024.csv');
const FAT_2025 = fixture('fatalities-listing-2025.csv');
const CONTRIB_FIRST = fixture('contributions-2024-03-first.csv');
const CONTRIB_REVISED = fixture('contributions-2024-03-revised.csv');

const SPECS: ViewSpec[] = [
  { measure: 'fatalities', rows: ['mission'], cols: 'year', where: {} },
  { measure: 'fatalities', rows: ['incident_type', 'mission'], where: {} },
  { measure: 'deployed', rows: ['mission', 'country'], cols: 'month', where: {} },
  { measure: 'person_months', rows: ['mission'], where: {} },
  { measure: 'female_share', rows: ['country'], where: {} },
  { measure: 'ied_incidents', rows: ['mission'], cols: 'year', where: {} },
] as ViewSpec[];

const TABLES = ['fatality', 'deployment', 'ied_incident', 'fatality_version', 'deployment_version', 'ied_version', 'reject'];

/** Every stored row, its dataset named by file (a file imported again has a new number), sorted. */
function rowsByFile(ws: Workspace): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const t of TABLES) {
    const rows = ws.db.prepare(`SELECT t.*, (SELECT file_name FROM dataset d WHERE d.id = t.dataset_id) AS file FROM ${t} t`).all() as Record<string, unknown>[];
    out[t] = rows.map(({ dataset_id, ...rest }) => JSON.stringify(rest)).sort();
  }
  return out;
}

/** What the analyst sees: the row counts, both engines' cross-tabs and the source lines of every cell of the first. */
async function answers(ws: Workspace) {
  ws.refreshEngine();
  const tables = [];
  for (const spec of SPECS) {
    const strip = ({ elapsedMs, sources, ...t }: Awaited<ReturnType<Workspace['crossTab']>>) => ({ ...t, sources: sources.map((s) => s.fileName) });
    const sql = strip(ws.crossTab(spec));
    const columnar = strip(await ws.crossTabAsync(spec));
    expect(columnar, `${spec.measure}: both engines agree`).toEqual(sql);
    tables.push(sql);
  }
  // Every cell with a number, and every row total, traced to its lines.
  const [t] = tables;
  const traced = t.rows.flatMap((row) =>
    [...t.colKeys.filter((_, c) => row.cells[c] !== null), undefined].map((colKey) => sourceRows(ws.db, { spec: SPECS[0], rowKey: row.key, colKey, limit: 100 })[0].rows),
  );
  return { counts: ws.info().counts, tables, traced };
}

async function state(ws: Workspace) {
  return { rows: rowsByFile(ws), answers: await answers(ws) };
}

const idOf = (ws: Workspace, file: string) => ws.db.prepare(`SELECT id FROM dataset WHERE file_name = ?`).pluck().get(file) as number;

describe('removing a file brings back what it superseded', () => {
  it('a later fatalities listing and a revised contributions month: removed, the workspace is as before them; imported again, as after', async () => {
    const ws = new Workspace(tempDb());
    try {
      importFile(ws.db, FAT_2024);
      importFile(ws.db, CONTRIB_FIRST);
      const before = await state(ws);

      const fat = importFile(ws.db, FAT_2025);
      // 002, 004 and 005 changed; 001 and 003 as before; 007 and 008 new; 009 refused (gender X).
      expect(fat).toMatchObject({ inserted: 2, updated: 3, unchanged: 2, rejected: 1 });
      const contrib = importFile(ws.db, CONTRIB_REVISED);
      // Senegal's police and Ghana's staff officers revised, India's troops in UNIFIL by the later of
      // the file's two reports; India's troops in UNMISS from an older report than the one standing (so
      // unchanged), as is the file's earlier report for India's troops in UNIFIL, and Rwanda's; Ghana's
      // April troops and Bangladesh new; Pakistan's refused.
      expect(contrib).toMatchObject({ inserted: 2, updated: 3, unchanged: 3, rejected: 1 });
      const after = await state(ws);
      expect(after.answers.tables).not.toEqual(before.answers.tables);

      // TST-002, an accident in the 2024 listing, is a malicious act in the 2025 one (its line 4).
      const cell = (type: string) => sourceRows(ws.db, { spec: SPECS[1], rowKey: [type, 'MINUSMA'], limit: 10 })[0].rows.map((r) => r.slice(-2));
      expect(cell('Accident')).toEqual([]);
      expect(cell('Malicious Act')).toContainEqual(['fatalities-listing-2025.csv', 4]);

      const backups = listBackups(ws.db.name).length;
      const removed = removeDataset(ws.db, fat.dataset_id!);
      expect(removed).toMatchObject({ rows_removed: 2, rows_restored: 3, rejects_removed: 1 });
      removeDataset(ws.db, contrib.dataset_id!);
      expect(listBackups(ws.db.name).length).toBeGreaterThan(backups);
      expect(await state(ws)).toEqual(before);
      // Traced to its source, TST-002 (an accident again) is line 3 of the 2024 listing.
      expect(cell('Accident')).toEqual([['fatalities-listing-2024.csv', 3]]);
      expect(cell('Malicious Act')).toEqual([['fatalities-listing-2024.csv', 2]]);
      expect(checkWorkspace(ws.db).ok).toBe(true);

      // Imported again, each file does what it did the first time, and the workspace is as it was then.
      expect(importFile(ws.db, FAT_2025)).toMatchObject({ inserted: 2, updated: 3, unchanged: 2, rejected: 1, already_imported: false });
      expect(importFile(ws.db, CONTRIB_REVISED)).toMatchObject({ inserted: 2, updated: 3, unchanged: 3, rejected: 1, already_imported: false });
      expect(await state(ws)).toEqual(after);
    } finally {
      await ws.closeFully();
    }
  });

  it('removing the earlier file leaves what importing the later one alone gives, whichever order they came in', async () => {
    for (const [first, second] of [
      [FAT_2024, FAT_2025],
      [CONTRIB_FIRST, CONTRIB_REVISED],
      [CONTRIB_REVISED, CONTRIB_FIRST],
    ]) {
      const alone = new Workspace(tempDb());
      const both = new Workspace(tempDb());
      try {
        importFile(alone.db, second);
        importFile(both.db, first);
        importFile(both.db, second);
        removeDataset(both.db, idOf(both, path.basename((first as { path: string }).path)));
        expect(await state(both)).toEqual(await state(alone));
      } finally {
        await alone.closeFully();
        await both.closeFully();
      }
    }
  });

  it('of three overlapping files, removing the middle one leaves what importing the other two gives', async () => {
    const sample = fs.readFileSync(path.join(FIXTURES, 'ied-template-sample.csv'), 'utf8');
    // The second file changes the first event's casualties; the third says what the first did again.
    const changed = sample.replace('detonated,5,3,5,3', 'detonated,6,3,6,3');
    const files = [writeTemp('ied-a.csv', sample), writeTemp('ied-b.csv', changed), writeTemp('ied-c.csv', sample + '\n')];
    const three = new Workspace(tempDb());
    const two = new Workspace(tempDb());
    try {
      for (const f of files) importFile(three.db, { path: f });
      // c repeats a's version, which stands again: as after a and c alone, the event's source is a.
      removeDataset(three.db, idOf(three, 'ied-b.csv'));
      importFile(two.db, { path: files[0] });
      importFile(two.db, { path: files[2] });
      expect(await state(three)).toEqual(await state(two));
      expect(three.db.prepare(`SELECT killed, (SELECT file_name FROM dataset WHERE id = dataset_id) FROM ied_incident WHERE source_record_id = 'UNMAS-MLI-2016-001'`).raw().get()).toEqual([5, 'ied-a.csv']);
    } finally {
      await three.closeFully();
      await two.closeFully();
    }
  });

  it('replacing a file with a newer edition keeps the earlier files\' versions under it', async () => {
    const ws = new Workspace(tempDb());
    try {
      importFile(ws.db, FAT_2024);
      const before = await state(ws);
      const b = importFile(ws.db, { path: writeTemp('draft.csv', fs.readFileSync(FAT_2025.path, 'utf8').replace('Illness,356.0', 'Accident,356.0')) });
      const replaced = replaceDataset(ws.db, b.dataset_id!, FAT_2025);
      expect(replaced).toMatchObject({ inserted: 2, updated: 3, unchanged: 2 });
      removeDataset(ws.db, replaced.dataset_id!);
      expect(await state(ws)).toEqual(before);
    } finally {
      await ws.closeFully();
    }
  });

  it('the real files: a revised edition of the fatalities file, removed, leaves every answer as it was', async () => {
    const ws = new Workspace(tempDb());
    try {
      importFile(ws.db, { path: FATALITIES_CSV });
      importFile(ws.db, { path: CONTRIBUTIONS_OPENDATA });
      const before = await state(ws);
      // A later edition of the fatalities file: the same listing with every Accident in 2010 recorded as Illness.
      const lines = fs.readFileSync(FATALITIES_CSV, 'utf8').split('\n');
      const revised = lines.map((l) => (/^\d+,2010-/.test(l) ? l.replace(',Accident,', ',Illness,') : l)).join('\n');
      const later = importFile(ws.db, { path: writeTemp('DPPADPOSS-FATALITIES-revised.csv', revised) });
      expect(later.updated).toBeGreaterThan(0);
      expect(later.inserted).toBe(0);
      removeDataset(ws.db, later.dataset_id!);
      expect(await state(ws)).toEqual(before);
    } finally {
      await ws.closeFully();
    }
  });

  it('files imported before earlier versions were kept (migration 006) are marked so, for the confirmation to say what cannot come back', async () => {
    const file = tempDb();
    oldWorkspace(file, 5);
    const ws = new Workspace(file);
    try {
      expect(ws.datasets().map((d) => d.versions_kept)).toEqual([false, false, false]);
      importFile(ws.db, FAT_2024);
      expect(ws.datasets().map((d) => d.versions_kept)).toEqual([false, false, false, true]);
    } finally {
      await ws.closeFully();
    }
  });
});
