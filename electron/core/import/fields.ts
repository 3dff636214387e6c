import { MAX_VALUE_LENGTH } from '../../../shared/limits';
import type { RejectReason } from '../../../shared/rejects';
import type { Normalized, RowProblem } from './types';

/** Maps header names (any case, trimmed) to column positions and reads fields by name. */
export function columnIndex(header: string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((h, i) => index.set(h.trim().toLowerCase(), i));
  return index;
}

export function hasColumns(header: string[], names: string[]): boolean {
  const lower = new Set(header.map((h) => h.trim().toLowerCase()));
  return names.every((n) => lower.has(n));
}

export class FieldError extends Error implements RowProblem {
  constructor(
    readonly field: string,
    readonly reason: RejectReason,
  ) {
    super(`${field}: ${reason.code}`);
  }
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]) return false;
  if (m === 2 && d === 29) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return y >= 1900 && y <= 2100;
}

const pad = (n: number) => String(n).padStart(2, '0');

// The last date read and its ISO form. Starts on a raw value no field holds (it once started on '', so
// an empty date read first in a thread passed as the empty string: found by the fuzz suite).
let lastDate = { raw: '\u0000', iso: '' };

let today = { at: 0, iso: '' };

/** Today's date (UTC), read again at most once a minute. */
export function todayIso(): string {
  const now = Date.now();
  if (now - today.at > 60_000) today = { at: now, iso: new Date(now).toISOString().slice(0, 10) };
  return today.iso;
}

/** One day ahead of UTC: a file written today east of Greenwich may carry tomorrow's UTC date. */
function latestPossible(): string {
  return new Date(Date.parse(todayIso()) + 86_400_000).toISOString().slice(0, 10);
}

/** Accepts YYYY-MM-DD (optionally with a time), and dd/mm/yyyy as the older UN portal wrote it; never a day still to come. */
export function isoDate(field: string, raw: string): string {
  // Rows come sorted by date in UN files: most dates are the previous row's again.
  if (raw === lastDate.raw) return lastDate.iso;
  const iso = parseDate(field, raw);
  if (iso > latestPossible()) throw new FieldError(field, { code: 'future_date', value: iso, today: todayIso() });
  lastDate = { raw, iso };
  return iso;
}

function parseDate(field: string, raw: string): string {
  const v = raw.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(v);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (validDate(y, mo, d)) return `${m[1]}-${m[2]}-${m[3]}`;
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (validDate(y, mo, d)) return `${y}-${pad(mo)}-${pad(d)}`;
  }
  if (v === '') throw new FieldError(field, { code: 'date_empty' });
  throw new FieldError(field, { code: 'not_date', value: v });
}

/** True when a string has no leading or trailing whitespace to trim (the common case: no new string). */
function trimmed(v: string): boolean {
  if (v.length === 0) return true;
  const first = v.charCodeAt(0);
  const last = v.charCodeAt(v.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127;
}

/** The longest name a field may hold: a view names values up to this length (shared/spec.ts), so every stored name can be filtered on. */
export const MAX_NAME = MAX_VALUE_LENGTH;
/** Free text (an incident's notes) may be longer, not without end. */
export const MAX_TEXT = 65_536;

function bounded(field: string, v: string, max: number): string {
  if (v.length > max) throw new FieldError(field, { code: 'too_long', length: v.length, max });
  return v;
}

export function required(field: string, raw: string | undefined): string {
  const v = raw === undefined ? '' : trimmed(raw) ? raw : raw.trim();
  if (v === '') throw new FieldError(field, { code: 'empty' });
  return bounded(field, v, MAX_NAME);
}

export function optional(field: string, raw: string | undefined, max = MAX_NAME): string {
  return bounded(field, (raw ?? '').trim(), max);
}

export function oneOf<T extends string>(field: string, raw: string | undefined, allowed: readonly T[]): T {
  // Files almost always spell the value exactly as listed.
  const exact = raw === undefined ? -1 : allowed.indexOf(raw as T);
  if (exact >= 0) return allowed[exact];
  const v = (raw ?? '').trim();
  const hit = allowed.find((a) => a.toLowerCase() === v.toLowerCase());
  if (hit === undefined) throw new FieldError(field, { code: 'not_one_of', value: v, allowed: [...allowed] });
  return hit;
}

/** The largest count a workspace holds: the cross-tab engine keeps counts in 32-bit columns, and no UN count comes near it. */
export const MAX_COUNT = 2 ** 31 - 1;

export function count(field: string, raw: string | undefined): number {
  // Plain digits (nearly every count): read them without a regular expression.
  if (raw !== undefined && raw.length > 0 && raw.length <= 9) {
    let n = 0;
    let k = 0;
    for (; k < raw.length; k++) {
      const c = raw.charCodeAt(k) - 48;
      if (c < 0 || c > 9) break;
      n = n * 10 + c;
    }
    if (k === raw.length) return n;
  }
  const v = (raw ?? '').trim();
  if (!/^\d+(\.0+)?$/.test(v)) throw new FieldError(field, { code: 'not_count', value: v });
  const n = Number.parseInt(v, 10);
  // Above this a number is rounded by JavaScript (2^53) or refused by SQLite as a REAL (10^23): refused here, by name.
  if (n > MAX_COUNT) throw new FieldError(field, { code: 'count_too_large', value: v, max: MAX_COUNT });
  return n;
}

/** UN files write M49 codes as floats ("250.0"); blank for undetermined nationality. */
export function m49(field: string, raw: string | undefined): number | null {
  const v = (raw ?? '').trim();
  if (v === '') return null;
  if (!/^\d{1,3}(\.0+)?$/.test(v)) throw new FieldError(field, { code: 'not_m49', value: v });
  return Number.parseInt(v, 10);
}

const isUpper = (c: number) => c >= 65 && c <= 90;

export function iso3(field: string, raw: string | undefined): string {
  if (raw !== undefined && raw.length === 3 && isUpper(raw.charCodeAt(0)) && isUpper(raw.charCodeAt(1)) && isUpper(raw.charCodeAt(2))) return raw;
  const v = (raw ?? '').trim().toUpperCase();
  if (v !== '' && !/^[A-Z]{3}$/.test(v)) throw new FieldError(field, { code: 'not_iso3', value: v });
  return v;
}

/** A record reader whose validators throw FieldError, made to return the problem instead (the row is rejected, the import goes on). */
export function guarded<R>(read: (fields: string[]) => Normalized<R>): (fields: string[]) => Normalized<R> {
  return (fields) => {
    try {
      return read(fields);
    } catch (e) {
      if (e instanceof FieldError) return { ok: false, problem: e };
      throw e;
    }
  };
}
