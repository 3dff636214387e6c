import { useTranslation } from 'react-i18next';
import { useBluehelm } from '../../store';
import type { SourceRowsPart } from '../../store/sourceRowsSlice';
import { formatNumber } from '../../../../shared/present/format';

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
  return (
    <section className={part.rows.length > 0 ? 'bh-source-part listed' : 'bh-source-part'} data-testid={`source-part-${part.role}`}>
      {heading && <h4>{t(`sourceRows.role.${part.role}`)}</h4>}
      <CountLine part={part} />
      {part.rows.length > 0 && (
        <div className="bh-source-scroll">
          <table className="bh-source-table">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col" title={c}>
                    {t(`sourceRows.column.${c}`, { defaultValue: c })}
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
