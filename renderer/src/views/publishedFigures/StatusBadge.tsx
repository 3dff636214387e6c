import { useTranslation } from 'react-i18next';
import type { ReconciledFigure } from '../../../../shared/reconcile';

export function StatusBadge({ status }: { status: ReconciledFigure['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`bh-status bh-status-${status}`} data-testid="figure-status">
      {t(`figures.status.${status}`)}
    </span>
  );
}
