import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { importFile } from '../../electron/core/import/run';
import { operationsFor } from '../../electron/core/operations';
import { Session } from '../../electron/core/session';
import type { OperationOutput } from '../../shared/contract';
import { FIXTURES, tempDir, writeTemp } from '../helpers';

// The map's IED points through the contract: the incidents the ied_incidents count counts, each where its
// file placed it, under the same filters and dates.

const TEMPLATE_HEADER = 'record_id,date,mission,country_iso3,admin1,location,latitude,longitude,event_type,outcome,killed,injured,peacekeepers_killed,peacekeepers_injured,target,source,notes';

describe('IED incidents as points', () => {
  const dir = tempDir('h3-ied-points-');
  const session = new Session(path.join(dir, 'ws.sqlite'), dir);
  importFile(session.db, { path: path.join(FIXTURES, 'acled-sahel-sample.csv') });
  // One incident the mine-action cell could not place: counted, never drawn at 0° 0°.
  importFile(session.db, { path: writeTemp('unplaced.csv', `${TEMPLATE_HEADER}\nH3-1,2018-06-01,MINUSMA,MLI,Gao,Gao,,,Roadside IED,detonated,1,0,0,0,other,UNMAS,no coordinates\n`) });
  const ops = operationsFor(session);
  afterAll(() => session.close());
  const call = async <T,>(name: string, input: unknown): Promise<T> => {
    const r = await dispatch(ops, name, input);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value as T;
  };

  it('lists each placed incident with its coordinates, and counts the unplaced one', async () => {
    const all = await call<OperationOutput<'iedPoints'>>('iedPoints', {});
    const counted = await call<OperationOutput<'crossTab'>>('crossTab', { measure: 'ied_incidents', rows: [] });
    expect(all.total).toBe(counted.grandTotal);
    expect(all.unplaced).toBe(1);
    expect(all.points).toHaveLength(all.total - 1);
    expect(all.points[0]).toEqual({ lat: 19.4613, lon: 0.8584, date: '2018-01-12', location: 'Aguelhok', killed: 2, outcome: 'detonated' });
  });

  it('applies the view’s filters and dates as the count does', async () => {
    const where = { host_country: ['MLI'] };
    const points = await call<OperationOutput<'iedPoints'>>('iedPoints', { where, from: '2018-02-01', to: '2018-12-31' });
    const counted = await call<OperationOutput<'crossTab'>>('crossTab', { measure: 'ied_incidents', rows: [], where, from: '2018-02-01', to: '2018-12-31' });
    expect(points.total).toBe(counted.grandTotal);
    expect(points.points.map((p) => p.date)).toEqual(['2018-02-03', '2018-02-10', '2018-04-14']);
    expect(points.truncated).toBe(false);
    const first = await call<OperationOutput<'iedPoints'>>('iedPoints', { limit: 2 });
    expect(first).toMatchObject({ truncated: true, points: [{ date: '2018-01-12' }, { date: '2018-02-03' }] });
  });

  it('refuses a filter IED records do not carry, with the reason', async () => {
    const r = await dispatch(ops, 'iedPoints', { where: { country: ['FRA'] } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/does not apply to filter dimension "country"/) });
  });
});
