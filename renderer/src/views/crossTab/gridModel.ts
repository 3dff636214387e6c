import type { ColDef } from 'ag-grid-community';
import type { Dimension } from '../../../../shared/catalogue';
import type { CrossTab, RateCell } from '../../../../shared/spec';
import { dimensionLabel, measureLabel, valueText, type Lookups } from '../../../../shared/present/labels';
import type { Lang } from '../../i18n/setup';
import { formatValue } from '../../../../shared/present/format';
import type { Measure } from '../../../../shared/catalogue';

/** One grid line: the row's keys, one cell per column key, and the row total. */
export interface GridRow {
  keys: string[];
  cells: (number | null)[];
  total: number | null;
  /** fatality_rate: what stands behind each cell and the total (deaths, deaths left out, 95 % interval). */
  rate?: { cells: (RateCell | null)[]; total: RateCell | null };
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

/** The tooltip of a rate cell: its interval, the deaths counted and those left out. */
export type RateTip = (cell: RateCell) => string;

function numberColumn(colId: string, headerName: string, get: (r: GridRow) => number | null, measure: Measure, lang: Lang, extraClass = '', tip?: (r: GridRow) => string | undefined): ColDef<GridRow> {
  return {
    ...(tip ? { tooltipValueGetter: (p: { data?: GridRow }) => (p.data ? tip(p.data) : undefined) } : {}),
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
export function gridModel(t: CrossTab, lang: Lang, l: Lookups, totalLabel: string, rateTip?: RateTip): GridModel {
  const tipOf = (cell: (r: GridRow) => RateCell | null | undefined) => {
    if (!rateTip || !t.rate) return undefined;
    return (r: GridRow) => {
      const c = cell(r);
      return c ? rateTip(c) : undefined;
    };
  };
  // A view with no row dimension is one number (a published figure's, say): it is the table's only row,
  // under the measure's name, rather than an empty grid above a totals line.
  const single = t.rowDims.length === 0;
  const keyCols = single
    ? [{ colId: 'k0', headerName: measureLabel(t.spec.measure, lang), pinned: 'left' as const, valueGetter: () => totalLabel, cellClass: 'bh-key' }]
    : t.rowDims.map((d, i) => keyColumn(d, i, lang, l));
  const colDim = t.colDim;
  const valueCols = colDim
    ? t.colKeys.map((key, j) => {
        const label = valueText(colDim, key, lang, l);
        return { ...numberColumn(valueColId(j), label.text, (r) => r.cells[j] ?? null, t.spec.measure, lang, '', tipOf((r) => r.rate?.cells[j])), headerTooltip: label.title };
      })
    : [];
  // Wide tables keep the Total in view while scrolling; narrow ones keep it beside the last column.
  // (null, not undefined: AG Grid keeps a column's old pinning when the new definition omits it.)
  const totalCol: ColDef<GridRow> = {
    ...numberColumn(TOTAL_COL_ID, totalLabel, (r) => r.total, t.spec.measure, lang, 'bh-total', tipOf((r) => r.rate?.total)),
    pinned: valueCols.length > PIN_TOTAL_FROM ? 'right' : null,
  };
  const rowData = t.rows.map((r, i) => ({ keys: r.key, cells: r.cells, total: r.total, ...(t.rate ? { rate: { cells: t.rate.cells[i], total: t.rate.rowTotals[i] } } : {}) }));
  const totals: GridRow[] = [
    {
      keys: [totalLabel, ...t.rowDims.slice(1).map(() => '')],
      cells: t.colTotals,
      total: t.grandTotal,
      isTotal: true,
      ...(t.rate ? { rate: { cells: t.rate.colTotals, total: t.rate.grandTotal } } : {}),
    },
  ];
  return single ? { columnDefs: [...keyCols, ...valueCols, totalCol], rowData: totals, totals: [] } : { columnDefs: [...keyCols, ...valueCols, totalCol], rowData, totals };
}
