import type { Measure, Subject } from '../../../shared/catalogue';
import { MONTH_UNIT } from '../../../shared/time';

/** Measures computed from other measures in the cross-tab (a ratio of two aggregates), not by one aggregate. */
export type ComposedMeasure = 'fatality_rate' | 'deployed';
export type SimpleMeasureName = Exclude<Measure, ComposedMeasure>;

/** A measure that is one SQL aggregate over one fact table. */
export interface SimpleMeasure {
  /** Stable name of what is computed, so an engine other than SQL can implement the same measure. */
  id: SimpleMeasureName | 'rate_deaths' | 'rate_any_uniformed_deaths' | 'rate_excluded_deaths' | 'reported_months';
  subject: Subject;
  /** Aggregate expression over the fact table's alias; WEIGHT stands for a row's month weight (shared/time.ts). */
  sql: string;
  /** An extra condition the measure always applies (never user input). */
  condition?: string;
  /** Read from this instead of the fact table (the months reported rather than the rows). */
  from?: string;
}

/** Stands in a measure's SQL for the weight of a deployment row's month inside the date range, in MONTH_UNIT parts. */
export const WEIGHT = '{weight}';
/** Stands for a deployment row's strength: women and men, or one of them when the view splits by gender. */
export const STRENGTH = '{strength}';

const strength = '(d.female + d.male)';

export const MEASURE_SQL: Record<SimpleMeasureName, SimpleMeasure> = {
  fatalities: { id: 'fatalities', subject: 'fatalities', sql: 'COUNT(*)' },
  // Integer sums of strength × weight, divided once: exact, and today's sum of monthly strengths for whole months.
  person_months: { id: 'person_months', subject: 'deployments', sql: `SUM(${STRENGTH} * ${WEIGHT}) / ${MONTH_UNIT}.0` },
  female_share: { id: 'female_share', subject: 'deployments', sql: `100.0 * SUM(d.female * ${WEIGHT}) / NULLIF(SUM(${strength} * ${WEIGHT}), 0)` },
  // A mission listing a country with nobody deployed does not serve with it.
  missions: { id: 'missions', subject: 'deployments', sql: 'COUNT(DISTINCT d.mission)', condition: `${strength} > 0` },
  ied_incidents: { id: 'ied_incidents', subject: 'ied', sql: 'COUNT(*)' },
  ied_killed: { id: 'ied_killed', subject: 'ied', sql: 'SUM(i.killed)' },
  ied_injured: { id: 'ied_injured', subject: 'ied', sql: 'SUM(i.injured)' },
  ied_peacekeepers_killed: { id: 'ied_peacekeepers_killed', subject: 'ied', sql: 'SUM(i.peacekeepers_killed)' },
  ied_peacekeeper_casualties: { id: 'ied_peacekeeper_casualties', subject: 'ied', sql: 'SUM(i.peacekeepers_killed + i.peacekeepers_injured)' },
  ied_cleared_share: { id: 'ied_cleared_share', subject: 'ied', sql: `100.0 * SUM(i.outcome = 'found_and_cleared') / COUNT(*)` },
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
export const DEPLOYED_PARTS = { personMonths: MEASURE_SQL.person_months, months: REPORTED_MONTHS };

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
  },
  anyUniformedDeaths: { id: 'rate_any_uniformed_deaths', subject: 'fatalities', sql: 'COUNT(*)', condition: `f.service IN ('military', 'police')` },
  /** Uniformed deaths left out: their mission reported no deployments that month (listed apart in a cell's sources). */
  excludedDeaths: {
    id: 'rate_excluded_deaths',
    subject: 'fatalities',
    sql: 'COUNT(*)',
    condition: `f.service IN ('military', 'police') AND NOT EXISTS (SELECT 1 FROM deployment_month dm WHERE dm.mission = f.mission AND dm.month = substr(f.incident_date, 1, 7))`,
  },
  personMonths: MEASURE_SQL.person_months,
} satisfies Record<string, SimpleMeasure>;
