import type { Dimension, Subject } from '../../../shared/catalogue';
import type { ViewSpec } from '../../../shared/spec';
import { MONTH_UNIT, partialMonths, type DateRange } from '../../../shared/time';
import type { Db } from '../db/open';
import { FACTS, GENDER_SPLIT, STRENGTH_SQL } from './facts';
import { STRENGTH, WEIGHT, type SimpleMeasure } from './measures';

export const KEY_SEPARATOR = '\u001f';

export interface CompiledQuery {
  sql: string;
  params: (string | number)[];
}

export function dimensionSql(subject: Subject, d: Dimension): string {
  const expr = FACTS[subject].dims[d];
  if (!expr) throw new Error(`dimension "${d}" is not defined for ${subject}`);
  return expr;
}

/** The WHERE clause of a measure under a spec's filters and dates: identifiers from FACTS, values as parameters. */
export function compileConditions(measure: Pick<SimpleMeasure, 'subject' | 'condition'>, spec: Pick<ViewSpec, 'where' | 'from' | 'to'>): CompiledQuery {
  const fact = FACTS[measure.subject];
  const dimSql = (d: Dimension) => dimensionSql(measure.subject, d);
  const params: (string | number)[] = [];
  const conditions: string[] = [];
  if (measure.condition) conditions.push(measure.condition);
  for (const [d, values] of Object.entries(spec.where) as [Dimension, string[]][]) {
    conditions.push(`${dimSql(d)} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  }
  // A day-dated row is inside the range or not; a month is kept when the range overlaps it at all.
  const [column, cut] = 'day' in fact.time ? [fact.time.day, (iso: string) => iso] : [fact.time.month, (iso: string) => iso.slice(0, 7)];
  if (spec.from) {
    conditions.push(`${column} >= ?`);
    params.push(cut(spec.from));
  }
  if (spec.to) {
    conditions.push(`${column} <= ?`);
    params.push(cut(spec.to));
  }
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/** A measure's aggregate with each WEIGHT written out: MONTH_UNIT, or the weights of the range's partial months as parameters. */
function weighted(sql: string, range: DateRange): CompiledQuery {
  const parts = sql.split(WEIGHT);
  if (parts.length === 1) return { sql, params: [] };
  const edges = partialMonths(range);
  const weight = edges.length ? `(CASE d.month ${edges.map(() => 'WHEN ? THEN ?').join(' ')} ELSE ${MONTH_UNIT} END)` : String(MONTH_UNIT);
  const params = parts.slice(1).flatMap(() => edges.flatMap((e) => [e.month, e.weight]));
  return { sql: parts.join(weight), params };
}

/**
 * Compiles one aggregate, grouped by the given dimensions, under the spec's filters and dates.
 * Every identifier comes from FACTS and SIMPLE_MEASURES; every value is a bound parameter.
 */
export function compileAggregate(measure: SimpleMeasure, groupBy: Dimension[], spec: Pick<ViewSpec, 'where' | 'from' | 'to'>): CompiledQuery {
  const where = compileConditions(measure, spec);
  const split = measure.subject === 'deployments' && (groupBy.includes('gender') || spec.where.gender !== undefined);
  const value = weighted(measure.sql.split(STRENGTH).join(split ? GENDER_SPLIT.strength : STRENGTH_SQL), spec);
  const select = groupBy.map((d, i) => `${dimensionSql(measure.subject, d)} AS k${i}`);
  const sql = [
    `SELECT ${[...select, `${value.sql} AS v`].join(', ')}`,
    `FROM ${measure.from ?? FACTS[measure.subject].from}${split ? ` ${GENDER_SPLIT.from}` : ''}`,
    where.sql,
    groupBy.length ? `GROUP BY ${groupBy.map((_, i) => `k${i}`).join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return { sql, params: [...value.params, ...where.params] };
}

/** The values of each dimension per fact table, read once per state of the workspace (its datasets). */
const valuesCache = new WeakMap<Db, { stamp: string; values: Map<string, readonly string[]> }>();

/** The values a dimension takes in a fact table's rows (a deployment row counts women and men). */
export function knownValues(db: Db): (subject: Subject, d: Dimension) => readonly string[] {
  return (subject, d) => {
    const stamp = JSON.stringify(db.prepare(`SELECT count(*), max(id) FROM dataset`).raw().get());
    let cache = valuesCache.get(db);
    if (!cache || cache.stamp !== stamp) valuesCache.set(db, (cache = { stamp, values: new Map() }));
    const key = `${subject}/${d}`;
    let values = cache.values.get(key);
    if (!values) {
      const expr = FACTS[subject].dims[d];
      if (!expr) values = [];
      else if (subject === 'deployments' && d === 'gender') values = ['F', 'M'];
      else values = (db.prepare(`SELECT DISTINCT ${expr} FROM ${FACTS[subject].from}`).pluck().all() as (string | null)[]).map((v) => v ?? '');
      cache.values.set(key, values);
    }
    return values;
  };
}

/** Runs an aggregate; returns the value of each group, keyed by its dimension values. */
export function aggregate(db: Db, measure: SimpleMeasure, groupBy: Dimension[], spec: Pick<ViewSpec, 'where' | 'from' | 'to'>): Map<string, number | null> {
  const q = compileAggregate(measure, groupBy, spec);
  const out = new Map<string, number | null>();
  for (const row of db.prepare(q.sql).raw().iterate(...q.params) as IterableIterator<unknown[]>) {
    const key = row.slice(0, groupBy.length).map((v) => (v === null ? '' : String(v))).join(KEY_SEPARATOR);
    const v = row[groupBy.length];
    out.set(key, v === null ? null : Number(v));
  }
  return out;
}
