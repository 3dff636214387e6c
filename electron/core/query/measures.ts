import type { Measure, Subject } from '../../../shared/catalogue';

export type SimpleMeasureName = Exclude<Measure, 'fatality_rate'>;

/** A measure that is one SQL aggregate over one fact table. */
export interface SimpleMeasure {
  /** Stable name of what is computed, so an engine other than SQL can implement the same measure. */
  id: SimpleMeasureName | 'rate_deaths' | 'rate_any_uniformed_deaths';
  subject: Subject;
  /** Aggregate expression over the fact table's alias. */
  sql: string;
  /** An extra condition the measure always applies (never user input). */
  condition?: string;
}

const strength = '(d.female + d.male)';

export const MEASURE_SQL: Record<SimpleMeasureName, SimpleMeasure> = {
  fatalities: { id: 'fatalities', subject: 'fatalities', sql: 'COUNT(*)' },
  deployed: { id: 'deployed', subject: 'deployments', sql: `CAST(SUM(${strength}) AS REAL) / COUNT(DISTINCT d.month)` },
  person_months: { id: 'person_months', subject: 'deployments', sql: `SUM(${strength})` },
  female_share: { id: 'female_share', subject: 'deployments', sql: `100.0 * SUM(d.female) / NULLIF(SUM(${strength}), 0)` },
  missions: { id: 'missions', subject: 'deployments', sql: 'COUNT(DISTINCT d.mission)' },
  ied_incidents: { id: 'ied_incidents', subject: 'ied', sql: 'COUNT(*)' },
  ied_killed: { id: 'ied_killed', subject: 'ied', sql: 'SUM(i.killed)' },
  ied_injured: { id: 'ied_injured', subject: 'ied', sql: 'SUM(i.injured)' },
  ied_peacekeepers_killed: { id: 'ied_peacekeepers_killed', subject: 'ied', sql: 'SUM(i.peacekeepers_killed)' },
  ied_peacekeeper_casualties: { id: 'ied_peacekeeper_casualties', subject: 'ied', sql: 'SUM(i.peacekeepers_killed + i.peacekeepers_injured)' },
  ied_cleared_share: { id: 'ied_cleared_share', subject: 'ied', sql: `100.0 * SUM(i.outcome = 'found_and_cleared') / COUNT(*)` },
};

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
  personMonths: MEASURE_SQL.person_months,
} satisfies Record<string, SimpleMeasure>;
