import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemoFiles } from '../../electron/core/demo/generate';
import { writeDemoWorkspace } from '../../electron/core/demo/workspace';
import { openWorkspace } from '../../electron/core/db/open';
import { importFile } from '../../electron/core/import/run';
import { Session, startupWorkspace } from '../../electron/core/session';
import { Workspace } from '../../electron/core/workspace';
import { CLI, FATALITIES_CSV, tempDb, tempDir } from '../helpers';

function bluehelm(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, BLUEHELM_DATA_DIR: tempDir() } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the synthetic demo workspace', () => {
  const db = tempDb();
  const demo = bluehelm(['demo', '--db', db]);

  it('is deterministic: the same seed gives the same bytes', () => {
    const a = generateDemoFiles();
    const b = generateDemoFiles();
    expect(a).toEqual(b);
  });

  it('is calibrated to the published aggregates of A/74/533', () => {
    expect(demo.code).toBe(0);
    const ws = new Workspace(db);
    const total = (spec: Parameters<Workspace['crossTab']>[0]) => ws.crossTab(spec).grandTotal!;
    const y2019 = { where: { year: ['2019'] } };
    expect(total({ measure: 'missions', ...y2019 })).toBe(13);
    expect(total({ measure: 'deployed', ...y2019 })).toBeGreaterThan(90000);
    const ied = (year: string) => total({ measure: 'ied_incidents', where: { mission: ['MINUSMA'], year: [year] } });
    expect(ied('2018') / ied('2014')).toBeCloseTo(1.38, 2);
    expect(total({ measure: 'ied_peacekeepers_killed', where: { year: ['2016'] } })).toBe(24);
    expect(total({ measure: 'ied_peacekeepers_killed', where: { year: ['2018'] } })).toBe(8);
    expect(total({ measure: 'ied_cleared_share', where: { mission: ['MINUSMA'], year: ['2014'] } })).toBeCloseTo(11, 0);
    expect(total({ measure: 'ied_cleared_share', where: { mission: ['MINUSMA'], year: ['2018'] } })).toBeGreaterThan(50);
    const malicious2018 = ws.crossTab({ measure: 'fatalities', rows: ['mission'], where: { year: ['2018'], incident_type: ['Malicious Act'], service: ['military', 'police'] } });
    expect(Object.fromEntries(malicious2018.rows.map((r) => [r.key[0], r.total]))).toEqual({ MINUSMA: 11, MONUSCO: 8, MINUSCA: 7, UNMISS: 1 });
    ws.close();
  });

  it('flags every dataset synthetic and marks every result', () => {
    const ws = new Workspace(db);
    expect(ws.datasets().every((d) => d.synthetic)).toBe(true);
    expect(ws.info()).toMatchObject({ kind: 'demo', synthetic: true });
    expect(ws.crossTab({ measure: 'fatalities' }).synthetic).toBe(true);
    ws.close();
    const table = bluehelm(['crosstab', '--db', db, '--measure', 'ied_incidents', '--rows', 'year', '--where', 'mission=MINUSMA']);
    expect(table.out.split('\n')[0]).toMatch(/SYNTHETIC DEMO DATA/);
    const csv = bluehelm(['crosstab', '--db', db, '--measure', 'deployed', '--rows', 'mission', '--cols', 'year', '--format', 'csv']);
    expect(csv.err).toMatch(/SYNTHETIC DEMO DATA/);
    expect(csv.out).not.toMatch(/SYNTHETIC/);
    const json = bluehelm(['crosstab', '--db', db, '--measure', 'deployed', '--rows', 'mission', '--format', 'json']);
    expect(JSON.parse(json.out).synthetic).toBe(true);
  });

  it('refuses real data, and refuses to put the demo into a real workspace', () => {
    const refused = bluehelm(['import', FATALITIES_CSV, '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/synthetic demo workspace; real data never goes into it\. Start a workspace of your own/);
    const real = tempDb();
    const ws = openWorkspace(real);
    importFile(ws, { path: FATALITIES_CSV });
    expect(() => writeDemoWorkspace(ws, real)).toThrow(/holds real data/);
    expect(ws.prepare('SELECT COUNT(*) FROM dataset WHERE synthetic = 1').pluck().get()).toBe(0);
    ws.close();
    expect(bluehelm(['demo', '--db', real]).code).toBe(1);
  });
});

describe('workspaces: first start, switching, new', () => {
  it('a first start with no workspace opens the demo; a later start opens the analyst’s own', () => {
    const dir = tempDir();
    const first = startupWorkspace(undefined, dir);
    expect(first).toEqual({ path: path.join(dir, 'demo-workspace.sqlite'), firstStart: true });
    const session = new Session(first.path, dir);
    expect(session.current.info().synthetic).toBe(true);
    const own = session.createReal();
    expect(own.path).toBe(path.join(dir, 'workspace.sqlite'));
    expect(own.info()).toMatchObject({ kind: 'empty', synthetic: false });
    importFile(own.db, { path: FATALITIES_CSV });
    expect(session.recent().map((r) => path.basename(r.path))).toEqual(['workspace.sqlite', 'demo-workspace.sqlite']);
    session.openDemo();
    expect(session.current.info().kind).toBe('demo');
    session.close();
    expect(startupWorkspace(undefined, dir)).toEqual({ path: path.join(dir, 'workspace.sqlite'), firstStart: false });
    const again = new Session(first.path, dir);
    expect(() => again.open('/etc/passwd')).toThrow(/ends in \.sqlite/);
    // A page may not choose where workspace files are created or which file is opened.
    expect(() => again.openFromPage(path.join(tempDir(), 'elsewhere.sqlite'))).toThrow(/not a workspace Bluehelm has opened/);
    expect(() => again.createReal('../escape')).toThrow(/a workspace name is letters/);
    expect(again.openFromPage(path.join(dir, 'workspace.sqlite')).info().kind).toBe('real');
    expect(again.createReal('Mali 2024').path).toBe(path.join(dir, 'Mali 2024.sqlite'));
    again.close();
    expect(fs.existsSync(path.join(dir, 'recent-workspaces.json'))).toBe(true);
  });
});
