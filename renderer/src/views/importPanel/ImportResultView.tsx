import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../store/importSlice';
import { useBluehelm } from '../../store';
import { formatNumber } from '../../../../shared/present/format';
import { rejectFieldText, rejectText } from '../../../../shared/rejects';

const SHOWN_REJECTS = 10;

/** What one import did to the workspace, and the first rows it could not take. */
export function ImportResultView({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const n = (v: number) => formatNumber(v, lang);
  const more = result.rejected - Math.min(result.rejects.length, SHOWN_REJECTS);
  return (
    <div className="bh-import-result">
      <p className="bh-import-counts">
        <span className="bh-kind">{t(`kind.${result.kind}`)}</span>
        <span>{t('import.rowsRead', { n: n(result.rows_read) })}</span>
        <span>{t('import.inserted', { n: n(result.inserted) })}</span>
        <span>{t('import.updated', { n: n(result.updated) })}</span>
        <span>{t('import.unchanged', { n: n(result.unchanged) })}</span>
        <span className={result.rejected ? 'bh-warn' : undefined}>{t('import.rejected', { n: n(result.rejected) })}</span>
        {result.already_imported && <span>{t('import.already')}</span>}
      </p>
      {result.rejects.length > 0 && (
        <details className="bh-rejects" open>
          <summary>{t('import.firstRejects')}</summary>
          <div className="bh-rejects-scroll">
            <table>
              <thead>
                <tr>
                  <th>{t('import.line')}</th>
                  <th>{t('import.field')}</th>
                  <th>{t('import.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {result.rejects.slice(0, SHOWN_REJECTS).map((r) => (
                  <tr key={`${r.line}:${r.field}`}>
                    <td className="bh-num">{r.line}</td>
                    <td><RejectField field={r.field} /></td>
                    <td>{rejectText(r.reason, lang, r.line)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more > 0 && <p className="bh-help">{t('import.moreRejects', { n: n(more) })}</p>}
        </details>
      )}
    </div>
  );
}

/** A column of the file keeps the file's own name (marked as such for readers and screen readers); a pseudo-field is worded. */
function RejectField({ field }: { field: string }) {
  const lang = useBluehelm((s) => s.lang);
  const { text, isColumn } = rejectFieldText(field, lang);
  return isColumn ? <code lang="en">{text}</code> : <>{text}</>;
}
