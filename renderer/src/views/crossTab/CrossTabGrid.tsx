import { useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import { AgGridReact } from 'ag-grid-react';
import { AllCommunityModule, ModuleRegistry, themeQuartz, type GridApi } from 'ag-grid-community';
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
import { usePivotView } from './usePivotView';
import { cellLinkKey, linked, rowLinkKey } from '../../../../shared/present/link';
import { highlightedKey } from '../../store/linkSlice';

// AG Grid 36 renders nothing until its modules are registered.
ModuleRegistry.registerModules([AllCommunityModule]);

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


/** The rows the analyst selected, by their place in the table; the view's copy button asks it. */
export type SelectedRows = MutableRefObject<() => number[]>;

/** What a click on a column's header sorts by. */
function sortByColumn(colId: string, table: CrossTab): SortBy | null {
  if (colId === TOTAL_COL_ID) return { by: 'total' };
  const j = valueColIndex(colId);
  if (j !== null) return table.colKeys[j] === undefined ? null : { by: 'column', key: table.colKeys[j] };
  return colId.startsWith('k') && table.rowDims.length ? { by: 'label' } : null;
}

/** `trace`: a click on a cell opens its source rows (where that panel is drawn). */
export function CrossTabGrid({ table, selection, trace: traces = true, testId = 'crosstab-grid' }: { table: CrossTab; selection?: SelectedRows; trace?: boolean; testId?: string }) {
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
  // A window narrowed so far that AG Grid unpinned the Total anyway: pinned again once the grid is wide enough.
  useEffect(() => {
    if (pinTotal) gridApi.current?.applyColumnState({ state: [{ colId: TOTAL_COL_ID, pinned: 'right' }] });
  }, [pinTotal, gridWidth]);
  // The sorted column is marked by its header's class (an arrow drawn by CSS, so header texts stay the labels).
  const columnDefs = useMemo(() => {
    const sort = effectiveSort(table, view.options);
    const sortedHere = (colId: string) => {
      const by = sortByColumn(colId, table);
      return by !== null && by.by === sort.by && (by.key ?? '') === (sort.key ?? '');
    };
    return model.columnDefs.map((c) => ({
      ...c,
      ...(table.rowDims.length > 1 && c.colId?.startsWith('k') ? { cellRenderer: GroupCell } : {}),
      headerClass: sortedHere(c.colId!) ? `bh-sortable bh-sorted-${sort.desc ? 'desc' : 'asc'}` : 'bh-sortable',
      // (null, not undefined: AG Grid keeps a column's old pinning when the new definition omits it.)
      ...(c.colId === TOTAL_COL_ID ? { pinned: pinTotal ? ('right' as const) : null } : {}),
    }));
  }, [model, table, view.options, pinTotal]);
  const fitColumns = (api: GridApi<GridRow>) => api.setColumnWidths(widths);
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

  return (
    <div className="bh-grid" data-testid={testId} onCopy={onCopy} onMouseLeave={() => setHighlight(null, 'hover')} ref={box} style={{ '--bh-grid-keeps': `${keeps}px` } as React.CSSProperties}>
      <AgGridReact<GridRow>
        // Virtualisation and the overlay text are read once, so a change of either builds a new grid.
        key={`${whole}-${lang}`}
        theme={theme}
        columnDefs={columnDefs}
        rowData={model.rowData}
        pinnedBottomRowData={model.totals}
        // A line's kind is part of its id: a mission's group line and its plain line are two lines to the grid.
        getRowId={(p) => (p.data.line ? `${p.data.line.kind}:${p.data.line.id}` : 'total')}
        getRowClass={(p) => (p.data?.line && p.data.line.kind !== 'leaf' && !p.data.isTotal ? `bh-line-${p.data.line.kind}` : undefined)}
        // The pivot sorts its lines within their groups; the grid's own sort would tear groups apart.
        defaultColDef={{ sortable: false, resizable: true, suppressMovable: true, minWidth: NARROWEST_COL }}
        onColumnHeaderClicked={(e) => {
          const by = 'getColId' in e.column ? sortByColumn(e.column.getColId(), table) : null;
          if (by) setPivotOptions({ sort: nextSort(view.options.sort, by) });
        }}
        // A new table replaces the old at once: lines sliding into place would show numbers of two views together.
        animateRows={false}
        rowClassRules={rowClassRules}
        onCellMouseOver={(e) => {
          const j = valueColIndex(e.column.getColId());
          setHighlight(e.data && !e.data.isTotal ? cellLinkKey(table.rowDims, e.data.keys, table.colDim, j === null ? undefined : table.colKeys[j]) : null, 'hover');
        }}
        onSelectionChanged={(e) => setHighlight(linkOf(e.api.getSelectedNodes().find((n) => !n.data?.isTotal)?.data), 'select')}
        suppressRowVirtualisation={whole}
        suppressColumnVirtualisation={whole}
        enableBrowserTooltips
        localeText={{ noRowsToShow: t('grid.noRows') }}
        rowSelection={{ mode: 'multiRow', checkboxes: false, headerCheckbox: false, enableClickSelection: true }}
        onGridReady={(e) => {
          gridApi.current = e.api;
          fitColumns(e.api);
        }}
        onRowDataUpdated={(e) => fitColumns(e.api)}
        onCellClicked={(e) => trace(e.data, e.column.getColId())}
        onCellKeyDown={(e) => {
          if ('column' in e && (e.event as KeyboardEvent | null | undefined)?.key === 'Enter') trace(e.data, e.column.getColId());
        }}
      />
    </div>
  );
}

