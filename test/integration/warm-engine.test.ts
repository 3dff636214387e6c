import { afterAll, describe, expect, it, vi } from 'vitest';
import type { CrossTab } from '../../shared/spec';
import { importFile } from '../../electron/core/import/run';
import { Workspace } from '../../electron/core/operations';
import { CONTRIBUTIONS_PSDH, FATALITIES_CSV, tempDb } from '../helpers';

// Serve mode warms the cross-tab engine soon after it starts listening (once the small views answered by SQL
// pause); until the worker has read the workspace, a view over few rows is answered by SQL at once rather
// than after the worker's start.
const comparable = (t: CrossTab) => ({ ...t, elapsedMs: 0 });

describe('a warming cross-tab engine', () => {
  const db = tempDb();
  const setup = new Workspace(db);
  for (const file of [FATALITIES_CSV, CONTRIBUTIONS_PSDH]) importFile(setup.db, { path: file });
  setup.close();
  const ws = new Workspace(db);
  afterAll(() => ws.close());

  it('answers a view of the fatalities file before its worker is ready, equal to the worker’s answer after', async () => {
    ws.warmEngine();
    expect(ws.engineReady).toBe(false);
    const spec = { measure: 'fatalities', rows: ['year'], cols: 'service' } as const;
    const early = await ws.crossTabAsync(spec);
    // Answered on this thread, in the same turn: the worker cannot have started reading yet.
    expect(ws.engineReady).toBe(false);
    expect(comparable(early)).toEqual(comparable(ws.crossTab(spec)));
    // A view over the 48,000 deployment rows waits for the worker, which is then ready.
    const deployed = await ws.crossTabAsync({ measure: 'person_months', rows: ['mission'] });
    expect(ws.engineReady).toBe(true);
    expect(comparable(deployed)).toEqual(comparable(ws.crossTab({ measure: 'person_months', rows: ['mission'] })));
    expect(comparable(await ws.crossTabAsync(spec))).toEqual(comparable(early));
  });

  it('starts its worker by itself once the views answered by SQL pause, with no bigger view asked', async () => {
    const other = new Workspace(db);
    try {
      other.warmEngine();
      await other.crossTabAsync({ measure: 'fatalities', rows: ['year'] });
      expect(other.engineReady).toBe(false);
      await vi.waitFor(() => expect(other.engineReady).toBe(true), { timeout: 20_000, interval: 50 });
    } finally {
      other.close();
    }
  });
});
