import { useTranslation } from 'react-i18next';
import { useBluehelm } from '../../store';

export function DateRange() {
  const { t } = useTranslation();
  const from = useBluehelm((s) => s.draft.from);
  const to = useBluehelm((s) => s.draft.to);
  const setDates = useBluehelm((s) => s.setDates);
  return (
    <fieldset className="bh-field bh-dates">
      <legend className="bh-label">{t('builder.dates')}</legend>
      <label>
        {t('builder.from')}
        <input type="date" data-testid="date-from" value={from} max={to || undefined} onChange={(e) => setDates({ from: e.target.value })} />
      </label>
      <label>
        {t('builder.to')}
        <input type="date" data-testid="date-to" value={to} min={from || undefined} onChange={(e) => setDates({ to: e.target.value })} />
      </label>
    </fieldset>
  );
}
