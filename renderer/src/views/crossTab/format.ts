import type { Lang } from '../../i18n/setup';

const LOCALE: Record<Lang, string> = { en: 'en-US', zh: 'zh-CN' };
const integers = new Map<Lang, Intl.NumberFormat>();
const decimals = new Map<Lang, Intl.NumberFormat>();

function formatter(cache: Map<Lang, Intl.NumberFormat>, lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let f = cache.get(lang);
  if (!f) cache.set(lang, (f = new Intl.NumberFormat(LOCALE[lang], options)));
  return f;
}

/** Counts with thousands separators; rates and shares with one or two decimals; a blank as an em dash. */
export function formatNumber(v: number | null | undefined, lang: Lang): string {
  if (v === null || v === undefined) return '—';
  if (Number.isInteger(v)) return formatter(integers, lang, { maximumFractionDigits: 0 }).format(v);
  return formatter(decimals, lang, { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(v);
}
