import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS } from '../../../../shared/pack';
import { useBluehelm } from '../../store';

/** The three exports, with progress and cancel while one runs. */
export function ExportBar() {
  const { t } = useTranslation();
  const job = useBluehelm((s) => s.exportJob);
  const savedTo = useBluehelm((s) => s.savedTo);
  const { exportPack, cancelExport } = useBluehelm.getState();
  const running = job?.state === 'running';
  return (
    <div className="bh-export-bar" data-testid="export-bar">
      {EXPORT_FORMATS.map((f) => (
        <button key={f} type="button" className="bh-button" disabled={running} data-testid={`export-${f}`} onClick={() => void exportPack(f)}>
          {t(`packs.export.${f}`)}
        </button>
      ))}
      {running && (
        <>
          <progress max={1} value={job.progress} aria-label={t('packs.export.progress')} />
          <button type="button" className="bh-button bh-small" onClick={() => void cancelExport()}>
            {t('import.cancel')}
          </button>
        </>
      )}
      {job && job.state !== 'running' && (
        <span className={job.state === 'done' ? 'bh-help' : 'bh-error'} data-testid="export-state">
          {job.state === 'done' ? t('packs.export.done', { file: savedTo ?? job.fileName }) : (job.error ?? job.state)}
        </span>
      )}
    </div>
  );
}
