import { useMemo, useRef, type MutableRefObject } from 'react';
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
  type GridApi,
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


/** The rows the analyst selected, by their place in the table; the view's copy button asks it. */
export type SelectedRows = MutableRefObject<() => number[]>;

export function CrossTabGrid({ table, selection }: { table: CrossTab; selection?: SelectedRows }) {
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
  const fitColumns = (api: GridApi<GridRow>) => api.setColumnWidths(widths);
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

  return (
    <div className="bh-grid" data-testid="crosstab-grid" onCopy={onCopy}>
      <AgGridReact<GridRow>
        // Virtualisation and the overlay text are read once, so a change of either builds a new grid.
        key={`${whole}-${lang}`}
        theme={theme}
        columnDefs={model.columnDefs}
        rowData={model.rowData}
        pinnedBottomRowData={model.totals}
        defaultColDef={{ sortable: true, resizable: true, suppressMovable: true, minWidth: 64 }}
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

