import { lookups } from '../../shared/present/labels';
import { parseViewSpec, type CrossTab, type ViewSpecInput } from '../../shared/spec';

/** One engine row: its keys (outermost first), one cell per column key, and its total. */
export type FixtureRow = [key: string[], cells: (number | null)[], total: number | null];

/** A cross-tab as the engine answers it, for tests of what is drawn from one (charts, trends, tables). */
export function engineTable(spec: ViewSpecInput, colKeys: string[], rows: FixtureRow[], colTotals: (number | null)[] = [], grandTotal: number | null = null): CrossTab {
  const parsed = parseViewSpec(spec);
  return {
    spec: parsed,
    rowDims: parsed.rows,
    colDim: parsed.cols ?? null,
    colKeys,
    rows: rows.map(([key, cells, total]) => ({ key, cells, total })),
    colTotals,
    grandTotal,
    blankReason: null,
    synthetic: false,
    sources: [],
    elapsedMs: 1,
  };
}

/** Reference lookups holding one mission (MINUSMA), enough to label it in both languages. */
export const MINUSMA_REF = lookups({
  missions: [{ acronym: 'MINUSMA', name_en: 'UN Multidimensional Integrated Stabilization Mission in Mali', name_zh: '联合国马里多层面综合稳定特派团', short_zh: '马里稳定团', host: ['MLI'] }],
  countries: [],
  regions: {},
});
