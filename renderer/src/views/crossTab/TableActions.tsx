import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrossTab } from '../../../../shared/spec';
import { tableCsv, tableTsv } from '../../../../shared/present/tableExport';
import { useBluehelm } from '../../store';
import { saveBlob } from './saveBlob';
import { usePivotView } from './usePivotView';

/** Copy as TSV (the selected rows, or the whole table), the table saved as CSV or as a workbook, and printed; each as the grid shows it. */
export function TableActions({ table, selectedRows, onPrint }: { table: CrossTab; selectedRows: () => number[]; onPrint: () => void }) {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const lookups = useBluehelm((s) => s.lookups);
  const view = usePivotView();
  const [note, setNote] = useState<string | null>(null);
  const base = `bluehelm-${table.spec.measure}`;

  const copy = async () => {
    const rows = selectedRows();
    await navigator.clipboard.writeText(tableTsv(table, lang, lookups, rows.length ? rows : undefined, view));
    setNote(rows.length ? t('table.copiedRows', { count: rows.length }) : t('table.copiedAll'));
  };
  const csv = () => saveBlob(new Blob(['\uFEFF', tableCsv(table, lang, lookups, view)], { type: 'text/csv;charset=utf-8' }), `${base}.csv`);
  const xlsx = async () => {
    setNote(t('table.preparing'));
    const { tableWorkbook } = await import('./tableWorkbook');
    saveBlob(await tableWorkbook(table, lang, lookups, view), `${base}.xlsx`);
    setNote(null);
  };

  return (
    <div className="bh-table-actions">
      <button type="button" className="bh-button bh-small" data-testid="copy-table" onClick={() => void copy()} title={t('table.copyHint')}>
        {t('table.copy')}
      </button>
      <button type="button" className="bh-button bh-small" data-testid="export-csv" onClick={csv}>
        {t('table.csv')}
      </button>
      <button type="button" className="bh-button bh-small" data-testid="export-xlsx" onClick={() => void xlsx()}>
        {t('table.xlsx')}
      </button>
      <button type="button" className="bh-button bh-small" data-testid="print-table-button" onClick={onPrint}>
        {t('table.print')}
      </button>
      {note && (
        <span className="bh-copied" role="status">
          {note}
        </span>
      )}
    </div>
  );
}
