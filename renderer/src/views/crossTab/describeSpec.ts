import type { TFunction } from 'i18next';
import type { Dimension } from '../../../../shared/catalogue';
import type { ViewSpec } from '../../../../shared/spec';
import { dimensionLabel, listOf, measureLabel, valueText, type Lookups } from '../../i18n/labels';
import type { Lang } from '../../i18n/setup';

/** A view in words, filters and dates included: the grid's title, and what a published figure is recomputed as. */
export function describeSpec(spec: ViewSpec, lang: Lang, lookups: Lookups, t: TFunction): { title: string; filters: string[]; dates: string | null } {
  const dims = [...spec.rows, ...(spec.cols ? [spec.cols] : [])].map((d) => dimensionLabel(d, lang));
  const measure = measureLabel(spec.measure, lang);
  const filters = (Object.entries(spec.where) as [Dimension, string[]][]).map(
    ([d, values]) => `${dimensionLabel(d, lang)}${lang === 'zh' ? '：' : ': '}${listOf(values.map((v) => valueText(d, v, lang, lookups).text), lang)}`,
  );
  const dates = spec.from || spec.to ? `${spec.from ?? '…'} – ${spec.to ?? '…'}` : null;
  const title = dims.length ? t('grid.title', { measure, dims: dims.join(' × ') }) : t('grid.titleTotal', { measure });
  return { title, filters, dates };
}
