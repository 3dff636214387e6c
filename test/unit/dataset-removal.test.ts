import { describe, expect, it } from 'vitest';
import type { DatasetEntry } from '../../shared/contract';
import { laterOverlapping } from '../../shared/present/removal';

const entry = (id: number, kind: DatasetEntry['kind'], unchanged: number, updated: number): DatasetEntry => ({
  id,
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
  it('warns of later files of the same kind that met rows already in the workspace, and of no others', () => {
    const first = entry(1, 'fatalities', 0, 0);
    const all = [first, entry(2, 'deployments', 5, 0), entry(3, 'fatalities', 0, 0), entry(4, 'fatalities', 4, 1), entry(5, 'fatalities', 0, 2)];
    expect(laterOverlapping(all, first).map((d) => d.id)).toEqual([4, 5]);
    // An earlier file is never at risk from removing a later one: its rows name it, or were changed by the later file.
    expect(laterOverlapping(all, all[3])).toEqual([entry(5, 'fatalities', 0, 2)]);
    expect(laterOverlapping(all, all[4])).toEqual([]);
  });
});
