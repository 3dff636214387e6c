import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../electron/core/db/backup';
import { checkWorkspace, openWorkspace } from '../../electron/core/db/open';
import { dispatch } from '../../electron/core/dispatch';
import { importFile, ImportRefused, replaceDataset } from '../../electron/core/import/run';
import { operationsFor } from '../../electron/core/operations';
import { Session } from '../../electron/core/session';
import { Workspace } from '../../electron/core/workspace';
import { removeDataset } from '../../electron/core/datasets/remove';
import type { ImportJob, WorkspaceInfo } from '../../shared/contract';
import type { Pack } from '../../shared/pack';
import { CLI, tempDir, writeTemp } from '../helpers';

// Removing and replacing a file: one transaction each (a refusal, a failure or a killed process
// leaves the old file in place), the rows and the cross-tab engine's projection right after.

const HEADER = 'id,incident_date,casualty_id,mission_acronym,type_of_casualty,gender,casualty_nationality,casualty_personnel_type,type_of_incident,m49_code,isocode3,last_update';
const MISSIONS = ['MINUSMA', 'MINUSCA', 'MONUSCO', 'UNMISS', 'UNIFIL'];

/** Casualties FX-from … FX-to; those in `accidents` are accidents, the rest malicious acts. */
function fatalities(from: number, to: number, options: { accidents?: Set<number>; tail?: string } = {}): string {
  const lines = [HEADER];
  for (let i = from; i <= to; i++) {
    const d = new Date(Date.UTC(2015, 0, 1) + (i % 2000) * 86400000).toISOString().slice(0, 10);
    lines.push(`${i},${d},FX-${i},${MISSIONS[i % 5]},Fatality,M,Chad,Military,${options.accidents?.has(i) ? 'Accident' : 'Malicious Act'},148.0,TCD,2025-04-04`);
  }
  return lines.join('\n') + '\n' + (options.tail ?? '');
}

const file = (name: string, text: string) => writeTemp(name, text);
const rowsIn = (ws: Workspace) => ws.db.prepare(`SELECT COUNT(*) FROM fatality`).pluck().get() as number;
const spec = { measure: 'fatalities', rows: ['mission'] } as const;

/** The row count, the registry's count and both engines' grand totals, which must agree. */
async function totals(ws: Workspace): Promise<{ rows: number; counted: number; sql: number | null; columnar: number | null }> {
  ws.refreshEngine();
  return { rows: rowsIn(ws), counted: ws.info().counts.fatalities, sql: ws.crossTab(spec).grandTotal, columnar: (await ws.crossTabAsync(spec)).grandTotal };
}

async function call<T>(ops: ReturnType<typeof operationsFor>, name: string, input: unknown): Promise<T> {
  const r = await dispatch(ops, name, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

describe('removing a dataset', () => {
  it('takes out its rows and rejects in one transaction, with a backup first, and the projection follows', async () => {
    const dir = tempDir('h5-remove-');
    const ws = new Workspace(path.join(dir, 'ws.sqlite'));
    try {
      const a = importFile(ws.db, { path: file('a.csv', fatalities(1, 100)) });
      // b brings 50 new casualties and one row that is refused (no casualty_id): kept as a reject.
      const b = importFile(ws.db, { path: file('b.csv', fatalities(101, 150, { tail: '151,2016-01-01,,MINUSMA,Fatality,M,Chad,Military,Accident,148.0,TCD,2025-04-04\n' })) });
      expect(b.rejected).toBe(1);
      // Start the engine on the two files, so the removal is seen by a projection already built.
      expect(await totals(ws)).toEqual({ rows: 150, counted: 150, sql: 150, columnar: 150 });
      const backups = listBackups(ws.db.name).length;

      const ops = operationsFor(new Session(ws.path, dir));
      const { removed, info } = await call<{ removed: Record<string, unknown>; info: WorkspaceInfo }>(ops, 'datasetRemove', { id: b.dataset_id });
      expect(removed).toMatchObject({ dataset_id: b.dataset_id, file_name: 'b.csv', kind: 'fatalities', rows_removed: 50, rejects_removed: 1 });
      expect(info.datasets.map((d) => d.file_name)).toEqual(['a.csv']);
      expect(info.counts.fatalities).toBe(100);
      expect(listBackups(ws.db.name).length).toBe(backups + 1);
      expect(ws.db.prepare(`SELECT COUNT(*) FROM reject`).pluck().get()).toBe(0);
      expect(await totals(ws)).toEqual({ rows: 100, counted: 100, sql: 100, columnar: 100 });
      expect(checkWorkspace(ws.db).ok).toBe(true);

      // The file removed and imported again: its rows come back (the registry looks as before the removal).
      const again = importFile(ws.db, { path: file('b.csv', fatalities(101, 150, { tail: '151,2016-01-01,,MINUSMA,Fatality,M,Chad,Military,Accident,148.0,TCD,2025-04-04\n' })) });
      expect(again).toMatchObject({ already_imported: false, inserted: 50, rejected: 1 });
      expect(await totals(ws)).toEqual({ rows: 150, counted: 150, sql: 150, columnar: 150 });
      expect(a.dataset_id).not.toBeNull();
      await expect(call(ops, 'datasetRemove', { id: 999 })).rejects.toThrow(/^not_found: no dataset #999/);
    } finally {
      await ws.closeFully();
    }
  });

  it('keeps the row counts exact when files overlapped, the other file\'s version standing again', async () => {
    for (const removeFirst of [true, false]) {
      const ws = new Workspace(path.join(tempDir('h5-overlap-'), 'ws.sqlite'));
      try {
        const a = importFile(ws.db, { path: file('a.csv', fatalities(1, 100)) });
        // b holds 51…150: 51…60 changed (accidents now), 61…100 as a had them, 101…150 new.
        const b = importFile(ws.db, { path: file('b.csv', fatalities(51, 150, { accidents: new Set([51, 52, 53, 54, 55, 56, 57, 58, 59, 60]) })) });
        expect(b).toMatchObject({ inserted: 50, updated: 10, unchanged: 40 });
        // Removing either file leaves the other's 100 rows: b's 10 changes give way to a's version again,
        // and the 40 rows b held as a had them stay, now from b.
        const removed = removeDataset(ws.db, (removeFirst ? a : b).dataset_id!);
        expect(removed).toMatchObject({ rows_removed: 50, rows_restored: removeFirst ? 40 : 10 });
        expect(await totals(ws)).toEqual({ rows: 100, counted: 100, sql: 100, columnar: 100 });
        const accidents = ws.crossTab({ ...spec, where: { incident_type: ['Accident'] } }).grandTotal;
        expect(accidents).toBe(removeFirst ? 10 : 0);
      } finally {
        await ws.closeFully();
      }
    }
  });

  it('makes a pack built on the removed file stale, naming the file gone', async () => {
    const dir = tempDir('h5-pack-');
    const session = new Session(path.join(dir, 'ws.sqlite'), dir);
    const a = importFile(session.db, { path: file('a.csv', fatalities(1, 100)) });
    importFile(session.db, { path: file('b.csv', fatalities(101, 130)) });
    const ops = operationsFor(session);
    const pack = await call<Pack>(ops, 'packAddSlide', { packId: null, slide: { kind: 'view', spec } });
    expect(await call(ops, 'packCheck', { id: pack.id })).toEqual({ stale: [] });
    await call(ops, 'datasetRemove', { id: a.dataset_id });
    const { stale } = await call<{ stale: { index: number; before: { grandTotal: number; sources: string[] }; now: { grandTotal: number; sources: string[] } }[] }>(ops, 'packCheck', { id: pack.id });
    expect(stale.map((s) => [s.index, s.before.grandTotal, s.now.grandTotal])).toEqual([[1, 130, 30]]);
    expect(stale[0].before.sources.map((s) => s.split(' ')[0])).toEqual(['a.csv', 'b.csv']);
    expect(stale[0].now.sources.map((s) => s.split(' ')[0])).toEqual(['b.csv']);
    await session.current.closeFully();
  });
});

describe('replacing a dataset with a newer file', () => {
  it('imports the new file and takes out the old in one step; the identical file again changes nothing', async () => {
    const ws = new Workspace(path.join(tempDir('h5-replace-'), 'ws.sqlite'));
    try {
      const old = importFile(ws.db, { path: file('fatalities-2024.csv', fatalities(1, 100)) });
      importFile(ws.db, { path: writeTemp('ied.csv', fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'ied-template-sample.csv'), 'utf8')) });
      expect(await totals(ws)).toMatchObject({ rows: 100, columnar: 100 });
      const newer = file('fatalities-2025.csv', fatalities(1, 120, { accidents: new Set([7]) }));
      const r = replaceDataset(ws.db, old.dataset_id!, { path: newer });
      expect(r.replaced).toMatchObject({ dataset_id: old.dataset_id, file_name: 'fatalities-2024.csv', rows_removed: 100 });
      // Every row now comes from the newer file (its line is what the source-rows panel shows).
      expect(r).toMatchObject({ already_imported: false, rows_read: 120, inserted: 120, updated: 0, unchanged: 0 });
      expect(ws.datasets().map((d) => d.file_name)).toEqual(['ied.csv', 'fatalities-2025.csv']);
      expect(ws.db.prepare(`SELECT COUNT(DISTINCT dataset_id) FROM fatality`).pluck().get()).toBe(1);
      expect(await totals(ws)).toEqual({ rows: 120, counted: 120, sql: 120, columnar: 120 });
      const malicious = { ...spec, where: { incident_type: ['Malicious Act'] } } as const;
      expect((await ws.crossTabAsync(malicious)).grandTotal).toBe(119);

      const before = ws.db.prepare(`SELECT * FROM fatality ORDER BY casualty_id`).all();
      const backups = listBackups(ws.db.name).length;
      expect(importFile(ws.db, { path: newer })).toMatchObject({ already_imported: true, inserted: 0, updated: 0 });
      expect(replaceDataset(ws.db, r.dataset_id!, { path: newer })).toMatchObject({ already_imported: true, inserted: 0, updated: 0 });
      expect(ws.db.prepare(`SELECT * FROM fatality ORDER BY casualty_id`).all()).toEqual(before);
      expect(listBackups(ws.db.name).length).toBe(backups);
      expect(await totals(ws)).toEqual({ rows: 120, counted: 120, sql: 120, columnar: 120 });
    } finally {
      await ws.closeFully();
    }
  });

  it('leaves the old file in place when the new one is refused, fails part-way or is of another kind', async () => {
    const ws = new Workspace(path.join(tempDir('h5-refused-'), 'ws.sqlite'));
    try {
      const old = importFile(ws.db, { path: file('old.csv', fatalities(1, 100)) });
      const snapshot = () => ({ rows: ws.db.prepare(`SELECT * FROM fatality ORDER BY casualty_id`).all(), datasets: ws.datasets() });
      const before = snapshot();
      const backups = listBackups(ws.db.name).length;
      // Not a layout: the nearest one's columns and the missing ones, as facts the app words itself.
      const unknown = (() => {
        try {
          replaceDataset(ws.db, old.dataset_id!, { path: file('notes.csv', 'incident_date,mission_acronym,remarks\n2020-01-01,MINUSMA,x\n') });
        } catch (e) {
          return e as ImportRefused;
        }
      })();
      expect(unknown).toBeInstanceOf(ImportRefused);
      expect(unknown).toMatchObject({ file: 'notes.csv', line: 1, field: 'header' });
      expect(unknown!.detail).toEqual({
        code: 'unknown_layout',
        layout: 'un-fatalities',
        kind: 'fatalities',
        expected: ['incident_date', 'casualty_id', 'mission_acronym', 'type_of_incident', 'casualty_personnel_type'],
        missing: ['casualty_id', 'type_of_incident', 'casualty_personnel_type'],
      });
      // 60 good rows written inside the transaction, then a broken quote: all rolled back, old rows kept.
      expect(() => replaceDataset(ws.db, old.dataset_id!, { path: file('broken.csv', fatalities(1, 60, { tail: '61,"2016-01-01,FX-61\n' })) })).toThrow(ImportRefused);
      const contributions = 'contribution_id,mission_acronym,personnel_type,isocode3,contributing_country,female_personnel,male_personnel,last_reporting_date\n1,MINUSMA,Troops,TCD,Chad,1,10,2020-01-31\n';
      expect(() => replaceDataset(ws.db, old.dataset_id!, { path: file('contrib.csv', contributions) })).toThrow(
        expect.objectContaining({ detail: { code: 'wrong_kind', layout: 'un-contributions-datahub', kind: 'deployments', wanted: 'fatalities' } }),
      );
      expect(snapshot()).toEqual(before);
      // A refused change leaves no backup behind (it changed nothing).
      expect(listBackups(ws.db.name).length).toBe(backups);
      expect(await totals(ws)).toEqual({ rows: 100, counted: 100, sql: 100, columnar: 100 });
    } finally {
      await ws.closeFully();
    }
  });

  it('through the contract: a job, followed with importStatus, whose refusal keeps its code', async () => {
    const dir = tempDir('h5-job-');
    const session = new Session(path.join(dir, 'ws.sqlite'), dir);
    const old = importFile(session.db, { path: file('old.csv', fatalities(1, 100)) });
    const ops = operationsFor(session);
    const wait = async (jobId: string) => {
      let job = await call<ImportJob>(ops, 'importStatus', { jobId });
      while (job.state === 'running') {
        await new Promise((r) => setTimeout(r, 50));
        job = await call<ImportJob>(ops, 'importStatus', { jobId });
      }
      return job;
    };
    const base64 = (text: string) => Buffer.from(text).toString('base64');
    const refused = await wait((await call<{ jobId: string }>(ops, 'datasetReplace', { id: old.dataset_id, fileName: 'x.csv', contentBase64: base64('a,b\n1,2\n') })).jobId);
    expect(refused).toMatchObject({ state: 'failed', replaces: old.dataset_id, refusal: { file: 'x.csv', line: 1, field: 'header', detail: { code: 'unknown_layout' } } });
    const done = await wait((await call<{ jobId: string }>(ops, 'datasetReplace', { id: old.dataset_id, fileName: 'new.csv', contentBase64: base64(fatalities(1, 110)) })).jobId);
    expect(done).toMatchObject({ state: 'done', result: { inserted: 110, replaced: { file_name: 'old.csv', rows_removed: 100 } } });
    const info = await call<WorkspaceInfo>(ops, 'workspaceInfo', {});
    expect(info.datasets.map((d) => d.file_name)).toEqual(['new.csv']);
    expect(info.counts.fatalities).toBe(110);
    const table = await call<{ grandTotal: number }>(ops, 'crossTab', spec);
    expect(table.grandTotal).toBe(110);
    await expect(call(ops, 'datasetReplace', { id: 42, fileName: 'n.csv', contentBase64: base64('x') })).rejects.toThrow(/^not_found/);
    await session.current.closeFully();
  });

  it('killed mid-way (SIGKILL) leaves the old file whole', async () => {
    const dir = tempDir('h5-kill-');
    const db = path.join(dir, 'ws.sqlite');
    expect(spawnSync(process.execPath, [CLI, 'import', file('old.csv', fatalities(1, 1000)), '--db', db], { encoding: 'utf8' }).status).toBe(0);
    const big = file('big.csv', fatalities(1, 150_000));
    const killedAt = await new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, 'dataset', 'replace', '1', big, '--db', db, '--progress'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let at = -1;
      let buf = '';
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (s: string) => {
        buf += s;
        const m = [...buf.matchAll(/progress \S+ (\d+)%/g)].pop();
        if (m && at < 0 && Number(m[1]) >= 50 && Number(m[1]) < 100) {
          at = Number(m[1]);
          child.kill('SIGKILL');
        }
      });
      child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(at) : reject(new Error(`replace finished (code ${code}) before it was killed: ${buf.slice(-300)}`))));
    });
    expect(killedAt).toBeGreaterThanOrEqual(50);
    const ws = openWorkspace(db);
    expect(checkWorkspace(ws).ok).toBe(true);
    expect(ws.prepare(`SELECT COUNT(*) FROM fatality`).pluck().get()).toBe(1000);
    expect(ws.prepare(`SELECT file_name FROM dataset`).pluck().all()).toEqual(['old.csv']);
    ws.close();
    // Then it goes through whole.
    const done = spawnSync(process.execPath, [CLI, 'dataset', 'replace', '1', big, '--db', db, '--json'], { encoding: 'utf8' });
    expect(done.status).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ inserted: 150_000, replaced: { file_name: 'old.csv', rows_removed: 1000 } });
    const removed = spawnSync(process.execPath, [CLI, 'dataset', 'remove', '#2', '--db', db], { encoding: 'utf8' });
    expect(removed.stdout).toBe('removed #2 big.csv (fatalities): 150000 rows out, 0 rows back as an earlier file has them, 0 rejected rows\n');
    expect(spawnSync(process.execPath, [CLI, 'dataset', 'remove', '2', '--db', db], { encoding: 'utf8' })).toMatchObject({ status: 1, stderr: 'bluehelm: no dataset #2 in this workspace (bluehelm datasets lists them)\n' });
  }, 120_000);
});
