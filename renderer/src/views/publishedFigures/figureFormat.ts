import type { PublishedFigure } from '../../../../shared/reconcile';
import type { Lang } from '../../i18n/setup';
import { formatNumber } from '../../../../shared/present/format';

/** A figure's value as the document printed it: shares with a per cent sign. */
export function figureValue(v: number | null, unit: PublishedFigure['unit'], lang: Lang): string {
  if (v === null) return '—';
  return unit === 'percent' ? `${formatNumber(v, lang)}%` : formatNumber(v, lang);
}

/** recomputed − published with its sign always shown, so "+1" reads as "one more than published". */
export function signedDifference(v: number | null, lang: Lang): string {
  if (v === null) return '—';
  if (v === 0) return formatNumber(0, lang);
  return `${v > 0 ? '+' : '−'}${formatNumber(Math.abs(v), lang)}`;
}

/** Quotes are kept in the document's language; the lang attribute picks the right glyphs for Chinese. */
export function quoteLang(quote: string): string {
  return /[\u3400-\u9fff]/.test(quote) ? 'zh-CN' : 'en';
}
