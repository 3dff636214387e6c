import { execFileSync, spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/core/operations';
import { CLI, FATALITIES_CSV, tempDb } from '../helpers';

function bluehelm(args: string[], db: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args, '--db', db], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const ANCHOR = ['--where', 'incident_type=Malicious Act', '--where', 'service=military|police', '--from', '2018-01-01', '--to', '2018-12-31'];

describe('bluehelm CLI on the real fatalities file', () => {
  const db = tempDb();
  beforeAll(() => {
    execFileSync(process.execPath, [CLI, 'import', FATALITIES_CSV, '--db', db, '--json'], { encoding: 'utf8' });
  });

  it('import --json reports the counts, and 0 inserted the second time', () => {
    const r = bluehelm(['import', FATALITIES_CSV, '--json'], db);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j).slice(0, 8)).toEqual(['kind', 'file', 'sha256', 'rows_read', 'inserted', 'updated', 'unchanged', 'rejected']);
    expect(j).toMatchObject({ kind: 'fatalities', rows_read: 4429, inserted: 0, updated: 0, sha256: 'eeb8d8bef3ebfbee65424e62ede466318265ce6d37d5b71476f6868ce9fc7b98' });
  });

  it('reproduces the Secretary-General: 27 malicious-act deaths of uniformed personnel in 2018 (A/74/533 para 68)', () => {
    const r = bluehelm(['crosstab', '--measure', 'fatalities', '--rows', 'year', ...ANCHOR, '--format', 'csv'], db);
    expect(r.code).toBe(0);
    expect(r.out).toBe('year,total\n2018,27\ntotal,27\n');
    const byMission = bluehelm(['crosstab', '--measure', 'fatalities', '--rows', 'mission', ...ANCHOR, '--format', 'csv'], db);
    const cells = Object.fromEntries(byMission.out.trim().split('\n').slice(1).map((l) => l.split(',')));
    expect(cells).toMatchObject({ MINUSMA: '11', MONUSCO: '8', MINUSCA: '7', total: '27' });
  });

  it('writes a cross-tab CSV with column values, row totals and a total line', () => {
    const r = bluehelm(['crosstab', '--measure', 'fatalities', '--rows', 'mission', '--cols', 'year', ...ANCHOR, '--format', 'csv'], db);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('mission,2018,total');
    expect(lines).toContain('MINUSMA,11,11');
    expect(lines[lines.length - 1]).toBe('total,27,27');
    const json = JSON.parse(bluehelm(['crosstab', '--measure', 'fatalities', '--rows', 'mission', ...ANCHOR, '--format', 'json'], db).out);
    expect(json.grandTotal).toBe(27);
    expect(json.synthetic).toBe(false);
    expect(json.sources[0].fileName).toBe('DPPADPOSS-FATALITIES.csv');
  });

  it('totals add up across two row dimensions and a column dimension', () => {
    const ws = new Workspace(db);
    const t = ws.crossTab({ measure: 'fatalities', rows: ['region', 'service'], cols: 'incident_type' });
    const sum = (xs: (number | null)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);
    for (const r of t.rows) expect(sum(r.cells)).toBe(r.total);
    expect(sum(t.colTotals)).toBe(t.grandTotal);
    expect(sum(t.rows.map((r) => r.total))).toBe(t.grandTotal);
    expect(t.grandTotal).toBe(4423);
    const africa = t.rows.filter((r) => r.key[0] === 'Africa');
    expect(africa.length).toBeGreaterThan(0);
    ws.close();
  });

  it('refuses an unknown dimension or a measure that does not apply, with exit code 1', () => {
    const unknown = bluehelm(['crosstab', '--measure', 'fatalities', '--rows', 'continent'], db);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/unknown dimension "continent"/);
    const wrong = bluehelm(['crosstab', '--measure', 'deployed', '--rows', 'incident_type'], db);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/does not apply/);
  });

  it('exit code 2 on usage errors, 1 on refused input naming the file', () => {
    expect(bluehelm(['crosstab'], db).code).toBe(2);
    expect(bluehelm(['frobnicate'], db).code).toBe(2);
    const missing = bluehelm(['import', '/nonexistent/file.csv'], db);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/\/nonexistent\/file\.csv: no such file/);
  });

  it('a filter value is data, never SQL: one matching nothing known is refused, naming the known values', () => {
    const r = bluehelm(['crosstab', '--measure', 'fatalities', '--where', "mission=x') OR 1=1 --", '--format', 'csv'], db);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/filter mission: 'x'\) OR 1=1 --' matches nothing in this workspace's fatalities nor the reference tables .* Known values: .*'MINUSMA'/);
    expect(bluehelm(['crosstab', '--measure', 'fatalities', '--format', 'csv'], db).out.trim().split('\n').pop()).toBe('total,4423');
  });

  it('a typo in a filter value is refused with the nearest known value; case alone is forgiven where unambiguous', () => {
    const typo = bluehelm(['crosstab', '--measure', 'fatalities', '--where', 'incident_type=Malicous Act', '--format', 'csv'], db);
    expect(typo.code).toBe(1);
    expect(typo.err).toMatch(/did you mean 'Malicious Act'\?/);
    expect(typo.err).toMatch(/Known values: 'Accident', 'Illness', 'Malicious Act', 'Self-Inflicted', 'To Be Determined', 'Unknown'/);
    const lower = bluehelm(['crosstab', '--measure', 'fatalities', '--rows', 'year', '--where', 'incident_type=malicious act', '--where', 'service=MILITARY|police', ...ANCHOR.slice(4), '--format', 'csv'], db);
    expect(lower.code).toBe(0);
    expect(lower.out).toBe('year,total\n2018,27\ntotal,27\n');
    // A real mission with no rows in this workspace is a filter that matches nothing, not a typo.
    expect(bluehelm(['crosstab', '--measure', 'fatalities', '--where', 'mission=MINUJUSTH', '--from', '2030-01-01', '--format', 'csv'], db).code).toBe(0);
  });

  it('sources lists the file lines behind a cell', () => {
    const r = bluehelm(['sources', '--measure', 'fatalities', '--rows', 'mission', '--cols', 'year', ...ANCHOR, '--row', 'MINUSCA', '--col', '2018', '--format', 'csv'], db);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('casualty_id,incident_date,mission,casualty_nationality,casualty_personnel_type,type_of_incident,gender,file,line');
    expect(lines).toHaveLength(8);
    expect(lines.every((l, i) => i === 0 || /,DPPADPOSS-FATALITIES\.csv,\d+$/.test(l))).toBe(true);
    const table = bluehelm(['sources', '--measure', 'fatalities', '--rows', 'mission', ...ANCHOR], db);
    expect(table.out).toMatch(/^source rows: 27 \(fatalities\)/);
    expect(bluehelm(['sources', '--measure', 'fatalities', '--row', 'MINUSCA'], db).code).toBe(2);
  });

  it('the built command and the TypeScript sources give the same answers', () => {
    for (const args of [['crosstab', '--measure', 'fatalities', '--rows', 'mission', '--cols', 'year', ...ANCHOR, '--format', 'csv'], ['datasets', '--json'], ['crosstab', '--measure', 'nope']]) {
      const built = bluehelm(args, db);
      const source = bluehelm(args, db, { BLUEHELM_FROM_SOURCE: '1' });
      expect([built.code, built.out, built.err]).toEqual([source.code, source.out, source.err]);
    }
  });

  it('db check and datasets report on the workspace', () => {
    expect(bluehelm(['db', 'check'], db).out).toMatch(/^ok: integrity_check ok/);
    expect(bluehelm(['datasets'], db).out).toMatch(/DPPADPOSS-FATALITIES\.csv\s+fatalities .*4429 rows, 6 rejected/);
  });
});
