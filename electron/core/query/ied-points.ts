import type { ViewSpec } from '../../../shared/spec';
import type { Db } from '../db/open';
import { FACTS } from './facts';
import { SIMPLE_MEASURES } from './measures';
import { compileConditions } from './sql';

export interface IedPoints {
  points: { lat: number; lon: number; date: string; location: string; killed: number | null; outcome: 'detonated' | 'found_and_cleared' | 'unknown' }[];
  /** Incidents under the filters, placed or not. */
  total: number;
  /** Incidents whose file gave no latitude and longitude: counted, not drawn. */
  unplaced: number;
  truncated: boolean;
}

/**
 * The IED incidents of a view (the same filters and dates the ied_incidents count uses, so the points
 * and the count never disagree), each where its file placed it.
 */
export function iedPoints(db: Db, spec: Pick<ViewSpec, 'where' | 'from' | 'to'>, limit: number): IedPoints {
  const cond = compileConditions(SIMPLE_MEASURES.ied_incidents, spec);
  const from = FACTS.ied.from;
  const counts = db
    .prepare(`SELECT COUNT(*) AS total, COALESCE(SUM(i.latitude IS NULL OR i.longitude IS NULL), 0) AS unplaced FROM ${from} ${cond.sql}`)
    .get(...cond.params) as { total: number; unplaced: number };
  const placed = cond.sql ? `${cond.sql} AND i.latitude IS NOT NULL AND i.longitude IS NOT NULL` : 'WHERE i.latitude IS NOT NULL AND i.longitude IS NOT NULL';
  const points = db
    .prepare(`SELECT i.latitude AS lat, i.longitude AS lon, i.event_date AS date, i.location, i.killed, i.outcome FROM ${from} ${placed} ORDER BY i.event_date, i.id LIMIT ?`)
    .all(...cond.params, limit) as IedPoints['points'];
  return { points, total: counts.total, unplaced: counts.unplaced, truncated: counts.total - counts.unplaced > points.length };
}
