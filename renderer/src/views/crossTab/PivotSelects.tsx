import { useTranslation } from 'react-i18next';
import { TOP_NS, type ShowAs } from '../../../../shared/present/pivot';
import type { Lang } from '../../../../shared/present/lang';
import { phrase } from '../../../../shared/present/phrases';

// The two choices a pivot table offers wherever it is set: beside the grid and on a pack's view slide.

/** How the values are shown: one of the ways `showAsFor` offers for the table. */
export function ShowAsSelect({ offered, value, lang, onChange, testId }: { offered: readonly ShowAs[]; value: ShowAs; lang: Lang; onChange: (s: ShowAs) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <label>
      {phrase('showAs', lang)}
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value as ShowAs)}>
        {offered.map((s) => (
          <option key={s} value={s}>
            {phrase(`showAs_${s}`, lang, { base: t('pivot.baseColumn') })}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The largest N lines per level (0: all), the rest as "Other". */
export function TopNSelect({ label, value, onChange, testId }: { label: string; value: number; onChange: (n: number) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <label>
      {label}
      <select data-testid={testId} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {TOP_NS.map((n) => (
          <option key={n} value={n}>
            {n === 0 ? t('pivot.all') : t('pivot.topN', { n })}
          </option>
        ))}
      </select>
    </label>
  );
}
