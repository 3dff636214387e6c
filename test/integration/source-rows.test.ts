import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { importFile } from '../../electron/core/import/run';
import { operationsFor } from '../../electron/core/operations';
import { sourceRows } from '../../electron/core/query/drill';
import { Session } from '../../electron/core/session';
import { Workspace } from '../../electron/core/workspace';
import { parseViewSpec } from '../../shared/spec';
import { FATALITIES_CSV, tempDb, tempDir } from '../helpers';

const spec = parseViewSpec({
  measure: 'fatalities',
  rows: ['mission'],
  cols: 'year',
  where: { incident_type: ['Malicious Act'], service: ['military', 'police'] },
  from: '2018-01-01',
  to: '2018-12-31',
});

describe('every number traces to its source rows', () => {
  const db = tempDb();
  const lines = fs.readFileSync(FATALITIES_CSV, 'utf8').split('\n');
  beforeAll(() => {
    const ws = new Workspace(db);
    importFile(ws.db, { path: FATALITIES_CSV });
    ws.close();
  });

  it('a cell lists the very lines of the UN file it counts', () => {
    const ws = new Workspace(db);
    const [part] = sourceRows(ws.db, { spec, rowKey: ['MINUSMA'], colKey: '2018', limit: 100 });
    expect(part).toMatchObject({ subject: 'fatalities', role: 'rows', total: 11, truncated: false });
    expect(part.columns.slice(-2)).toEqual(['file', 'line']);
    for (const row of part.rows) {
      const [casualtyId, date, mission] = row;
      const [file, line] = row.slice(-2) as [string, number];
      expect(file).toBe('DPPADPOSS-FATALITIES.csv');
      const source = lines[line - 1].split(',');
      expect(source[2]).toBe(casualtyId);
      expect(source[1]).toBe(date);
      expect(source[3]).toBe(mission);
      expect(source[8]).toBe('Malicious Act');
    }
    ws.close();
  });

  it('a row total and the grand total list as many rows as they count', () => {
    const ws = new Workspace(db);
    expect(sourceRows(ws.db, { spec, rowKey: ['MONUSCO'], limit: 100 })[0].total).toBe(8);
    const all = sourceRows(ws.db, { spec, rowKey: [], limit: 5 })[0];
    expect(all).toMatchObject({ total: 27, truncated: true });
    expect(all.rows).toHaveLength(5);
    expect(sourceRows(ws.db, { spec: { ...spec, where: { ...spec.where, mission: ['MINUSCA'] } }, rowKey: ['MINUSMA'], limit: 10 })[0].total).toBe(0);
    ws.close();
  });

  it('is an operation of the contract, validated at the boundary', async () => {
    const dir = tempDir();
    const session = new Session(db, dir);
    const ops = operationsFor(session);
    const ok = await dispatch(ops, 'sourceRows', { spec, rowKey: ['MINUSCA'], colKey: '2018' });
    expect(ok.ok && (ok.value as { total: number }[])[0].total).toBe(7);
    const tooLong = await dispatch(ops, 'sourceRows', { spec, rowKey: ['MINUSCA', 'x'] });
    expect(tooLong).toMatchObject({ ok: false, status: 400 });
    const injected = await dispatch(ops, 'sourceRows', { spec, rowKey: ["x' OR 1=1 --"] });
    expect(injected.ok && (injected.value as { total: number }[])[0].total).toBe(0);
    session.close();
  });
});
