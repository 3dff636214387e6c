import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureInfo } from '../../shared/catalogue';
import { parseViewSpec } from '../../shared/spec';
import { importFile } from '../../electron/core/import/run';
import { loadPublishedFigures, reconcile } from '../../electron/core/reconcile/reconcile';
import { Workspace } from '../../electron/core/workspace';
import { CLI, CONTRIBUTIONS_OPENDATA, CONTRIBUTIONS_PSDH, FATALITIES_CSV, tempDb, writeTemp } from '../helpers';

const figures = loadPublishedFigures();
const byId = (r: ReturnType<typeof reconcile>, id: string) => r.figures.find((f) => f.figure.id === id)!;

describe('the published-figures table', () => {
  it('holds at least 15 figures, each with a document, a quote and a valid spec', () => {
    expect(figures.length).toBeGreaterThanOrEqual(15);
    const subjects = new Set(figures.map((f) => f.subject));
    expect([...subjects].sort()).toEqual(['deployments', 'fatalities', 'ied']);
    for (const f of figures) {
      expect(() => parseViewSpec(f.spec), f.id).not.toThrow();
      expect(measureInfo[f.spec.measure].subjects, f.id).toContain(f.subject);
      expect(f.quote.length, f.id).toBeGreaterThan(5);
    }
    expect(new Set(figures.map((f) => f.id)).size).toBe(figures.length);
  });
});

describe('reconcile on the real UN files', () => {
  const db = tempDb();
  beforeAll(() => {
    const ws = new Workspace(db);
    for (const file of [FATALITIES_CSV, CONTRIBUTIONS_PSDH, CONTRIBUTIONS_OPENDATA]) importFile(ws.db, { path: file });
    ws.close();
  });

  it('reproduces the Secretary-General’s 2018 figures and gives each figure the status recorded for it', () => {
    const ws = new Workspace(db);
    const r = reconcile(ws);
    for (const id of ['a74-533-p68-malicious-2018-total', 'a74-533-p68-malicious-2018-minusma', 'a74-533-p68-malicious-2018-monusco', 'a74-533-p68-malicious-2018-minusca']) {
      expect(byId(r, id).status, id).toBe('matches');
    }
    expect(byId(r, 'a74-533-p68-malicious-2018-total').recomputed).toBe(27);
    const revised = byId(r, 'a74-533-p68-malicious-2017-total');
    expect(revised).toMatchObject({ status: 'differs', recomputed: 59, difference: 1 });
    expect(revised.reason).toMatch(/updated on 2025-04-04, after the document/);
    expect(byId(r, 'a74-533-p69-ied-killed-2016').reason).toMatch(/no IED incident data/);
    expect(byId(r, 'a74-533-p49-female-share-ipo-2017').reason).toMatch(/no deployment report for 2017-01-01\.\.2017-12-31: the deployments data covers 2009-11\.\.2014-02, 2021-02\.\.2025-07/);
    for (const f of r.figures) if (f.figure.expected_status) expect(f.status, f.figure.id).toBe(f.figure.expected_status);
    expect(r.counts.matches).toBeGreaterThanOrEqual(10);
    ws.close();
  });

  it('bluehelm reconcile prints the same in table, csv and json', () => {
    const run = (format: string) => spawnSync(process.execPath, [CLI, 'reconcile', '--db', db, '--format', format], { encoding: 'utf8' });
    const table = run('table');
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/matches\s+a74-533-p68-malicious-2018-total\s+27\s+27\s+0/);
    expect(table.stdout).toMatch(/\d+ match, \d+ differ, \d+ cannot be computed/);
    const csv = run('csv').stdout.trim().split('\n');
    expect(csv[0]).toBe('id,document,locator,date,published,recomputed,difference,status,reason');
    expect(csv.length).toBe(figures.length + 1);
    const json = JSON.parse(run('json').stdout);
    expect(json.figures).toHaveLength(figures.length);
  });
});

const HEADER = 'id,incident_date,casualty_id,mission_acronym,type_of_casualty,gender,casualty_nationality,casualty_personnel_type,type_of_incident,m49_code,isocode3,last_update';

function fixture(lastUpdate: string, reclassify = false): string {
  const lines = [HEADER];
  let n = 0;
  for (const [mission, count] of [['MINUSMA', 11], ['MONUSCO', 8], ['MINUSCA', 7], ['UNMISS', 1]] as const) {
    for (let i = 0; i < count; i++) {
      n++;
      const type = reclassify && n === 1 ? 'Accident' : 'Malicious Act';
      lines.push(`${n},2018-0${1 + (i % 9)}-1${i % 9},FX-${n},${mission},Fatality,M,Chad,${i % 4 ? 'Military' : 'Police'},${type},148.0,TCD,${lastUpdate}`);
    }
  }
  lines.push(`99,2018-05-05,FX-99,MINUSMA,Fatality,M,Mali,Local ,Malicious Act,466.0,MLI,${lastUpdate}`);
  return lines.join('\n') + '\n';
}

describe('reconcile on fixtures', () => {
  it('a figure’s spec gives the recorded value; a revised dataset turns the match into a difference', () => {
    const ws = new Workspace(tempDb());
    importFile(ws.db, { path: writeTemp('fatalities-2018.csv', fixture('2019-06-30')) });
    const before = reconcile(ws);
    expect(byId(before, 'a74-533-p68-malicious-2018-total')).toMatchObject({ status: 'matches', recomputed: 27, difference: 0, reason: null });
    expect(byId(before, 'a74-533-p68-malicious-2018-minusma')).toMatchObject({ status: 'matches', recomputed: 11 });
    expect(byId(before, 'dpo-ranking-2021-03-bgd').reason).toMatch(/no deployments dataset/);

    importFile(ws.db, { path: writeTemp('fatalities-2018-revised.csv', fixture('2024-01-15', true)) });
    const after = reconcile(ws);
    const total = byId(after, 'a74-533-p68-malicious-2018-total');
    expect(total).toMatchObject({ status: 'differs', recomputed: 26, difference: -1 });
    expect(total.reason).toMatch(/updated on 2024-01-15, after the document \(2019\)/);
    expect(byId(after, 'a74-533-p68-malicious-2018-monusco').status).toBe('matches');
    ws.close();
  });

  it('says which period is missing when the data ends before the figure’s period', () => {
    const ws = new Workspace(tempDb());
    importFile(ws.db, { path: writeTemp('fatalities-2018.csv', fixture('2019-06-30')) });
    const r = reconcile(ws);
    expect(byId(r, 'a74-533-p68-malicious-2019-jan-aug26')).toMatchObject({ status: 'cannot_compute', reason: expect.stringMatching(/ends on 2018-\d\d-\d\d, before 2019-01-01/) });
    ws.close();
  });
});

describe('reconcile on the synthetic demo', () => {
  it('says the data is synthetic instead of explaining differences by dataset revisions', async () => {
    const { writeDemoWorkspace } = await import('../../electron/core/demo/workspace');
    const file = tempDb();
    const ws = new Workspace(file);
    writeDemoWorkspace(ws.db, file);
    const r = reconcile(ws);
    expect(r.synthetic).toBe(true);
    const calibrated = byId(r, 'a74-533-p68-malicious-2018-total');
    expect(calibrated.status).toBe('matches');
    expect(calibrated.caveats[0]).toEqual({ code: 'synthetic_match' });
    for (const f of r.figures.filter((x) => x.status === 'differs')) expect(f.reason).toBe('synthetic demo data: the workspace holds no UN figures');
    ws.close();
  });
});
