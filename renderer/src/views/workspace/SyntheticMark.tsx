import { useTranslation } from 'react-i18next';

/** Carried by each view itself, so a view cut out of the window (a screenshot, a slide) still says what it is. */
export function SyntheticMark({ on }: { on: boolean }) {
  const { t } = useTranslation();
  if (!on) return null;
  return (
    <span className="bh-synthetic-mark" data-testid="synthetic-mark">
      {t('synthetic.mark')}
    </span>
  );
}
