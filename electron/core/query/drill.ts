import type { Dimension, Subject } from '../../../shared/catalogue';
import type { ViewSpec } from '../../../shared/spec';
import type { Db } from '../db/open';
import { FACTS } from './facts';
import { DEPLOYED_PARTS, SIMPLE_MEASURES, RATE_PARTS, type SimpleMeasure, type SimpleMeasureName } from './measures';
import { denominatorSpec } from './crosstab';
import { compileConditions } from './sql';

/** The columns an analyst reads to recognise a source row, per fact table; file and line are added to each. */
const DETAIL: Record<Subject, { columns: string[]; select: string[]; order: string }> = {
  fatalities: {
    columns: ['casualty_id', 'incident_date', 'mission', 'casualty_nationality', 'casualty_personnel_type', 'type_of_incident', 'gender'],
    select: ['f.casualty_id', 'f.incident_date', 'f.mission', 'f.nationality', 'f.personnel_type', 'f.incident_type', 'f.gender'],
    order: 'f.incident_date, f.casualty_id',
  },
  deployments: {
    columns: ['month', 'mission', 'contributing_country', 'personnel_type', 'female_personnel', 'male_personnel', 'last_reporting_date'],
    select: ['d.month', 'd.mission', 'd.country_name', 'd.personnel_type', 'd.female', 'd.male', 'd.report_date'],
    order: 'd.month, d.mission, d.country_iso3, d.personnel_type',
  },
  ied: {
    columns: ['record_id', 'date', 'mission', 'country_iso3', 'location', 'outcome', 'killed', 'peacekeepers_killed', 'target'],
    select: ['i.source_record_id', 'i.event_date', 'i.mission', 'i.country_iso3', 'i.location', 'i.outcome', 'i.killed', 'i.peacekeepers_killed', 'i.target'],
    order: 'i.event_date, i.source_record_id',
  },
};

const ALIAS: Record<Subject, string> = { fatalities: 'f', deployments: 'd', ied: 'i' };

export interface DrillRequest {
  spec: ViewSpec;
  /** The cell's row key (one value per row dimension) and column key; omit either for a total. */
  rowKey: string[];
  colKey?: string;
  limit: number;
}

export interface SourceRows {
  subject: Subject;
  /** What the rows are: for a rate, the deaths counted in it. */
  role: 'rows' | 'rate_deaths' | 'rate_excluded_deaths' | 'rate_deployments';
  columns: string[];
  rows: (string | number | null)[][];
  total: number;
  truncated: boolean;
}

/**
 * The source rows behind one cell (or total) of a cross-tab, each with the file it came from and its
 * line: the cell's keys become filters on top of the view's own.
 */
export function sourceRows(db: Db, request: DrillRequest): SourceRows[] {
  const { spec, rowKey, colKey, limit } = request;
  const where: Partial<Record<Dimension, string[]>> = { ...spec.where };
  let empty = false;
  const pin = (d: Dimension, value: string) => {
    const allowed = where[d];
    if (allowed && !allowed.includes(value)) empty = true;
    where[d] = [value];
  };
  rowKey.forEach((v, i) => pin(spec.rows[i], v));
  if (colKey !== undefined && spec.cols) pin(spec.cols, colKey);
  const cell = { ...spec, where };
  const { gender, ...ungendered } = where;
  // A deployment row counts both genders: a gender cell lists the rows with somebody of that gender.
  const deploymentsCell = denominatorSpec({ ...cell, where: ungendered });
  const genderCondition = !gender ? undefined : gender.includes('F') && gender.includes('M') ? undefined : gender.includes('F') ? 'd.female > 0' : gender.includes('M') ? 'd.male > 0' : '0';

  const parts: [SimpleMeasure, SourceRows['role']][] =
    spec.measure === 'fatality_rate'
      ? [
          [RATE_PARTS.deaths, 'rate_deaths'],
          [RATE_PARTS.excludedDeaths, 'rate_excluded_deaths'],
          [RATE_PARTS.personMonths, 'rate_deployments'],
        ]
      : [[spec.measure === 'deployed' ? DEPLOYED_PARTS.personMonths : SIMPLE_MEASURES[spec.measure as SimpleMeasureName], 'rows']];
  return parts.map(([measure, role]) => {
    const detail = DETAIL[measure.subject];
    if (empty) return { subject: measure.subject, role, columns: [...detail.columns, 'file', 'line'], rows: [], total: 0, truncated: false };
    const fact = FACTS[measure.subject];
    const cond =
      measure.subject === 'deployments'
        ? compileConditions({ ...measure, condition: [measure.condition, genderCondition].filter(Boolean).join(' AND ') || undefined }, deploymentsCell)
        : compileConditions(measure, cell);
    const a = ALIAS[measure.subject];
    const total = db.prepare(`SELECT COUNT(*) FROM ${fact.from} ${cond.sql}`).pluck().get(...cond.params) as number;
    const rows = db
      .prepare(
        `SELECT ${[...detail.select, 'ds.file_name', `${a}.source_line`].join(', ')}
         FROM ${fact.from} JOIN dataset ds ON ds.id = ${a}.dataset_id ${cond.sql}
         ORDER BY ${detail.order} LIMIT ?`,
      )
      .raw()
      .all(...cond.params, limit) as (string | number | null)[][];
    return { subject: measure.subject, role, columns: [...detail.columns, 'file', 'line'], rows, total, truncated: total > rows.length };
  });
}

