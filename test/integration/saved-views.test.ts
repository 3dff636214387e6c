import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { operationsFor } from '../../electron/core/operations';
import { Session } from '../../electron/core/session';
import type { Annotation } from '../../shared/annotations';
import type { SavedView } from '../../shared/views';
import { checkWorkspace, migrate } from '../../electron/core/db/open';
import { spawnSync } from 'node:child_process';
import { CLI, tempDb, tempDir } from '../helpers';
import { contents, oldWorkspace } from '../reliability/old-workspace';
import Database from 'better-sqlite3';

// Saved views, the last view and the analyst's annotations through the contract, as every door calls them:
// kept in the workspace file (a second session on the same file sees them), bad input refused naming the field.

type Ops = ReturnType<typeof operationsFor>;

async function call<T>(ops: Ops, name: string, input: unknown): Promise<T> {
  const r = await dispatch(ops, name, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function refusal(ops: Ops, name: string, input: unknown): Promise<{ code: string; message: string }> {
  const r = await dispatch(ops, name, input);
  if (r.ok) throw new Error(`${name} accepted ${JSON.stringify(input)}`);
  return r.error;
}

const malicious = { measure: 'fatalities', rows: ['mission'], cols: 'year', where: { incident_type: ['Malicious Act'] }, from: '2018-01-01' } as const;

function session(): { file: string; dir: string; open: () => Session } {
  const dir = tempDir('h2-views-');
  const file = path.join(dir, 'ws.sqlite');
  return { file, dir, open: () => new Session(file, dir) };
}

describe('migration 005: saved views and annotations', () => {
  it('adds both tables to a version 4 workspace holding data, which is kept, and their checks hold', () => {
    const file = tempDb();
    oldWorkspace(file, 4);
    const before = contents(file);
    const db = new Database(file);
    expect(migrate(db, { upTo: 5 })).toEqual([5]);
    const after = contents(file);
    for (const [table, rows] of before) if (table !== 'workspace_meta') expect(after.get(table), table).toEqual(rows);
    const now = '2026-12-03T07:00:00Z';
    expect(() => db.prepare(`INSERT INTO saved_view (name, spec, tab, chart, created_at, updated_at) VALUES ('v', 'not json', 'crossTab', '{}', ?, ?)`).run(now, now)).toThrow(/CHECK constraint/);
    db.prepare(`INSERT INTO saved_view (name, spec, tab, chart, created_at, updated_at) VALUES ('v', '{}', 'crossTab', '{}', ?, ?)`).run(now, now);
    expect(() => db.prepare(`INSERT INTO saved_view (name, spec, tab, chart, created_at, updated_at) VALUES ('v', '{}', 'crossTab', '{}', ?, ?)`).run(now, now)).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO annotation (date, label_en, label_zh, created_at) VALUES ('2019-06-15', NULL, NULL, ?)`).run(now)).toThrow(/CHECK constraint/);
    expect(() => db.prepare(`INSERT INTO annotation (date, label_en, created_at) VALUES ('15/06/2019', 'x', ?)`).run(now)).toThrow(/CHECK constraint/);
    expect(checkWorkspace(db).ok).toBe(true);
    db.close();
  });
});

describe('saved views through the contract', () => {
  it('are saved, listed, renamed, duplicated, noted, deleted, and kept in the workspace file', async () => {
    const s = session();
    const first = s.open();
    const ops = operationsFor(first);
    const saved = await call<SavedView>(ops, 'viewSave', { name: '  Malicious acts by mission ', spec: malicious, tab: 'trends', chart: { chart: 'bar', average: 12, show: 'value' }, note: 'for the Monday brief' });
    expect(saved).toMatchObject({ name: 'Malicious acts by mission', tab: 'trends', chart: { chart: 'bar', average: 12, show: 'value' }, note: 'for the Monday brief' });
    // Stored as the engine reads it: defaults filled in.
    expect(saved.spec).toEqual({ ...malicious, rows: ['mission'], where: { incident_type: ['Malicious Act'] } });

    const copy = await call<SavedView>(ops, 'viewDuplicate', { id: saved.id });
    expect(copy.name).toBe('Malicious acts by mission (copy)');
    expect((await call<SavedView>(ops, 'viewDuplicate', { id: saved.id })).name).toBe('Malicious acts by mission (copy 2)');
    const renamed = await call<SavedView>(ops, 'viewRename', { id: copy.id, name: 'Deaths 2018 on' });
    expect(renamed).toMatchObject({ id: copy.id, spec: saved.spec, note: 'for the Monday brief' });
    const { createdAt: _c, updatedAt: _u, ...fields } = renamed;
    const noted = await call<SavedView>(ops, 'viewSave', { ...fields, note: 'check MINUSMA' });
    expect(noted.note).toBe('check MINUSMA');
    expect(noted.createdAt).toBe(renamed.createdAt);

    const names = (await call<SavedView[]>(ops, 'viewList', {})).map((v) => v.name);
    expect(names).toEqual(['Deaths 2018 on', 'Malicious acts by mission', 'Malicious acts by mission (copy 2)']);
    expect(await call(ops, 'viewDelete', { id: saved.id })).toEqual({ deleted: saved.id });
    expect(await refusal(ops, 'viewDelete', { id: saved.id })).toEqual({ code: 'not_found', message: `no saved view with id ${saved.id}` });
    first.close();

    // Another session on the same file (a restart) finds them as they were left.
    const second = s.open();
    const again = await call<SavedView[]>(operationsFor(second), 'viewList', {});
    expect(again.map((v) => [v.name, v.note])).toEqual([
      ['Deaths 2018 on', 'check MINUSMA'],
      ['Malicious acts by mission (copy 2)', 'for the Monday brief'],
    ]);
    second.close();
  });

  it('refuse bad input, naming the field', async () => {
    const s = session();
    const ws = s.open();
    const ops = operationsFor(ws);
    const ok = { name: 'A view', spec: malicious, tab: 'crossTab' };
    await call(ops, 'viewSave', ok);
    const cases: [string, unknown, RegExp][] = [
      ['viewSave', { ...ok, name: '   ' }, /^viewSave: name: a view needs a name/],
      ['viewSave', { ...ok, name: 'x'.repeat(121) }, /^viewSave: name: /],
      ['viewSave', { ...ok, name: 'A view' }, /^viewSave: name: a view named "A view" exists already/],
      ['viewSave', { ...ok, name: 'B', spec: { ...malicious, measure: 'casualties' } }, /^viewSave: spec\.measure: /],
      ['viewSave', { ...ok, name: 'B', spec: { ...malicious, from: '2018-02-30' } }, /^viewSave: spec\.from: not a calendar date/],
      // The schema lets a known measure and dimension through; the core says the pair does not apply.
      ['viewSave', { ...ok, name: 'B', spec: { measure: 'deployed', rows: ['incident_type'] } }, /^viewSave: spec: measure "deployed" does not apply to row dimension "incident_type"/],
      ['viewSave', { ...ok, name: 'B', tab: '../x' }, /^viewSave: tab: expected a tab id/],
      ['viewSave', { ...ok, name: 'B', note: 'n'.repeat(2001) }, /^viewSave: note: /],
      ['viewSave', { ...ok, name: 'B', chart: { average: { nested: 1 } } }, /^viewSave: chart\.average: /],
      ['viewSave', { ...ok, name: 'B', extra: 1 }, /^viewSave: input: Unrecognized key/],
      ['viewRename', { id: 0, name: 'C' }, /^viewRename: id: /],
      ['viewDuplicate', { id: 'one' }, /^viewDuplicate: id: /],
      ['viewKeepLast', { spec: malicious, tab: 'crossTab', chart: 'bar' }, /^viewKeepLast: chart: /],
    ];
    for (const [name, input, message] of cases) {
      const error = await refusal(ops, name, input);
      expect(error.code, JSON.stringify(input)).toBe('invalid_input');
      expect(error.message, JSON.stringify(input)).toMatch(message);
    }
    expect((await call<SavedView[]>(ops, 'viewList', {})).map((v) => v.name)).toEqual(['A view']);
    ws.close();
  });

  it('keep the last view in the workspace, for the next start', async () => {
    const s = session();
    const first = s.open();
    const ops = operationsFor(first);
    expect(await call(ops, 'viewLast', {})).toBeNull();
    await call(ops, 'viewKeepLast', { spec: malicious, tab: 'trends', chart: { average: 12 } });
    first.close();
    const second = s.open();
    expect(await call(operationsFor(second), 'viewLast', {})).toEqual({ spec: { ...malicious, rows: ['mission'] }, tab: 'trends', chart: { average: 12 } });
    // A kept view this version cannot read (another version's measure) opens the default view rather than failing.
    second.db.prepare(`UPDATE workspace_meta SET value = ? WHERE key = 'last_view'`).run(JSON.stringify({ spec: { measure: 'gone' }, tab: 'x', chart: {} }));
    expect(await call(operationsFor(second), 'viewLast', {})).toBeNull();
    second.close();
  });
});

describe('bluehelm views list', () => {
  it('lists the saved views of the workspace named by --db, with what each shows and its note; --json as stored', async () => {
    const s = session();
    const ws = s.open();
    const ops = operationsFor(ws);
    const saved = await call<SavedView>(ops, 'viewSave', { name: 'Malicious acts by mission', spec: malicious, tab: 'trends', chart: { average: 12 }, note: 'for the Monday brief' });
    ws.close();
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'views', ...args, '--db', s.file], { encoding: 'utf8' });
    const text = run('list');
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`^#${saved.id} Malicious acts by mission  \\[trends\\]  Fatalities by Mission × Year · Incident type: Malicious Act · 2018-01-01 – … {2}saved \\S+\\n {4}for the Monday brief\\n$`));
    const json = run('list', '--json');
    expect(JSON.parse(json.stdout)).toEqual([saved]);
    const wrong = run('show');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('bluehelm: views takes list');
  }, 60_000);
});

describe('annotations through the contract', () => {
  it('list the bundled ones with their Chinese labels, add and delete the analyst’s own, refuse bad input naming the field', async () => {
    const s = session();
    const ws = s.open();
    const ops = operationsFor(ws);
    const bundled = await call<Annotation[]>(ops, 'annotationList', {});
    expect(bundled.map((a) => [a.id, a.date, a.label.en, a.label.zh])).toEqual([
      ['bundled:a4p-launch', '2018-03-28', 'Action for Peacekeeping launched', '秘书长发起“以行动促维和”倡议'],
      ['bundled:res-2518', '2020-03-30', 'Resolution 2518 (2020) adopted', '安理会通过第2518(2020)号决议'],
    ]);
    const mine = await call<Annotation>(ops, 'annotationAdd', { date: '2019-06-15', label: { en: 'Mopti attacks' } });
    expect(mine).toEqual({ id: expect.stringMatching(/^user:\d+$/), date: '2019-06-15', label: { en: 'Mopti attacks', zh: null }, source: 'user', mission: null });
    const both = await call<Annotation>(ops, 'annotationAdd', { date: '2021-01-01', label: { en: 'New year', zh: '新年' } });
    expect((await call<Annotation[]>(ops, 'annotationList', {})).map((a) => a.id)).toEqual(['bundled:a4p-launch', mine.id, 'bundled:res-2518', both.id]);

    const cases: [string, unknown, RegExp][] = [
      ['annotationAdd', { date: '2019-13-01', label: { en: 'x' } }, /^annotationAdd: date: not a calendar date/],
      ['annotationAdd', { date: '15/06/2019', label: { en: 'x' } }, /^annotationAdd: date: expected YYYY-MM-DD/],
      ['annotationAdd', { date: '2019-06-15', label: {} }, /^annotationAdd: label: an annotation needs a label in English or Chinese/],
      ['annotationAdd', { date: '2019-06-15', label: { en: 'x'.repeat(121) } }, /^annotationAdd: label\.en: /],
      ['annotationAdd', { date: '2019-06-15', label: { fr: 'x' } }, /^annotationAdd: label: Unrecognized key/],
      ['annotationDelete', { id: 'bundled:a4p-launch' }, /^annotationDelete: id: only your own annotations/],
    ];
    for (const [name, input, message] of cases) {
      const error = await refusal(ops, name, input);
      expect(error.code, JSON.stringify(input)).toBe('invalid_input');
      expect(error.message, JSON.stringify(input)).toMatch(message);
    }
    expect(await call(ops, 'annotationDelete', { id: mine.id })).toEqual({ deleted: mine.id });
    expect((await refusal(ops, 'annotationDelete', { id: mine.id })).code).toBe('not_found');
    ws.close();
    const again = s.open();
    expect((await call<Annotation[]>(operationsFor(again), 'annotationList', {})).map((a) => a.id)).toEqual(['bundled:a4p-launch', 'bundled:res-2518', both.id]);
    again.close();
  });
});
