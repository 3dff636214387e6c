import type { CellClassParams, ColDef, ITooltipParams } from 'ag-grid-community';
import type { Dimension } from '../../../../shared/catalogue';
import type { CrossTab, RateCell } from '../../../../shared/spec';
import { measureLabel, valueText, type Lookups } from '../../../../shared/present/labels';
import type { Lang } from '../../i18n/setup';
import { formatShown, type Shown } from '../../../../shared/present/format';
import { DEFAULT_PIVOT_OPTIONS, heatClass, shownOf, type BlankWhy, type Pivot, type PivotLine } from '../../../../shared/present/pivot';
import { phrase } from '../../../../shared/present/phrases';
import { pivotTable, type PivotTable, type PivotView } from '../../../../shared/present/table';

/** One grid line: the row's keys, one shown number per column key, and the row's total. */
export interface GridRow {
  /** The engine's keys from the outermost level down to this line's (a group's are fewer than the row dimensions). */
  keys: string[];
  cells: (number | null)[];
  total: number | null;
  /** fatality_rate: what stands behind each cell and the total (deaths, deaths left out, 95 % interval). */
  rate?: { cells: (RateCell | null)[]; total: RateCell | null };
  /** The pinned totals line, whose first key is already a label. */
  isTotal?: boolean;
  /** The pivot line: a group with its subtotals, a leaf, or "Other"; why its blank cells are blank. */
  line?: PivotLine;
  /** The texts of the key columns: a line's own label at its depth, blank elsewhere. */
  labels?: string[];
}

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
  /** The labelled pivot the grid draws (for measuring its columns). */
  table: PivotTable;
}

/** The tooltip of a rate cell: its interval, the deaths counted and those left out. */
export type RateTip = (cell: RateCell) => string;

export const blankText = (why: BlankWhy, lang: Lang) => phrase(`blank_${why}`, lang);

function keyColumn(dim: Dimension | null, i: number, header: string, lang: Lang, l: Lookups, nested: boolean): ColDef<GridRow> {
  return {
    colId: `k${i}`,
    headerName: header,
    pinned: 'left',
    valueGetter: (p) => p.data?.labels?.[i] ?? '',
    tooltipValueGetter: (p: ITooltipParams<GridRow>) => {
      const line = p.data?.line;
      if (!dim || !line || line.kind === 'other' || line.depth !== i) return undefined;
      return valueText(dim, line.keys[i], lang, l).title;
    },
    cellClass: nested ? (p) => (p.data?.line?.kind === 'group' && p.data.line.depth === i ? 'bh-key bh-group-key' : 'bh-key') : 'bh-key',
  };
}

function numberColumn(colId: string, headerName: string, j: number, shown: Shown, lang: Lang, p: Pivot, heat: boolean, extraClass: string, tip?: (r: GridRow) => string | undefined): ColDef<GridRow> {
  const cell = (r: GridRow | undefined) => r?.line?.cells[j];
  return {
    colId,
    headerName,
    type: 'rightAligned',
    cellDataType: false,
    sortable: false,
    valueGetter: (q) => cell(q.data)?.shown ?? null,
    valueFormatter: (q) => formatShown(shown, q.value as number | null, lang),
    // A blank says why it is blank; a rate's number what stands behind it.
    tooltipValueGetter: (q: ITooltipParams<GridRow>) => {
      const blank = cell(q.data)?.blank;
      if (blank) return blankText(blank, lang);
      return q.data && tip ? tip(q.data) : undefined;
    },
    cellClass: (q: CellClassParams<GridRow>) => {
      const c = cell(q.data);
      const heatClassName = heat && q.data?.line && c ? heatClass(p, q.data.line, j) : 0;
      return ['bh-num', extraClass, c?.shown === null ? 'bh-blank' : '', heatClassName ? `bh-heat bh-heat-${heatClassName}` : ''].filter(Boolean).join(' ');
    },
  };
}

/** Turns a cross-tab into AG Grid columns and rows as the pivot lays it out, labelling every key in the chosen language. */
export function gridModel(t: CrossTab, lang: Lang, l: Lookups, totalLabel: string, rateTip?: RateTip, view: PivotView = { options: DEFAULT_PIVOT_OPTIONS }): GridModel {
  const m = pivotTable(t, lang, l, view);
  const p = m.pivot;
  const shown = shownOf(t, p);
  const rowIndex = new Map(t.rows.map((r, i) => [JSON.stringify(r.key), i]));
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
  const nested = t.rowDims.length > 1;
  const keyCols = single ? [keyColumn(null, 0, measureLabel(t.spec.measure, lang), lang, l, false)] : t.rowDims.map((d, i) => keyColumn(d, i, m.keyHeaders[i], lang, l, nested));
  const colDim = t.colDim;
  const heat = view.options.heat;
  const valueCols = colDim
    ? t.colKeys.map((key, j) => ({
        ...numberColumn(valueColId(j), m.valueHeaders[j], j, shown, lang, p, heat, '', tipOf((r) => r.rate?.cells[j])),
        headerTooltip: valueText(colDim, key, lang, l).title,
      }))
    : [];
  const last = valueCols.length;
  // Pinned to the right by the grid when the columns do not fit its width (CrossTabGrid).
  const totalCol = numberColumn(TOTAL_COL_ID, totalLabel, last, shown, lang, p, heat, 'bh-total', tipOf((r) => r.rate?.total));
  const rowData: GridRow[] = m.lines.map(({ line, keys }) => {
    const i = line.kind === 'leaf' ? rowIndex.get(JSON.stringify(line.keys)) : undefined;
    return {
      keys: line.keys,
      cells: line.cells.slice(0, last).map((c) => c.shown),
      total: line.cells[last].shown,
      line,
      labels: keys,
      ...(t.rate && i !== undefined ? { rate: { cells: t.rate.cells[i], total: t.rate.rowTotals[i] } } : {}),
    };
  });
  const totals: GridRow[] = [
    {
      keys: [],
      cells: p.grand.cells.slice(0, last).map((c) => c.shown),
      total: p.grand.cells[last].shown,
      isTotal: true,
      line: p.grand,
      labels: single ? [totalLabel] : [totalLabel, ...t.rowDims.slice(1).map(() => '')],
      ...(t.rate ? { rate: { cells: t.rate.colTotals, total: t.rate.grandTotal } } : {}),
    },
  ];
  const columnDefs = [...keyCols, ...valueCols, totalCol];
  return single ? { columnDefs, rowData: totals, totals: [], table: m } : { columnDefs, rowData, totals, table: m };
}
