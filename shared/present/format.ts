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

/** What a pivot's cells show (shared/present/pivot.ts): the measure's own numbers, percentages, or ranks. */
export interface Shown {
  measure: Measure;
  unit: 'measure' | 'percent' | 'rank';
  /** Differences carry their sign: +12 and −3. */
  signed: boolean;
}

const PERCENT_DECIMALS = 1;

/** A shown number as the grid writes it: percentages with one decimal, ranks as integers, localised. */
export function formatShown(s: Shown, v: number | null | undefined, lang: Lang): string {
  if (v === null || v === undefined || Number.isNaN(v)) return BLANK;
  const text =
    s.unit === 'measure'
      ? formatValue(s.measure, v, lang)
      : s.unit === 'percent'
        ? `${formatter(lang, PERCENT_DECIMALS, PERCENT_DECIMALS).format(v)}%`
        : formatter(lang, 0, 0).format(v);
  return s.signed && v > 0 ? `+${text}` : text;
}

/** A shown number rounded as the grid writes it (what a paste should hold). */
export function roundShown(s: Shown, v: number | null): number | null {
  if (s.unit === 'measure') return roundValue(s.measure, v);
  if (v === null || Number.isNaN(v)) return null;
  const f = 10 ** (s.unit === 'percent' ? PERCENT_DECIMALS : 0);
  return Math.round(v * f) / f;
}

/** The spreadsheet format of shown numbers (a percentage is stored as its percentage number, as the grid shows it). */
export function spreadsheetShownFormat(s: Shown): string {
  const base = s.unit === 'measure' ? spreadsheetFormat(s.measure) : s.unit === 'percent' ? '#,##0.0"%"' : '0';
  return s.signed ? `+${base};-${base};0` : base;
}
