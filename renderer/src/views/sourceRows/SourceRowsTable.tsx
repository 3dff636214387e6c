import { useTranslation } from 'react-i18next';
import { useBluehelm } from '../../store';
import type { SourceRowsPart } from '../../store/sourceRowsSlice';
import { formatNumber } from '../../../../shared/present/format';
import { sourceRowsCsv } from '../../../../shared/present/sourceRowsCsv';
import { saveBlob } from '../crossTab/saveBlob';

/** How many rows the number stands on, and how many of them are listed. */
function CountLine({ part }: { part: SourceRowsPart }) {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const n = formatNumber(part.total, lang);
  const text =
    part.total === 0
      ? t('sourceRows.none')
      : part.truncated
        ? t('sourceRows.truncated', { shown: formatNumber(part.rows.length, lang), n })
        : t('sourceRows.count', { count: part.total, n });
  return (
    <p className="bh-source-count" data-testid="source-rows-count" aria-live="polite">
      {text}
    </p>
  );
}

/**
 * One part's rows as the file holds them (values untranslated, so they can be found in the file),
 * each ending with where it is: file name and line, together, as an editor or grep takes them.
 */
export function SourceRowsTable({ part, heading }: { part: SourceRowsPart; heading: boolean }) {
  const { t } = useTranslation();
  // The engine puts the file and the line last in every row.
  const columns = part.columns.slice(0, -2);
  const headings = columns.map((c) => t(`sourceRows.column.${c}`, { defaultValue: c }));
  // What the table shows, as a file (with a BOM so Excel reads the UTF-8 as such).
  const exportCsv = () => saveBlob(new Blob(['\uFEFF', sourceRowsCsv(headings, t('sourceRows.fileLine'), part.rows)], { type: 'text/csv;charset=utf-8' }), `source-rows-${part.role}.csv`);
  return (
    <section className={part.rows.length > 0 ? 'bh-source-part listed' : 'bh-source-part'} data-testid={`source-part-${part.role}`}>
      {heading && <h4>{t(`sourceRows.role.${part.role}`)}</h4>}
      <div className="bh-source-count-line">
        <CountLine part={part} />
        {part.rows.length > 0 && (
          <button type="button" className="bh-button bh-small" data-testid="source-rows-csv" title={t('sourceRows.exportHint')} onClick={exportCsv}>
            {t('sourceRows.exportCsv')}
          </button>
        )}
      </div>
      {part.rows.length > 0 && (
        <div className="bh-source-scroll">
          <table className="bh-source-table">
            <thead>
              <tr>
                {columns.map((c, j) => (
                  <th key={c} scope="col" title={c}>
                    {headings[j]}
                  </th>
                ))}
                <th scope="col" className="bh-source-at">
                  {t('sourceRows.fileLine')}
                </th>
              </tr>
            </thead>
            <tbody>
              {part.rows.map((row) => {
                const [file, line] = row.slice(-2);
                return (
                  <tr key={`${file}:${line}`} data-testid="source-row">
                    {row.slice(0, -2).map((v, j) => (
                      <td key={columns[j]}>{v ?? '—'}</td>
                    ))}
                    <td className="bh-source-at">
                      <code>{`${file}:${line}`}</code>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
