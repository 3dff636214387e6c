import { useTranslation } from 'react-i18next';
import { useBluehelm } from '../../store';

/** Undo and redo of view changes, as buttons for those who do not know Ctrl+Z / Ctrl+Shift+Z. */
export function UndoRedo() {
  const { t } = useTranslation();
  const canUndo = useBluehelm((s) => s.past.length > 0);
  const canRedo = useBluehelm((s) => s.future.length > 0);
  const undo = useBluehelm((s) => s.undo);
  const redo = useBluehelm((s) => s.redo);
  return (
    <div className="bh-undo-redo">
      <button type="button" className="bh-button bh-small" data-testid="undo" disabled={!canUndo} onClick={undo} title={t('builder.undoHint')}>
        {t('builder.undo')}
      </button>
      <button type="button" className="bh-button bh-small" data-testid="redo" disabled={!canRedo} onClick={redo} title={t('builder.redoHint')}>
        {t('builder.redo')}
      </button>
    </div>
  );
}
