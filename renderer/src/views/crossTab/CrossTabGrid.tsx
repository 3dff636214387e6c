import { memo, useCallback, useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import { AgGridReact } from 'ag-grid-react';
import {
  CellStyleModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  LocaleModule,
  ModuleRegistry,
  PinnedRowModule,
  RowSelectionModule,
  RowStyleModule,
  TooltipModule,
  themeQuartz,
  type CellClickedEvent,
  type CellKeyDownEvent,
  type CellMouseOverEvent,
  type FullWidthCellKeyDownEvent,
  type GetRowIdParams,
  type GridApi,
  type GridReadyEvent,
  type RowDataUpdatedEvent,
  type SelectionChangedEvent,
} from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { CrossTab } from '../../../../shared/spec';
import { useBluehelm } from '../../store';
import { sourceCellAt } from '../sourceRows/sourceCell';
import { gridModel, TOTAL_COL_ID, valueColIndex, type GridRow } from './gridModel';
import { columnWidths } from './columnWidths';
import { formatValue } from '../../../../shared/present/format';
import { phrase } from '../../../../shared/present/phrases';
import { tableTsv } from '../../../../shared/present/tableExport';
import { effectiveSort, nextSort, type SortBy } from '../../../../shared/present/pivot';
import { GroupCell } from './GroupCell';
import { SortHeader, type AriaSort } from './SortHeader';
import { usePivotView } from './usePivotView';
import { cellLinkKey, linked, rowLinkKey } from '../../../../shared/present/link';
import { highlightedKey } from '../../store/linkSlice';

// AG Grid 36 renders nothing until its modules are registered. Only those the grid uses, not
// AllCommunityModule: the filters, editors, exports and charts integration it does not use were most of
// the script the first view waited for. A grid option whose module is missing logs AG Grid error #200,
// which every browser test fails on: a feature the grid starts using adds its module here.
ModuleRegistry.registerModules([
  ClientSideRowModelModule, // rowData
  PinnedRowModule, // the totals line
  RowSelectionModule, // rows selected for copying
  RowStyleModule, // group, subtotal and "Other" lines; the row lit by the chart
  TooltipModule, // full names, blank reasons and rate intervals on hover
  CellStyleModule, // cellClass by value (blank cells, heat colours)
  ColumnApiModule, // setColumnWidths
  LocaleModule, // the no-rows text in the UI's language
]);

const theme = themeQuartz.withParams({
  accentColor: '#009edb',
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  headerBackgroundColor: '#eef3f7',
  spacing: 6,
  wrapperBorderRadius: 6,
  browserColorScheme: 'light',
});

// Tables up to these sizes are rendered whole, so the browser's find (Ctrl+F) and screen readers
// reach every cell; bigger ones are virtualised to stay responsive.
const WHOLE_ROWS = 2000;
const WHOLE_COLS = 300;
const SCROLLBAR_ROOM = 20;
const NARROWEST_COL = 64;


// Every grid option handed to AG Grid keeps its identity from one render to the next unless its content
// changes: a new object (even an equal one) makes AG Grid re-read its columns and measure the viewport
// again, which was most of the time from a change to the new numbers.
// The pivot sorts its lines within their groups; the grid's own sort would tear groups apart.
const DEFAULT_COL_DEF = { sortable: false, resizable: true, suppressMovable: true, minWidth: NARROWEST_COL };
const ROW_SELECTION = { mode: 'multiRow', checkboxes: false, headerCheckbox: false, enableClickSelection: true } as const;
/** A line keeps its id across changes, so AG Grid updates its cells in place; a line's kind is part of it (a mission's group line and its plain line are two lines). */
const rowId = (p: GetRowIdParams<GridRow>) => (p.data.line ? `${p.data.line.kind}:${p.data.line.id}` : 'total');
const rowClass = (p: { data?: GridRow }) => (p.data?.line && p.data.line.kind !== 'leaf' && !p.data.isTotal ? `bh-line-${p.data.line.kind}` : undefined);

/** The rows the analyst selected, by their place in the table; the view's copy button asks it. */
export type SelectedRows = MutableRefObject<() => number[]>;

/** What a click on a column's header sorts by. */
function sortByColumn(colId: string, table: CrossTab): SortBy | null {
  if (colId === TOTAL_COL_ID) return { by: 'total' };
  const j = valueColIndex(colId);
  if (j !== null) return table.colKeys[j] === undefined ? null : { by: 'column', key: table.colKeys[j] };
  return colId.startsWith('k') && table.rowDims.length ? { by: 'label' } : null;
}

/**
 * `trace`: a click on a cell opens its source rows (where that panel is drawn).
 * Redrawn only when its table or its own settings change, not with every render of the view around it.
 */
export const CrossTabGrid = memo(function CrossTabGrid({
  table,
  selection,
  trace: traces = true,
  testId = 'crosstab-grid',
  onKeeps,
}: {
  table: CrossTab;
  selection?: SelectedRows;
  trace?: boolean;
  testId?: string;
  /** Told the width the grid needs for its pinned columns and one scrolling column, for the layout around it. */
  onKeeps?: (px: number) => void;
}) {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const lookups = useBluehelm((s) => s.lookups);
  const view = usePivotView();
  const setPivotOptions = useBluehelm((s) => s.setPivotOptions);
  const model = useMemo(
    () =>
      gridModel(
        table,
        lang,
        lookups,
        t('grid.total'),
        (c) => phrase('rateInterval', lang, { low: formatValue(table.spec.measure, c.low, lang), high: formatValue(table.spec.measure, c.high, lang), deaths: c.deaths, excluded: c.excluded }),
        view,
      ),
    [table, lang, lookups, t, view],
  );
  const widths = useMemo(
    () => columnWidths(table, model.table, lang, t('grid.total'), getComputedStyle(document.documentElement).fontFamily),
    [table, model, lang, t],
  );
  // A table wider than the grid keeps its Total pinned at the right, in view while scrolling; a narrow one
  // keeps it beside the last column. The grid's width is watched, so opening the source rows re-decides.
  const box = useRef<HTMLDivElement>(null);
  const gridApi = useRef<GridApi<GridRow> | null>(null);
  const [gridWidth, setGridWidth] = useState(0);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setGridWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  // Room for the vertical scrollbar and the grid's border.
  const pinTotal = widths.reduce((s, w) => s + w.newWidth, 0) + SCROLLBAR_ROOM > gridWidth;
  // Beside the source rows the grid keeps its pinned columns (row labels, Total) and one column scrolling between
  // them: AG Grid unpins columns that leave it less than 50 px between them, the Total first, and never pins them back.
  const pinnedWidth = widths.filter((w) => w.key.startsWith('k') || w.key === TOTAL_COL_ID).reduce((s, w) => s + w.newWidth, 0);
  const scrolling = Math.max(NARROWEST_COL, ...widths.filter((w) => valueColIndex(w.key) !== null).map((w) => w.newWidth));
  const keeps = pinnedWidth + scrolling + SCROLLBAR_ROOM;
  useEffect(() => onKeeps?.(keeps), [onKeeps, keeps]);
  // A window narrowed so far that AG Grid unpinned the Total anyway: pinned again once the grid is wide enough.
  useEffect(() => {
    if (pinTotal) gridApi.current?.applyColumnState({ state: [{ colId: TOTAL_COL_ID, pinned: 'right' }] });
  }, [pinTotal, gridWidth]);
  const { where: _where, from: _from, to: _to, ...shapeSpec } = table.spec;
  const shape = JSON.stringify([shapeSpec, table.rowDims, table.colDim, table.colKeys, !!table.rate]);
  const columnsKey = view.options.heat ? model : shape;
  // The sorted column is marked by its header's class (an arrow drawn by CSS, so header texts stay the labels)
  // and, for assistive technology, by its aria-sort.
  const columnDefs = useMemo(() => {
    const sort = effectiveSort(table, view.options);
    const sortedHere = (colId: string) => {
      const by = sortByColumn(colId, table);
      return by !== null && by.by === sort.by && (by.key ?? '') === (sort.key ?? '');
    };
    return model.columnDefs.map((c) => {
      const sortable = sortByColumn(c.colId!, table) !== null;
      const sorted = sortedHere(c.colId!);
      const ariaSort: AriaSort = sorted ? (sort.desc ? 'descending' : 'ascending') : 'none';
      return {
        ...c,
        ...(table.rowDims.length > 1 && c.colId?.startsWith('k') ? { cellRenderer: GroupCell } : {}),
        ...(sortable ? { headerComponent: SortHeader, headerComponentParams: { ariaSort } } : {}),
        headerClass: sorted ? `bh-sortable bh-sorted-${sort.desc ? 'desc' : 'asc'}` : sortable ? 'bh-sortable' : undefined,
        // (null, not undefined: AG Grid keeps a column's old pinning when the new definition omits it.)
        ...(c.colId === TOTAL_COL_ID ? { pinned: pinTotal ? ('right' as const) : null } : {}),
      };
    });
    // Built anew only when the table's shape changes (its spec apart from filters and dates, its dimensions and
    // column values, whether it is a rate), or how values are shown: a filter change keeps the columns, and AG
    // Grid then only updates the cells. Heat colours are classed on the numbers, so with them on, always anew.
  }, [columnsKey, view.options, pinTotal, lang, lookups, t]);
  const applied = useRef('');
  const fitColumns = (api: GridApi<GridRow>, fresh = false) => {
    // Setting the widths lays the grid out again; equal widths are not set twice on the same grid.
    const next = JSON.stringify(widths);
    if (!fresh && next === applied.current) return;
    applied.current = next;
    api.setColumnWidths(widths);
  };
  // The selected rows by their place in the table (click, Ctrl+click, Shift+click), in table order.
  const selectedRows = () =>
    (gridApi.current?.getSelectedNodes() ?? [])
      .filter((n) => !n.data?.isTotal)
      .map((n) => n.sourceRowIndex)
      .sort((a, b) => a - b);
  if (selection) selection.current = selectedRows;
  // Ctrl+C anywhere in the grid copies the selected rows, or the whole table, as TSV.
  const onCopy = (e: React.ClipboardEvent) => {
    if (window.getSelection()?.toString()) return;
    const rows = selectedRows();
    e.clipboardData.setData('text/plain', tableTsv(table, lang, lookups, rows.length ? rows : undefined, view));
    e.preventDefault();
  };
  const whole = table.rows.length <= WHOLE_ROWS && table.colKeys.length <= WHOLE_COLS;
  const showSourceRows = useBluehelm((s) => s.showSourceRows);
  const trace = (row: GridRow | undefined, colId: string) => {
    const cell = traces ? sourceCellAt(table, row, colId) : null;
    if (cell) void showSourceRows(cell);
  };
  // Linked with any chart drawn with it: a row hovered or selected lights up its line, and a line hovered lights up its rows.
  const setHighlight = useBluehelm((s) => s.setHighlight);
  const lit = useBluehelm(highlightedKey);
  const linkOf = (row: GridRow | undefined) => (row && !row.isTotal ? rowLinkKey(table.rowDims, row.keys) : null);
  // A grid that goes (another tab, another table) takes its lit row with it: a chart elsewhere is not held by a selection no longer shown.
  useEffect(
    () => () => {
      setHighlight(null, 'hover');
      setHighlight(null, 'select');
    },
    [setHighlight, table],
  );
  const rowClassRules = useMemo(() => ({ 'bh-row-linked': (p: { data?: GridRow }) => linked(lit, linkOf(p.data)) }), [lit, table]);

  // AG Grid holds the handlers; they reach the current table, widths and settings through this ref.
  const latest = useRef({ trace, fitColumns, table, view, setPivotOptions, setHighlight, linkOf });
  latest.current = { trace, fitColumns, table, view, setPivotOptions, setHighlight, linkOf };
  const onGridReady = useCallback((e: GridReadyEvent<GridRow>) => {
    gridApi.current = e.api;
    // A new grid (another language, or virtualisation turned on or off) starts from AG Grid's widths.
    latest.current.fitColumns(e.api, true);
  }, []);
  const onRowDataUpdated = useCallback((e: RowDataUpdatedEvent<GridRow>) => latest.current.fitColumns(e.api), []);
  const onCellClicked = useCallback((e: CellClickedEvent<GridRow>) => latest.current.trace(e.data, e.column.getColId()), []);
  const onCellKeyDown = useCallback((e: CellKeyDownEvent<GridRow> | FullWidthCellKeyDownEvent<GridRow>) => {
    if ('column' in e && (e.event as KeyboardEvent | null | undefined)?.key === 'Enter') latest.current.trace(e.data, e.column.getColId());
  }, []);
  const sortBy = (colId: string) => {
    const { table: tb, view: v, setPivotOptions: setOptions } = latest.current;
    const by = sortByColumn(colId, tb);
    if (by) setOptions({ sort: nextSort(v.options.sort, by) });
    return by !== null;
  };
  const onColumnHeaderClicked = useCallback((e: { column: unknown }) => {
    const column = e.column as { getColId?: () => string };
    if (column.getColId) sortBy(column.getColId());
  }, []);
  // Enter (or Space) on a header reached by the keyboard sorts as a click does (AG Grid sorts only with its own sort).
  const onHeaderKey = (e: React.KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const header = (e.target as HTMLElement).closest?.('.ag-header-cell');
    const colId = header?.getAttribute('col-id');
    if (colId && sortBy(colId)) e.preventDefault();
  };
  const onCellMouseOver = useCallback((e: CellMouseOverEvent<GridRow>) => {
    const { table: tb, setHighlight: light } = latest.current;
    const j = valueColIndex(e.column.getColId());
    light(e.data && !e.data.isTotal ? cellLinkKey(tb.rowDims, e.data.keys, tb.colDim, j === null ? undefined : tb.colKeys[j]) : null, 'hover');
  }, []);
  const onSelectionChanged = useCallback(
    (e: SelectionChangedEvent<GridRow>) => latest.current.setHighlight(latest.current.linkOf(e.api.getSelectedNodes().find((n) => !n.data?.isTotal)?.data), 'select'),
    [],
  );
  const localeText = useMemo(() => ({ noRowsToShow: t('grid.noRows') }), [t]);

  return (
    <div className="bh-grid" data-testid={testId} onCopy={onCopy} onKeyDown={onHeaderKey} onMouseLeave={() => setHighlight(null, 'hover')} ref={box}>
      <AgGridReact<GridRow>
        // Virtualisation and the overlay text are read once, so a change of either builds a new grid.
        key={`${whole}-${lang}`}
        theme={theme}
        columnDefs={columnDefs}
        rowData={model.rowData}
        pinnedBottomRowData={model.totals}
        getRowId={rowId}
        getRowClass={rowClass}
        defaultColDef={DEFAULT_COL_DEF}
        onColumnHeaderClicked={onColumnHeaderClicked}
        // A new table replaces the old at once: lines sliding into place would show numbers of two views together.
        animateRows={false}
        rowClassRules={rowClassRules}
        onCellMouseOver={onCellMouseOver}
        onSelectionChanged={onSelectionChanged}
        suppressRowVirtualisation={whole}
        suppressColumnVirtualisation={whole}
        enableBrowserTooltips
        localeText={localeText}
        rowSelection={ROW_SELECTION}
        onGridReady={onGridReady}
        onRowDataUpdated={onRowDataUpdated}
        onCellClicked={onCellClicked}
        onCellKeyDown={onCellKeyDown}
      />
    </div>
  );
});
