import { useTranslation } from 'react-i18next';
import { RECONCILE_STATUSES, type Reconciliation } from '../../../../shared/reconcile';
import { useBluehelm } from '../../store';
import type { StatusFilter as Filter } from '../../store/figuresSlice';
import { formatNumber } from '../../../../shared/present/format';

/** The counts by status, each a button that shows only the figures with that status. */
export function StatusFilter({ reconciliation }: { reconciliation: Reconciliation }) {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const filter = useBluehelm((s) => s.statusFilter);
  const setFilter = useBluehelm((s) => s.setStatusFilter);
  const choices: { id: Filter; label: string; count: number }[] = [
    { id: 'all', label: t('figures.all'), count: reconciliation.figures.length },
    ...RECONCILE_STATUSES.map((s) => ({ id: s, label: t(`figures.status.${s}`), count: reconciliation.counts[s] })),
  ];
  return (
    <div className="bh-status-filter" role="group" aria-label={t('figures.filter')} data-testid="figures-counts">
      {choices.map((c) => (
        <button
          key={c.id}
          type="button"
          className={`bh-status-choice bh-status-${c.id}`}
          aria-pressed={filter === c.id}
          data-testid={`status-filter-${c.id}`}
          onClick={() => setFilter(c.id)}
        >
          {c.label} <span className="bh-num">{formatNumber(c.count, lang)}</span>
        </button>
      ))}
    </div>
  );
}
