import type { Measure, Subject } from '../../../shared/catalogue';
import { MONTH_UNIT } from '../../../shared/time';

/** Measures computed from other measures in the cross-tab (a ratio of two aggregates), not by one aggregate. */
export type ComposedMeasure = 'fatality_rate' | 'deployed';
export type SimpleMeasureName = Exclude<Measure, ComposedMeasure>;

/**
 * How the columnar engine computes a measure: which rows it keeps beyond the view's filters and dates,
 * which projection columns it sums per group, and the value from those sums, with the SQL aggregate's
 * arithmetic (integer sums, then one division in double precision; null where SQL gives NULL).
 */
export interface ColumnarReading {
  /** Rows kept: of uniformed personnel (in a month their mission reported, or not), or listing somebody. */
  keep?: 'uniformed' | 'uniformed_reported' | 'uniformed_unreported' | 'with_persons';
  /** The column summed per group into `a` (strength: women and men, or one gender when the view splits by it). */
  sum?: 'strength' | 'killed' | 'injured' | 'peacekeepersKilled' | 'peacekeepers' | 'cleared';
  /** A second column summed into `b`. */
  sumB?: 'female';
  /** The summed column may be unrecorded (NO_COUNT): `recorded` counts the rows that have it, as SQL's SUM ignores NULL. */
  nullable?: boolean;
  /** Each row weighs its month's share of days inside the date range (shared/time.ts), as WEIGHT in the SQL. */
  weighted?: boolean;
  /** The dimension whose distinct values per group `distinct()` counts. */
  distinct?: 'mission';
  value(x: GroupSums): number | null;
}

/** What a group of rows adds up to, from which a measure's value follows. */
export interface GroupSums {
  rows: number;
  a: number;
  b: number;
  recorded: number;
  distinct(): number;
}

/**
 * A measure that is one aggregate over one fact table, declared once for both engines: its SQL for the
 * reference engine beside its columnar reading. A new measure or rule is written here, and the
 * differential test holds the two to the same answers.
 */
export interface SimpleMeasure {
  /** Stable name of what is computed (a cache key, and the name in messages). */
  id: SimpleMeasureName | 'rate_deaths' | 'rate_any_uniformed_deaths' | 'rate_excluded_deaths' | 'reported_months';
  subject: Subject;
  /** Aggregate expression over the fact table's alias; WEIGHT and STRENGTH stand for a row's month weight and strength. */
  sql: string;
  /** An extra condition the measure always applies (never user input). */
  condition?: string;
  /** Read from this instead of the fact table (the months reported rather than the rows). */
  from?: string;
  /** Absent for a measure that is not an aggregate of rows (the months reported, read off the month dictionary). */
  columnar?: ColumnarReading;
}

/** Stands in a measure's SQL for the weight of a deployment row's month inside the date range, in MONTH_UNIT parts. */
export const WEIGHT = '{weight}';
/** Stands for a deployment row's strength: women and men, or one of them when the view splits by gender. */
export const STRENGTH = '{strength}';

const strength = '(d.female + d.male)';
const count: ColumnarReading = { value: (x) => x.rows };
const orNull = (x: GroupSums, v: number) => (x.rows ? v : null);

export const SIMPLE_MEASURES: Record<SimpleMeasureName, SimpleMeasure> = {
  fatalities: { id: 'fatalities', subject: 'fatalities', sql: 'COUNT(*)', columnar: count },
  // Integer sums of strength × weight, divided once: exact, and today's sum of monthly strengths for whole months.
  person_months: {
    id: 'person_months',
    subject: 'deployments',
    sql: `SUM(${STRENGTH} * ${WEIGHT}) / ${MONTH_UNIT}.0`,
    columnar: { sum: 'strength', weighted: true, value: (x) => orNull(x, x.a / MONTH_UNIT) },
  },
  female_share: {
    id: 'female_share',
    subject: 'deployments',
    sql: `100.0 * SUM(d.female * ${WEIGHT}) / NULLIF(SUM(${strength} * ${WEIGHT}), 0)`,
    columnar: { sum: 'strength', sumB: 'female', weighted: true, value: (x) => (x.a ? (100 * x.b) / x.a : null) },
  },
  // A mission listing a country with nobody deployed does not serve with it.
  missions: {
    id: 'missions',
    subject: 'deployments',
    sql: 'COUNT(DISTINCT d.mission)',
    condition: `${strength} > 0`,
    columnar: { keep: 'with_persons', distinct: 'mission', value: (x) => x.distinct() },
  },
  ied_incidents: { id: 'ied_incidents', subject: 'ied', sql: 'COUNT(*)', columnar: count },
  ied_killed: { id: 'ied_killed', subject: 'ied', sql: 'SUM(i.killed)', columnar: { sum: 'killed', nullable: true, value: (x) => (x.recorded ? x.a : null) } },
  ied_injured: { id: 'ied_injured', subject: 'ied', sql: 'SUM(i.injured)', columnar: { sum: 'injured', nullable: true, value: (x) => (x.recorded ? x.a : null) } },
  ied_peacekeepers_killed: {
    id: 'ied_peacekeepers_killed',
    subject: 'ied',
    sql: 'SUM(i.peacekeepers_killed)',
    columnar: { sum: 'peacekeepersKilled', value: (x) => orNull(x, x.a) },
  },
  ied_peacekeeper_casualties: {
    id: 'ied_peacekeeper_casualties',
    subject: 'ied',
    sql: 'SUM(i.peacekeepers_killed + i.peacekeepers_injured)',
    columnar: { sum: 'peacekeepers', value: (x) => orNull(x, x.a) },
  },
  ied_cleared_share: {
    id: 'ied_cleared_share',
    subject: 'ied',
    sql: `100.0 * SUM(i.outcome = 'found_and_cleared') / COUNT(*)`,
    columnar: { sum: 'cleared', value: (x) => orNull(x, (100 * x.a) / x.rows) },
  },
};

/**
 * The months of the date range for which the workspace holds deployment reports (of any mission), in
 * months (a month partly inside the range counts in part). The denominator of `deployed`: grouped by
 * time dimensions only, so every row of a table that is not split by time shares it and rows add up.
 */
export const REPORTED_MONTHS: SimpleMeasure = {
  id: 'reported_months',
  subject: 'deployments',
  sql: `SUM(${WEIGHT}) / ${MONTH_UNIT}.0`,
  from: '(SELECT DISTINCT month FROM deployment) d',
};

/** The parts of deployed: person-months over the months reported. */
export const DEPLOYED_PARTS = { personMonths: SIMPLE_MEASURES.person_months, months: REPORTED_MONTHS };

/**
 * The parts of fatality_rate. Only uniformed deaths count, and only in months for which the
 * mission reported its deployments, so numerator and denominator cover the same months.
 */
export const RATE_PARTS = {
  deaths: {
    id: 'rate_deaths',
    subject: 'fatalities',
    sql: 'COUNT(*)',
    condition: `f.service IN ('military', 'police') AND EXISTS (SELECT 1 FROM deployment_month dm WHERE dm.mission = f.mission AND dm.month = substr(f.incident_date, 1, 7))`,
    columnar: { keep: 'uniformed_reported', value: count.value },
  },
  anyUniformedDeaths: {
    id: 'rate_any_uniformed_deaths',
    subject: 'fatalities',
    sql: 'COUNT(*)',
    condition: `f.service IN ('military', 'police')`,
    columnar: { keep: 'uniformed', value: count.value },
  },
  /** Uniformed deaths left out: their mission reported no deployments that month (listed apart in a cell's sources). */
  excludedDeaths: {
    id: 'rate_excluded_deaths',
    subject: 'fatalities',
    sql: 'COUNT(*)',
    condition: `f.service IN ('military', 'police') AND NOT EXISTS (SELECT 1 FROM deployment_month dm WHERE dm.mission = f.mission AND dm.month = substr(f.incident_date, 1, 7))`,
    columnar: { keep: 'uniformed_unreported', value: count.value },
  },
  personMonths: SIMPLE_MEASURES.person_months,
} satisfies Record<string, SimpleMeasure>;
