import { describe, expect, it } from 'vitest';
import type { DatasetEntry } from '../../shared/contract';
import { removalEffects } from '../../shared/present/removal';

const entry = (id: number, kind: DatasetEntry['kind'], unchanged: number, updated: number, versions_kept = true): DatasetEntry => ({
  id,
  versions_kept,
  kind,
  unchanged,
  updated,
  file_name: `f${id}.csv`,
  layout: 'x',
  sha256: String(id),
  rows_read: 10,
  inserted: 10 - unchanged - updated,
  rejected: 0,
  skipped: 0,
  synthetic: false,
  imported_at: '2026-12-03T06:00:00Z',
  last_update: null,
});

describe('the removal confirmation', () => {
  it('says what comes back and which later files of the same kind keep the rows they also hold', () => {
    const first = entry(1, 'fatalities', 0, 0);
    const all = [first, entry(2, 'deployments', 5, 0), entry(3, 'fatalities', 0, 0), entry(4, 'fatalities', 4, 1), entry(5, 'fatalities', 0, 2)];
    expect(removalEffects(all, first)).toEqual({ restored: 0, lost: 0, keptBy: [all[3], all[4]], goneFrom: [] });
    // A later file that changed rows: the earlier version of each comes back; no file after it met them.
    expect(removalEffects(all, all[4])).toEqual({ restored: 2, lost: 0, keptBy: [], goneFrom: [] });
    expect(removalEffects(all, all[3])).toEqual({ restored: 1, lost: 0, keptBy: [all[4]], goneFrom: [] });
  });

  it('warns, for files imported before every version was kept, that what they changed or shared cannot come back', () => {
    const all = [entry(1, 'ied', 0, 0, false), entry(2, 'ied', 3, 4, false), entry(3, 'ied', 1, 2, true)];
    expect(removalEffects(all, all[0])).toEqual({ restored: 0, lost: 0, keptBy: [all[2]], goneFrom: [all[1]] });
    expect(removalEffects(all, all[1])).toEqual({ restored: 0, lost: 4, keptBy: [all[2]], goneFrom: [] });
    expect(removalEffects(all, all[2])).toEqual({ restored: 2, lost: 0, keptBy: [], goneFrom: [] });
  });
});
