import { useTranslation } from 'react-i18next';
import { useBluehelm } from '../../store';
import type { ImportEntry } from '../../store/importSlice';
import { NewWorkspaceButton } from '../workspace/NewWorkspaceButton';
import { ImportResultView } from './ImportResultView';

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
  return (
    <li className={`bh-import-entry ${entry.phase}`}>
      <strong className="bh-file">{entry.fileName}</strong>
      {(entry.phase === 'queued' || entry.phase === 'reading' || entry.phase === 'running') && <Progress entry={entry} />}
      {entry.phase === 'done' && entry.result && <ImportResultView result={entry.result} />}
      {entry.phase === 'failed' && (
        <div className="bh-error" role="alert" data-testid="import-refused">
          {t('import.refused', { message: entry.error ?? '' })}
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

/** Progress while files import, then what each import did; stays until closed. */
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
