import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetEntry } from '../../../../shared/contract';
import { formatNumber } from '../../../../shared/present/format';
import { removalEffects } from '../../../../shared/present/removal';
import { useBluehelm } from '../../store';

/** Asks before a file leaves the workspace: what goes, what comes back or stays, and that a backup is taken. */
export function RemoveDatasetDialog({ dataset, onClose }: { dataset: DatasetEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const datasets = useBluehelm((s) => s.info?.datasets ?? []);
  const removeDataset = useBluehelm((s) => s.removeDataset);
  const ref = useRef<HTMLDialogElement>(null);
  const effects = removalEffects(datasets, dataset);
  const names = (ds: typeof datasets) => ds.map((d) => d.file_name).join(', ');

  useEffect(() => {
    const dialog = ref.current!;
    dialog.showModal();
    return () => dialog.close();
  }, []);

  const remove = async () => {
    onClose();
    await removeDataset(dataset.id);
  };

  return (
    // Escape closes a modal dialog (the "cancel" event), which also ends it here.
    <dialog ref={ref} className="bh-dialog" data-testid="remove-dialog" aria-labelledby="bh-remove-title" onCancel={onClose}>
      <h3 id="bh-remove-title">{t('datasets.removeTitle', { file: dataset.file_name })}</h3>
      <p>{t('datasets.removeWhat', { rows: formatNumber(dataset.rows_read, lang), kind: t(`kind.${dataset.kind}`) })}</p>
      {effects.restored > 0 && (
        <p data-testid="remove-restores">{t('datasets.removeRestores', { n: formatNumber(effects.restored, lang) })}</p>
      )}
      {effects.keptBy.length > 0 && <p data-testid="remove-kept-by">{t('datasets.removeKeptBy', { later: names(effects.keptBy) })}</p>}
      {effects.goneFrom.length > 0 && (
        <p className="bh-warn" data-testid="remove-overlap">
          {t('datasets.removeOverlap', { later: names(effects.goneFrom) })}
        </p>
      )}
      {effects.lost > 0 && (
        <p className="bh-warn" data-testid="remove-updated">
          {t('datasets.removeUpdated', { n: formatNumber(effects.lost, lang) })}
        </p>
      )}
      <p className="bh-help">{t('datasets.removePacks')}</p>
      <div className="bh-dialog-actions">
        <button type="button" className="bh-button" data-testid="remove-cancel" autoFocus onClick={onClose}>
          {t('datasets.cancel')}
        </button>
        <button type="button" className="bh-button bh-danger" data-testid="remove-confirm" onClick={() => void remove()}>
          {t('datasets.removeConfirm')}
        </button>
      </div>
    </dialog>
  );
}
