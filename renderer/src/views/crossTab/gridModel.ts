import type { ColDef } from 'ag-grid-community';
import type { Dimension } from '../../../../shared/catalogue';
import type { CrossTab } from '../../../../shared/spec';
import { dimensionLabel, valueText, type Lookups } from '../../../../shared/present/labels';
import type { Lang } from '../../i18n/setup';
import { formatValue } from '../../../../shared/present/format';
import type { Measure } from '../../../../shared/catalogue';

/** One grid line: the row's keys, one cell per column key, and the row total. */
export interface GridRow {
  keys: string[];
  cells: (number | null)[];
  total: number | null;
  /** The pinned totals line, whose first key is already a label. */
  isTotal?: boolean;
}

const PIN_TOTAL_FROM = 8;

/** Column ids: `k<i>` for the row keys, `c<j>` for the j-th column key, and the row total. */
export const TOTAL_COL_ID = 'total';
export const valueColId = (j: number) => `c${j}`;
export function valueColIndex(colId: string): number | null {
  const m = /^c(\d+)$/.exec(colId);
  return m ? Number(m[1]) : null;
}

export interface GridModel {
  columnDefs: ColDef<GridRow>[];
  rowData: GridRow[];
  totals: GridRow[];
}

function keyColumn(dim: Dimension, i: number, lang: Lang, l: Lookups): ColDef<GridRow> {
  return {
    colId: `k${i}`,
    headerName: dimensionLabel(dim, lang),
    pinned: 'left',
    valueGetter: (p) => p.data?.keys[i] ?? '',
    valueFormatter: (p) => (p.data?.isTotal ? String(p.value ?? '') : valueText(dim, String(p.value ?? ''), lang, l).text),
    tooltipValueGetter: (p) => (p.data?.isTotal ? undefined : valueText(dim, String(p.value ?? ''), lang, l).title),
    cellClass: 'bh-key',
  };
}

function numberColumn(colId: string, headerName: string, get: (r: GridRow) => number | null, measure: Measure, lang: Lang, extraClass = ''): ColDef<GridRow> {
  return {
    colId,
    headerName,
    type: 'rightAligned',
    cellDataType: false,
    valueGetter: (p) => (p.data ? get(p.data) : null),
    valueFormatter: (p) => formatValue(measure, p.value as number | null, lang),
    cellClass: (p) => `bh-num ${extraClass} ${p.value === null || p.value === undefined ? 'bh-blank' : ''}`.trim(),
  };
}

/** Turns a cross-tab into AG Grid columns and rows, labelling every key in the chosen language. */
export function gridModel(t: CrossTab, lang: Lang, l: Lookups, totalLabel: string): GridModel {
  const keyCols = t.rowDims.map((d, i) => keyColumn(d, i, lang, l));
  const colDim = t.colDim;
  const valueCols = colDim
    ? t.colKeys.map((key, j) => {
        const label = valueText(colDim, key, lang, l);
        return { ...numberColumn(valueColId(j), label.text, (r) => r.cells[j] ?? null, t.spec.measure, lang), headerTooltip: label.title };
      })
    : [];
  // Wide tables keep the Total in view while scrolling; narrow ones keep it beside the last column.
  // (null, not undefined: AG Grid keeps a column's old pinning when the new definition omits it.)
  const totalCol: ColDef<GridRow> = {
    ...numberColumn(TOTAL_COL_ID, totalLabel, (r) => r.total, t.spec.measure, lang, 'bh-total'),
    pinned: valueCols.length > PIN_TOTAL_FROM ? 'right' : null,
  };
  const rowData = t.rows.map((r) => ({ keys: r.key, cells: r.cells, total: r.total }));
  const totals: GridRow[] = [
    { keys: [totalLabel, ...t.rowDims.slice(1).map(() => '')], cells: t.colTotals, total: t.grandTotal, isTotal: true },
  ];
  return { columnDefs: [...keyCols, ...valueCols, totalCol], rowData, totals };
}
