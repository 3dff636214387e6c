import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../electron/core/import/run';
import { Workspace } from '../../electron/core/operations';
import type { CrossTab, ViewSpecInput } from '../../shared/spec';
import { CONTRIBUTIONS_PSDH, FATALITIES_CSV, tempDb } from '../helpers';

// A nested cross-tab's subtotals are the engine's answer for the leading dimensions alone, level by level,
// from the reference (SQL) engine and the columnar engine alike; for a rate or an average too.

describe('the subtotals of a nested cross-tab (real UN files)', () => {
  let ws: Workspace;
  beforeAll(() => {
    ws = new Workspace(tempDb());
    importFile(ws.db, { path: FATALITIES_CSV });
    importFile(ws.db, { path: CONTRIBUTIONS_PSDH });
  });
  afterAll(async () => {
    await ws.closeFully();
  });

  const levels = (t: CrossTab) => t.subtotals ?? [];
  const asRows = (t: CrossTab) => t.rows.map((r) => ({ key: r.key, cells: r.cells, total: r.total }));

  const specs: ViewSpecInput[] = [
    { measure: 'fatalities', rows: ['mission', 'incident_type', 'gender'], cols: 'year', from: '2015-01-01', to: '2019-12-31' },
    { measure: 'fatality_rate', rows: ['mission', 'service'], cols: 'year', from: '2021-01-01', to: '2024-12-31' },
    { measure: 'deployed', rows: ['region', 'mission'], cols: 'personnel_type', from: '2022-01-01', to: '2022-12-31' },
  ];

  for (const spec of specs) {
    it(`${spec.measure} by ${spec.rows!.join(' × ')}: each level equals the cross-tab of its leading dimensions`, async () => {
      const sql = ws.crossTab(spec);
      expect(levels(sql).map((l) => l.depth)).toEqual(spec.rows!.slice(1).map((_, i) => i + 1));
      for (const level of levels(sql)) {
        const alone = ws.crossTab({ ...spec, rows: spec.rows!.slice(0, level.depth) });
        expect(level.rows).toEqual(asRows(alone));
      }
      // The columnar engine answers the same subtotals.
      const columnar = await ws.crossTabAsync(spec);
      expect(levels(columnar).length).toBe(levels(sql).length);
      levels(columnar).forEach((level, i) =>
        level.rows.forEach((r, k) => {
          expect(r.key).toEqual(levels(sql)[i].rows[k].key);
          [...r.cells, r.total].forEach((v, j) => {
            const w = [...levels(sql)[i].rows[k].cells, levels(sql)[i].rows[k].total][j];
            if (v === null || w === null) expect(v).toBe(w);
            else expect(v).toBeCloseTo(w, 6);
          });
        }),
      );
    });
  }

  it('a table of one row dimension has no subtotals', () => {
    expect(ws.crossTab({ measure: 'fatalities', rows: ['mission'] }).subtotals).toBeUndefined();
  });
});
