/**
 * One time model for every measure. Deaths and IED incidents have a day; deployments are monthly
 * snapshots (a report's month is the month of its reporting date). A date range keeps the events
 * dated inside it, and every month it overlaps, each counting in proportion to its days inside the
 * range (person-days): 20 April–31 May is 11/30 of April and all of May.
 *
 * Weights are whole numbers of MONTH_UNIT parts of a month, so sums of strength × weight are exact
 * integers in SQLite and in a double (below 2^53), whatever the order the engines add them up in; a
 * full month weighs MONTH_UNIT, so a full-month range gives exactly the unweighted sums.
 */

/** The least common multiple of 28, 29, 30 and 31: a day of any month is a whole number of units. */
export const MONTH_UNIT = 377_580;

/** Days in a month given as "YYYY-MM". */
export function daysInMonth(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
}

/** The day of the month of a "YYYY-MM-DD" date. */
const dayOf = (iso: string) => Number(iso.slice(8, 10));

/** How much of a month ("YYYY-MM") lies inside [from, to], in MONTH_UNIT parts: 0 outside, MONTH_UNIT wholly inside. */
export function monthWeight(month: string, range: DateRange): number {
  const days = daysInMonth(month);
  const first = range.from && range.from.slice(0, 7) === month ? dayOf(range.from) : 1;
  const last = range.to && range.to.slice(0, 7) === month ? dayOf(range.to) : days;
  if ((range.from && range.from.slice(0, 7) > month) || (range.to && range.to.slice(0, 7) < month)) return 0;
  return Math.max(0, last - first + 1) * (MONTH_UNIT / days);
}

export interface DateRange {
  from?: string;
  to?: string;
}

/**
 * The months a range covers only in part (at most two: its first and its last), with their weights.
 * Every other month the range overlaps weighs MONTH_UNIT.
 */
export function partialMonths(range: DateRange): { month: string; weight: number }[] {
  const edges = new Set<string>();
  if (range.from && dayOf(range.from) !== 1) edges.add(range.from.slice(0, 7));
  if (range.to && dayOf(range.to) !== daysInMonth(range.to.slice(0, 7))) edges.add(range.to.slice(0, 7));
  return [...edges].map((month) => ({ month, weight: monthWeight(month, range) })).filter((e) => e.weight !== MONTH_UNIT);
}

/** True for a real calendar date written YYYY-MM-DD (2021-02-29 is not one). */
export function isCalendarDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const month = Number(iso.slice(5, 7));
  return month >= 1 && month <= 12 && dayOf(iso) >= 1 && dayOf(iso) <= daysInMonth(iso.slice(0, 7));
}
