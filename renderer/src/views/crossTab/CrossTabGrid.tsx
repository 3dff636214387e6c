import { memo, useCallback, useMemo, useRef, type MutableRefObject } from 'react';
import { AgGridReact } from 'ag-grid-react';
import {
  CellStyleModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  LocaleModule,
  ModuleRegistry,
  PinnedRowModule,
  RowSelectionModule,
  TooltipModule,
  themeQuartz,
  type CellClickedEvent,
  type CellKeyDownEvent,
  type FullWidthCellKeyDownEvent,
  type GetRowIdParams,
  type GridApi,
  type GridReadyEvent,
  type RowDataUpdatedEvent,
} from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { CrossTab } from '../../../../shared/spec';
import { useBluehelm } from '../../store';
import { sourceCellAt } from '../sourceRows/sourceCell';
import { gridModel, type GridRow } from './gridModel';
import { columnWidths } from './columnWidths';
import { formatValue } from '../../../../shared/present/format';
import { phrase } from '../../../../shared/present/phrases';
import { tableTsv } from '../../../../shared/present/tableExport';

// AG Grid 36 renders nothing until its modules are registered. Only those the grid uses, not
// AllCommunityModule: the filters, editors, exports and charts integration it does not use were most of
// the script the first view waited for. A grid option whose module is missing logs AG Grid error #200,
// which every browser test fails on: a feature the grid starts using adds its module here.
ModuleRegistry.registerModules([
  ClientSideRowModelModule, // rowData
  PinnedRowModule, // the totals line
  RowSelectionModule, // rows selected for copying
  TooltipModule, // full names and rate intervals on hover
  CellStyleModule, // cellClass by value (blank cells)
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


// Every grid option handed to AG Grid keeps its identity from one render to the next unless its content
// changes: a new object (even an equal one) makes AG Grid re-read its columns and measure the viewport
// again, which was most of the time from a change to the new numbers.
const DEFAULT_COL_DEF = { sortable: true, resizable: true, suppressMovable: true, minWidth: 64 };
const ROW_SELECTION = { mode: 'multiRow', checkboxes: false, headerCheckbox: false, enableClickSelection: true } as const;
/** A line keeps its id across changes, so AG Grid updates its cells in place instead of drawing every row anew. */
const rowId = (p: GetRowIdParams<GridRow>) => (p.data.isTotal ? 'total' : JSON.stringify(p.data.keys));

/** The rows the analyst selected, by their place in the table; the view's copy button asks it. */
export type SelectedRows = MutableRefObject<() => number[]>;

/** Redrawn only when its table or its own settings change, not with every render of the view around it. */
export const CrossTabGrid = memo(function CrossTabGrid({ table, selection }: { table: CrossTab; selection?: SelectedRows }) {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const lookups = useBluehelm((s) => s.lookups);
  const model = useMemo(
    () =>
      gridModel(table, lang, lookups, t('grid.total'), (c) =>
        phrase('rateInterval', lang, { low: formatValue(table.spec.measure, c.low, lang), high: formatValue(table.spec.measure, c.high, lang), deaths: c.deaths, excluded: c.excluded }),
      ),
    [table, lang, lookups, t],
  );
  const widths = useMemo(
    () => columnWidths(table, lang, lookups, t('grid.total'), getComputedStyle(document.documentElement).fontFamily),
    [table, lang, lookups, t],
  );
  // The columns are built anew only when the table's shape changes (its spec apart from filters and dates,
  // its dimensions and column values, whether it is a rate): a filter change keeps them, and AG Grid then
  // only updates the cells. Anything else the column definitions come to depend on belongs in this key.
  const { where: _where, from: _from, to: _to, ...shapeSpec } = table.spec;
  const shape = JSON.stringify([shapeSpec, table.rowDims, table.colDim, table.colKeys, !!table.rate]);
  const columnDefs = useMemo(() => model.columnDefs, [shape, lang, lookups, t]);
  const applied = useRef('');
  const fitColumns = (api: GridApi<GridRow>, fresh = false) => {
    // Setting the widths lays the grid out again; equal widths are not set twice on the same grid.
    const next = JSON.stringify(widths);
    if (!fresh && next === applied.current) return;
    applied.current = next;
    api.setColumnWidths(widths);
  };
  const gridApi = useRef<GridApi<GridRow> | null>(null);
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
    e.clipboardData.setData('text/plain', tableTsv(table, lang, lookups, rows.length ? rows : undefined));
    e.preventDefault();
  };
  const whole = table.rows.length <= WHOLE_ROWS && table.colKeys.length <= WHOLE_COLS;
  const showSourceRows = useBluehelm((s) => s.showSourceRows);
  const trace = (row: GridRow | undefined, colId: string) => {
    const cell = sourceCellAt(table, row, colId);
    if (cell) void showSourceRows(cell);
  };
  // AG Grid holds the handlers; they reach the current table and widths through this ref.
  const latest = useRef({ trace, fitColumns });
  latest.current = { trace, fitColumns };
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
  const localeText = useMemo(() => ({ noRowsToShow: t('grid.noRows') }), [t]);

  return (
    <div className="bh-grid" data-testid="crosstab-grid" onCopy={onCopy}>
      <AgGridReact<GridRow>
        // Virtualisation and the overlay text are read once, so a change of either builds a new grid.
        key={`${whole}-${lang}`}
        theme={theme}
        columnDefs={columnDefs}
        rowData={model.rowData}
        pinnedBottomRowData={model.totals}
        getRowId={rowId}
        // Rows that keep their id would slide to their new places; the numbers should simply be there.
        animateRows={false}
        defaultColDef={DEFAULT_COL_DEF}
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

