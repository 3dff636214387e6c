import { measureInfo, type Measure } from '../catalogue';
import { LOCALE, type Lang } from './lang';

// One home for number formats: the grid, charts, the CLI's table and every export read these.

const cache = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, min: number, max: number): Intl.NumberFormat {
  const key = `${lang}:${min}:${max}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: min, maximumFractionDigits: max })));
  return f;
}

/** A blank (no data, or no denominator) is an em dash, never 0. */
export const BLANK = '—';

/**
 * A measure's value with the measure's own decimals, localised; shares carry a % sign. A value derived from
 * several (a moving average) is given `extra` decimals more, so 4.25 deaths a month is not shown as 4.
 */
export function formatValue(measure: Measure, v: number | null | undefined, lang: Lang, extra = 0): string {
  if (v === null || v === undefined || Number.isNaN(v)) return BLANK;
  const { unit } = measureInfo[measure];
  const decimals = measureInfo[measure].decimals + extra;
  const text = formatter(lang, decimals, decimals).format(v);
  return unit === 'percent' ? `${text}%` : text;
}

/** A plain count or a number without a measure (rows read, a published figure): integers as integers, else up to two decimals. */
export function formatNumber(v: number | null | undefined, lang: Lang): string {
  if (v === null || v === undefined || Number.isNaN(v)) return BLANK;
  return Number.isInteger(v) ? formatter(lang, 0, 0).format(v) : formatter(lang, 1, 2).format(v);
}

/** The measure's value rounded as it is shown (what a spreadsheet or a chart label should hold). */
export function roundValue(measure: Measure, v: number | null): number | null {
  if (v === null || Number.isNaN(v)) return null;
  const f = 10 ** measureInfo[measure].decimals;
  return Math.round(v * f) / f;
}

/** The same format as a spreadsheet number format (Excel / LibreOffice syntax); a share is stored as its percentage number. */
export function spreadsheetFormat(measure: Measure): string {
  const { decimals, unit } = measureInfo[measure];
  const base = decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`;
  return unit === 'percent' ? `${base}"%"` : base;
}

/** Decimals added to a measure's own for a value the time tools derived: an average carries one more; a change or running total adds exact values. */
export function derivedDecimals(options: { average: number }): number {
  return options.average > 1 ? 1 : 0;
}
