import type { CountryName, StatehoodChoice } from '../../../shared/rejects';
import { referenceTables } from './tables';

/**
 * When states that UN files name came into being or ceased to be, for the few whose changes fall in
 * the years peacekeeping data covers (UN membership records). A state not listed is taken to have
 * existed throughout. Used to decide between two listings of one casualty under different countries.
 */
const STATEHOOD: Record<string, { from?: string; until?: string }> = {
  // The Federal Republic of Yugoslavia became Serbia and Montenegro on 4 February 2003, which split on 3 June 2006.
  YUG: { until: '2003-02-03' },
  SCG: { from: '2003-02-04', until: '2006-06-03' },
  MNE: { from: '2006-06-03' },
  SRB: { from: '2006-06-05' },
  SSD: { from: '2011-07-09' },
  TLS: { from: '2002-05-20' },
  ERI: { from: '1993-05-24' },
  CZE: { from: '1993-01-01' },
  SVK: { from: '1993-01-01' },
};

/** Whether a country (ISO3) existed as a state on a date; true for one whose dates are not listed. */
export function existedOn(iso3: string, date: string): boolean {
  const s = STATEHOOD[iso3];
  return !s || ((!s.from || date >= s.from) && (!s.until || date <= s.until));
}

/** A country's names from the reference table, or its code. */
function nameOf(iso3: string): CountryName {
  const c = referenceTables().tables.countries.find((r) => r.iso3 === iso3);
  return { en: c?.name_en ?? iso3, zh: c?.name_zh ?? iso3 };
}

/** Why one of two countries is the one a listing dated `date` can name, or undefined when dates do not decide it. */
export function existingOf(a: string, b: string, date: string): { keep: 'a' | 'b'; why: StatehoodChoice } | undefined {
  const [ea, eb] = [existedOn(a, date), existedOn(b, date)];
  if (ea === eb) return undefined;
  const [kept, dropped] = ea ? [a, b] : [b, a];
  const d = STATEHOOD[dropped];
  const span = d?.from && date < d.from ? { from: d.from } : { until: d?.until };
  return { keep: ea ? 'a' : 'b', why: { kept: nameOf(kept), dropped: nameOf(dropped), date, ...span } };
}
