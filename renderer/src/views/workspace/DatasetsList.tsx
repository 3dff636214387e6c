import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetEntry } from '../../../../shared/contract';
import { useBluehelm } from '../../store';
import { formatNumber } from '../../../../shared/present/format';
import { SyntheticMark } from './SyntheticMark';
import { RemoveDatasetDialog } from './RemoveDatasetDialog';

/** What the last removal did, or why it could not be done. */
function RemovalNotice() {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const removal = useBluehelm((s) => s.removal);
  const dismiss = useBluehelm((s) => s.dismissRemoval);
  if (!removal) return null;
  const failed = 'error' in removal;
  return (
    <div className={failed ? 'bh-notice bh-error' : 'bh-notice'} role={failed ? 'alert' : 'status'} data-testid="removal-notice">
      <span>
        {failed
          ? t('datasets.removeFailed', { message: removal.error })
          : t(removal.removed.rows_restored > 0 ? 'datasets.removedRestored' : 'datasets.removed', {
              file: removal.removed.file_name,
              rows: formatNumber(removal.removed.rows_removed, lang),
              restored: formatNumber(removal.removed.rows_restored, lang),
            })}
      </span>
      <button type="button" className="bh-button bh-small" onClick={dismiss}>
        {t('import.dismiss')}
      </button>
    </div>
  );
}

/** Picks the newer file for a replacement (the import report then says what happened). */
function ReplaceButton({ dataset, disabled }: { dataset: DatasetEntry; disabled: boolean }) {
  const { t } = useTranslation();
  const replaceDataset = useBluehelm((s) => s.replaceDataset);
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="bh-button bh-small" data-testid="replace-dataset" title={t('datasets.replaceHint')} disabled={disabled} onClick={() => input.current?.click()}>
        {t('datasets.replace')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        hidden
        data-testid="replace-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void replaceDataset(dataset.id, file);
        }}
      />
    </>
  );
}

/** Every imported file with its fingerprint: what the numbers on screen were computed from; each can be removed or replaced. */
export function DatasetsList() {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const datasets = useBluehelm((s) => s.info?.datasets ?? []);
  const synthetic = useBluehelm((s) => s.info?.synthetic ?? false);
  const importing = useBluehelm((s) => s.importing);
  const [removing, setRemoving] = useState<DatasetEntry | null>(null);
  if (datasets.length === 0)
    return (
      <>
        <RemovalNotice />
        <p className="bh-help">{t('datasets.none')}</p>
      </>
    );
  return (
    <section className="bh-datasets" data-testid="datasets-list">
      <div className="bh-view-head">
        <h2>{t('datasets.title')}</h2>
        <SyntheticMark on={synthetic} />
      </div>
      <RemovalNotice />
      <table>
        <thead>
          <tr>
            <th>{t('datasets.file')}</th>
            <th>{t('datasets.kind')}</th>
            <th className="bh-num">{t('datasets.rows')}</th>
            <th className="bh-num">{t('datasets.rejected')}</th>
            <th>{t('datasets.imported')}</th>
            <th>{t('datasets.sha')}</th>
            <th />
            <th aria-label={t('datasets.actions')} />
          </tr>
        </thead>
        <tbody>
          {datasets.map((d) => (
            <tr key={d.id} data-testid="dataset-row" data-dataset-id={d.id}>
              <td className="bh-file">{d.file_name}</td>
              <td>{t(`kind.${d.kind}`)}</td>
              <td className="bh-num">{formatNumber(d.rows_read, lang)}</td>
              <td className={d.rejected ? 'bh-num bh-warn' : 'bh-num'}>{formatNumber(d.rejected, lang)}</td>
              <td>{new Date(d.imported_at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')}</td>
              <td>
                <code title={d.sha256}>{d.sha256.slice(0, 12)}</code>
              </td>
              <td>{d.synthetic && <span className="bh-flag">{t('synthetic.flag')}</span>}</td>
              <td>
                <div className="bh-dataset-actions">
                  <ReplaceButton dataset={d} disabled={importing} />
                  <button type="button" className="bh-button bh-small" data-testid="remove-dataset" title={t('datasets.removeHint')} disabled={importing} onClick={() => setRemoving(d)}>
                    {t('datasets.remove')}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {removing && <RemoveDatasetDialog dataset={removing} onClose={() => setRemoving(null)} />}
    </section>
  );
}
