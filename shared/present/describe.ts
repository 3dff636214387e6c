import type { Dimension } from '../catalogue';
import type { ViewSpec } from '../spec';
import { dimensionLabel, listOf, measureLabel, valueText, type Lookups } from './labels';
import type { Lang } from './lang';
import { phrase } from './phrases';

export interface ViewDescription {
  title: string;
  filters: string[];
  dates: string | null;
}

/** A view in words, filters and dates included: the grid's title, a slide's title, and what a published figure is recomputed as. */
export function describeSpec(spec: ViewSpec, lang: Lang, lookups: Lookups): ViewDescription {
  const dims = [...spec.rows, ...(spec.cols ? [spec.cols] : [])].map((d) => dimensionLabel(d, lang));
  const measure = measureLabel(spec.measure, lang);
  const filters = (Object.entries(spec.where) as [Dimension, string[]][]).map(
    ([d, values]) => `${dimensionLabel(d, lang)}${lang === 'zh' ? '：' : ': '}${listOf(values.map((v) => valueText(d, v, lang, lookups).text), lang)}`,
  );
  const dates = spec.from || spec.to ? `${spec.from ?? '…'} – ${spec.to ?? '…'}` : null;
  const title = dims.length ? phrase('viewTitle', lang, { measure, dims: dims.join(' × ') }) : phrase('viewTitleTotal', lang, { measure });
  return { title, filters, dates };
}

/** The filters and dates of a view on one line, as a subtitle. */
export function describeScope(d: ViewDescription, lang: Lang): string {
  return [...d.filters, ...(d.dates ? [d.dates] : [])].join(lang === 'zh' ? '；' : ' · ');
}
