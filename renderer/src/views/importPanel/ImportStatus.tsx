import { useTranslation } from 'react-i18next';
import { useBluehelm } from '../../store';
import type { ImportEntry } from '../../store/importSlice';
import { NewWorkspaceButton } from '../workspace/NewWorkspaceButton';
import { ImportResultView } from './ImportResultView';
import { RefusalView } from './RefusalView';
import { formatNumber } from '../../../../shared/present/format';

function Progress({ entry }: { entry: ImportEntry }) {
  const { t } = useTranslation();
  if (entry.phase === 'queued') return <p className="bh-help">{t('import.queued')}</p>;
  const reading = entry.phase === 'reading';
  const label = t(reading ? 'import.reading' : 'import.importing');
  const pct = entry.totalBytes ? Math.floor((100 * entry.doneBytes) / entry.totalBytes) : 0;
  return (
    <div className="bh-progress-line">
      <span className="bh-progress-label">{label}</span>
      {/* Reading has no measurable progress, so the bar is indeterminate until the core reports bytes. */}
      <progress data-testid="import-progress" max={entry.totalBytes || 1} value={reading ? undefined : entry.doneBytes} aria-label={label} />
      {!reading && <span className="bh-num">{pct}%</span>}
    </div>
  );
}

function Entry({ entry }: { entry: ImportEntry }) {
  const { t } = useTranslation();
  // The demo refuses real files and says to start a workspace of one's own: the button does that.
  const inDemo = useBluehelm((s) => s.info?.kind === 'demo');
  const lang = useBluehelm((s) => s.lang);
  const replaced = entry.result?.replaced;
  return (
    <li className={`bh-import-entry ${entry.phase}`}>
      <strong className="bh-file">{entry.fileName}</strong>
      {entry.replaces && <span className="bh-help"> {t('import.replacing', { file: entry.replaces })}</span>}
      {(entry.phase === 'queued' || entry.phase === 'reading' || entry.phase === 'running') && <Progress entry={entry} />}
      {entry.phase === 'done' && entry.result && <ImportResultView result={entry.result} />}
      {replaced && (
        <p className="bh-help" data-testid="import-replaced">
          {t('import.replaced', { file: replaced.file_name, n: formatNumber(replaced.rows_removed, lang) })}
        </p>
      )}
      {entry.phase === 'failed' && (
        <div className="bh-error" role="alert" data-testid="import-refused">
          {entry.refusal ? (
            <>
              <strong>{t('import.refusedTitle')}</strong>
              <RefusalView refusal={entry.refusal} />
            </>
          ) : (
            t('import.refused', { message: entry.error ?? '' })
          )}
          {entry.replaces && <p>{t('import.keptOld', { file: entry.replaces })}</p>}
          {inDemo && (
            <div className="bh-refused-action">
              <NewWorkspaceButton testId="refused-new-workspace" />
            </div>
          )}
        </div>
      )}
      {entry.phase === 'cancelled' && <p className="bh-help">{t('import.cancelled')}</p>}
    </li>
  );
}

/**
 * Progress while files import, then what each import did: a notice above the view, a few lines high
 * (the rows not imported fold away), so the grid stays in sight until it is closed.
 */
export function ImportStatus() {
  const { t } = useTranslation();
  const imports = useBluehelm((s) => s.imports);
  const importing = useBluehelm((s) => s.importing);
  const cancelImport = useBluehelm((s) => s.cancelImport);
  const dismissImports = useBluehelm((s) => s.dismissImports);
  if (imports.length === 0) return null;
  return (
    <section className="bh-import-status" data-testid={importing ? 'import-running' : 'import-result'} aria-live="polite">
      <ul>
        {imports.map((e, i) => (
          <Entry key={`${i}:${e.fileName}`} entry={e} />
        ))}
      </ul>
      <div className="bh-import-actions">
        {importing ? (
          <button type="button" className="bh-button" onClick={() => void cancelImport()}>
            {t('import.cancel')}
          </button>
        ) : (
          <button type="button" className="bh-button" onClick={dismissImports}>
            {t('import.dismiss')}
          </button>
        )}
      </div>
    </section>
  );
}
