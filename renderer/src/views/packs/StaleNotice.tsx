import { useTranslation } from 'react-i18next';
import { useBluehelm } from '../../store';

/** Before an export: the slides whose numbers changed since they were added, old and new totals. */
export function StaleNotice() {
  const { t } = useTranslation();
  const stale = useBluehelm((s) => s.stale);
  const acceptNumbers = useBluehelm((s) => s.acceptNumbers);
  if (stale.length === 0) return null;
  const n = (v: number | null) => (v === null ? '—' : String(v));
  return (
    <div className="bh-stale" role="status" data-testid="pack-stale">
      <p>{t('packs.stale')}</p>
      <ul>
        {stale.map((s) => (
          <li key={s.index}>{t('packs.staleSlide', { n: s.index + 1, title: s.title, before: n(s.before.grandTotal), now: n(s.now.grandTotal) })}</li>
        ))}
      </ul>
      <button type="button" className="bh-button bh-small" onClick={() => void acceptNumbers()}>
        {t('packs.accept')}
      </button>
    </div>
  );
}
