import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, openWorkspace } from '../../electron/core/db/open';
import { ensureDemoWorkspace, Session } from '../../electron/core/session';
import { dispatch } from '../../electron/core/dispatch';
import { importFile } from '../../electron/core/import/run';
import { operationsFor } from '../../electron/core/operations';
import type { Pack, PackDocInput, ExportJob } from '../../shared/pack';
import { REPO, tempDb, tempDir, writeTemp } from '../helpers';
import { hasPoppler, pdfText, readDeck, readWorkbook } from '../pack-files';

// Packs through the contract, as every door calls them: stored, reopened exactly, checked for stale
// numbers, exported by the job runner (its worker thread), and marked on the synthetic demo.

const HEADER = 'id,incident_date,casualty_id,mission_acronym,type_of_casualty,gender,casualty_nationality,casualty_personnel_type,type_of_incident,m49_code,isocode3,last_update';

/** 27 malicious-act deaths of uniformed personnel in 2018 (A/74/533 para 68); revised, one becomes an accident. */
function fatalities(lastUpdate: string, revised = false): string {
  const lines = [HEADER];
  let n = 0;
  for (const [mission, count] of [['MINUSMA', 11], ['MONUSCO', 8], ['MINUSCA', 7], ['UNMISS', 1]] as const)
    for (let i = 0; i < count; i++) {
      n++;
      lines.push(`${n},2018-0${1 + (i % 9)}-1${i % 9},FX-${n},${mission},Fatality,M,Chad,Military,${revised && n === 1 ? 'Accident' : 'Malicious Act'},148.0,TCD,${lastUpdate}`);
    }
  return lines.join('\n') + '\n';
}

async function call<T>(ops: ReturnType<typeof operationsFor>, name: string, input: unknown): Promise<T> {
  const r = await dispatch(ops, name, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

const malicious2018 = { measure: 'fatalities', rows: ['mission'], where: { incident_type: ['Malicious Act'] }, from: '2018-01-01', to: '2018-12-31' } as const;

async function finished(ops: ReturnType<typeof operationsFor>, job: ExportJob): Promise<ExportJob> {
  for (let i = 0; i < 600 && job.state === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    job = await call<ExportJob>(ops, 'packExportStatus', { jobId: job.id });
  }
  return job;
}

describe('migration 004: packs', () => {
  it('adds the pack table to a workspace of version 3 that holds data, which is kept', () => {
    const file = tempDb();
    const db = new Database(file);
    const dir = path.join(REPO, 'electron', 'core', 'db', 'migrations');
    db.transaction(() => {
      for (const f of fs.readdirSync(dir).filter((f) => /^00[123]-/.test(f)).sort()) db.exec(fs.readFileSync(path.join(dir, f), 'utf8'));
      db.pragma('user_version = 3');
    })();
    db.close();
    const ws = openWorkspace(file);
    importFile(ws, { path: writeTemp('f.csv', fatalities('2019-06-30')) });
    expect(ws.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(4);
    expect(ws.prepare(`SELECT COUNT(*) FROM fatality`).pluck().get()).toBe(27);
    expect(() => ws.prepare(`INSERT INTO pack (name, doc, created_at, updated_at) VALUES ('x', 'not json', '', '')`).run()).toThrow(/CHECK constraint/);
    expect(migrate(ws)).toEqual([]);
    ws.close();
  });
});

describe('packs through the contract', () => {
  it('are created from a view, edited, reopened exactly as left, renamed, duplicated and deleted', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ws.sqlite');
    const first = new Session(file, dir);
    importFile(first.db, { path: writeTemp('f.csv', fatalities('2019-06-30')) });
    const ops = operationsFor(first);
    const made = await call<Pack>(ops, 'packAddSlide', { packId: null, slide: { kind: 'view', spec: malicious2018, chart: 'bar' } });
    expect(made.doc.slides.map((s) => s.kind)).toEqual(['cover', 'view', 'sources']);
    const view = made.doc.slides[1];
    expect(view.kind === 'view' && view.basis?.grandTotal).toBe(27);
    // Published figures added one after another gather on one slide.
    await call<Pack>(ops, 'packAddSlide', { packId: made.id, slide: { kind: 'figures', figures: ['a74-533-p68-malicious-2018-total'] } });
    const gathered = await call<Pack>(ops, 'packAddSlide', { packId: made.id, slide: { kind: 'figures', figures: ['a74-533-p68-malicious-2018-minusma'] } });
    expect(gathered.doc.slides.map((s) => s.kind)).toEqual(['cover', 'view', 'figures', 'sources']);
    expect(gathered.doc.slides[2]).toMatchObject({ figures: ['a74-533-p68-malicious-2018-total', 'a74-533-p68-malicious-2018-minusma'] });
    const doc: PackDocInput = {
      ...made.doc,
      settings: { ...made.doc.settings, title: 'Malicious acts, 2018', author: 'Cell', marking: 'FOR OFFICIAL USE ONLY', lang: 'zh', pageSize: 'A4' },
      slides: [made.doc.slides[0], { ...made.doc.slides[1], title: 'By mission', message: 'MINUSMA first', notes: 'Check with A/74/533' } as never, made.doc.slides[2]],
    };
    const saved = await call<Pack>(ops, 'packSave', { id: made.id, doc });
    first.close();

    const reopened = operationsFor(new Session(file, dir));
    const again = await call<Pack>(reopened, 'packGet', { id: made.id });
    expect(again.doc).toEqual(saved.doc);
    expect(again.doc.settings).toMatchObject({ lang: 'zh', pageSize: 'A4', marking: 'FOR OFFICIAL USE ONLY' });

    const renamed = await call<Pack>(reopened, 'packRename', { id: made.id, name: 'Monthly' });
    const copy = await call<Pack>(reopened, 'packDuplicate', { id: made.id });
    expect(copy.doc.name).toBe('Monthly (copy)');
    expect(copy.doc.slides).toEqual(renamed.doc.slides);
    const clash = await dispatch(reopened, 'packRename', { id: copy.id, name: 'Monthly' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'a pack named "Monthly" exists already' } });
    await call(reopened, 'packDelete', { id: copy.id });
    expect((await call<{ name: string }[]>(reopened, 'packList', {})).map((p) => p.name)).toEqual(['Monthly']);
    expect(await dispatch(reopened, 'packGet', { id: copy.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('names the slide and field of a wrong document, and a published figure that does not exist', async () => {
    const dir = tempDir();
    const ops = operationsFor(new Session(path.join(dir, 'ws.sqlite'), dir));
    const bad = await dispatch(ops, 'packSave', { doc: { name: 'x', settings: { title: 't' }, slides: [{ kind: 'figures', figures: ['no-such-figure'] }] } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'slide 1, field "figures": no published figure "no-such-figure" (see data/published-figures.json for the ids)' } });
    const wrong = await dispatch(ops, 'packSave', { doc: { name: 'x', settings: { title: 't' }, slides: [{ kind: 'view', spec: { measure: 'fatalities' }, show: 'map' }] } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!wrong.ok && wrong.error.message).toMatch(/slides\.0\.show/);
  });

  it('reports which slides’ numbers changed after a revised file is imported, with old and new totals', async () => {
    const dir = tempDir();
    const session = new Session(path.join(dir, 'ws.sqlite'), dir);
    importFile(session.db, { path: writeTemp('fatalities-2018.csv', fatalities('2019-06-30')) });
    const ops = operationsFor(session);
    const pack = await call<Pack>(ops, 'packAddSlide', { packId: null, slide: { kind: 'view', spec: malicious2018 } });
    await call<Pack>(ops, 'packAddSlide', { packId: pack.id, slide: { kind: 'view', spec: { measure: 'fatalities', rows: ['year'], where: { incident_type: ['Accident'] } } } });
    expect(await call(ops, 'packCheck', { id: pack.id })).toEqual({ stale: [] });

    importFile(session.db, { path: writeTemp('fatalities-2018-revised.csv', fatalities('2024-01-15', true)) });
    session.current.refreshEngine();
    const { stale } = await call<{ stale: { index: number; before: { grandTotal: number; sources: string[] }; now: { grandTotal: number; sources: string[] } }[] }>(ops, 'packCheck', { id: pack.id });
    // One death reclassified from malicious act to accident: both slides' totals move.
    expect(stale.map((s) => [s.index, s.before.grandTotal, s.now.grandTotal])).toEqual([
      [1, 27, 26],
      [2, 0, 1],
    ]);
    expect(stale[0].before.sources).toEqual([expect.stringMatching(/^fatalities-2018\.csv \([0-9a-f]{12}\)$/)]);
    expect(stale[0].now.sources).toEqual([stale[0].before.sources[0], expect.stringMatching(/^fatalities-2018-revised\.csv \([0-9a-f]{12}\)$/)]);
    // An export says so too, and taking the new numbers clears it.
    const job = await finished(ops, await call<ExportJob>(ops, 'packExportStart', { id: pack.id, format: 'xlsx' }));
    expect(job.state).toBe('done');
    expect(job.stale.map((s) => s.index)).toContain(1);
    await call(ops, 'packAccept', { id: pack.id });
    expect(await call(ops, 'packCheck', { id: pack.id })).toEqual({ stale: [] });
  });
});

describe('a pack on the synthetic demo', () => {
  it('carries SYNTHETIC DEMO DATA on every slide, page and sheet', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'demo.sqlite');
    ensureDemoWorkspace(file);
    const session = new Session(file, dir);
    const ops = operationsFor(session);
    const pack = await call<Pack>(ops, 'packAddSlide', { packId: null, slide: { kind: 'view', spec: { measure: 'ied_incidents', rows: ['year'], where: { mission: ['MINUSMA'] } } } });
    const files: Record<string, string> = {};
    for (const format of ['pptx', 'pdf', 'xlsx'] as const) {
      const job = await finished(ops, await call<ExportJob>(ops, 'packExportStart', { id: pack.id, format }));
      expect(job).toMatchObject({ state: 'done', synthetic: true, progress: 1 });
      const bytes = session.current.exports.file(job.id).bytes;
      files[format] = path.join(dir, `demo.${format}`);
      fs.writeFileSync(files[format], bytes);
    }
    const deck = await readDeck(files.pptx);
    expect(deck).toHaveLength(3);
    for (const s of deck) expect(s.text).toContain('SYNTHETIC DEMO DATA');
    if (hasPoppler) for (let p = 1; p <= 3; p++) expect(pdfText(files.pdf, p)).toContain('SYNTHETIC DEMO DATA');
    const wb = await readWorkbook(files.xlsx);
    for (const sheet of wb.worksheets) expect(String(sheet.getRow(2).getCell(1).value)).toContain('SYNTHETIC DEMO DATA');
    session.close();
  });

  it('writes text that looks like a formula as text in the workbook', async () => {
    const dir = tempDir();
    const session = new Session(path.join(dir, 'ws.sqlite'), dir);
    importFile(session.db, { path: writeTemp('f.csv', fatalities('2019-06-30')) });
    const ops = operationsFor(session);
    const pack = await call<Pack>(ops, 'packAddSlide', { packId: null, slide: { kind: 'view', spec: malicious2018, title: '=HYPERLINK("http://x","y")' } });
    const job = await finished(ops, await call<ExportJob>(ops, 'packExportStart', { id: pack.id, format: 'xlsx' }));
    const out = path.join(dir, 'f.xlsx');
    fs.writeFileSync(out, session.current.exports.file(job.id).bytes);
    const wb = await readWorkbook(out);
    const cell = wb.worksheets[1].getRow(2).getCell(1);
    expect(cell.value).toBe('=HYPERLINK("http://x","y")');
    expect(cell.type).toBe(3); // ExcelJS.ValueType.String: never a formula
    session.close();
  });
});
