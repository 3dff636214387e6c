import { useTranslation } from 'react-i18next';
import type { Dimension } from '../../../../shared/catalogue';
import type { ViewSpec } from '../../../../shared/spec';
import { dimensionLabel, listOf, measureLabel, valueText } from '../../i18n/labels';
import { useBluehelm } from '../../store';

/** States the computed view in words, filters included, so a screenshot of the grid explains itself. */
export function ViewTitle({ spec }: { spec: ViewSpec }) {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const lookups = useBluehelm((s) => s.lookups);
  const dims = [...spec.rows, ...(spec.cols ? [spec.cols] : [])].map((d) => dimensionLabel(d, lang));
  const measure = measureLabel(spec.measure, lang);
  const filters = (Object.entries(spec.where) as [Dimension, string[]][]).map(
    ([d, values]) => `${dimensionLabel(d, lang)}${lang === 'zh' ? '：' : ': '}${listOf(values.map((v) => valueText(d, v, lang, lookups).text), lang)}`,
  );
  if (spec.from || spec.to) filters.push(`${spec.from ?? '…'} – ${spec.to ?? '…'}`);
  return (
    <div className="bh-view-title" data-testid="view-title">
      <h2>{dims.length ? t('grid.title', { measure, dims: dims.join(' × ') }) : t('grid.titleTotal', { measure })}</h2>
      {filters.length > 0 && <p>{filters.join(' · ')}</p>}
    </div>
  );
}
