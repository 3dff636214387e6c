import type { Dimension, Subject } from '../../../../shared/catalogue';
import type { Db } from '../../db/open';
import { CodeColumn, Dictionary, type Codes } from './dictionary';

/** One dimension of a fact table, as codes per row plus the strings they stand for. */
export interface DimensionColumn {
  /** Codes per row of the column the dimension is read through. */
  codes: Codes;
  /** Set when the dimension is a property of that column's value (the year of a month, the host of a mission). */
  via?: Int32Array;
  values: string[];
}

/** A fact table held in memory column by column, for cross-tabs that scan instead of query. */
export interface FactProjection {
  subject: Subject;
  rows: number;
  /** Each row's date as YYYYMMDD, so a date range is two integer comparisons (same order as the ISO text). */
  day: Int32Array;
  dims: Partial<Record<Dimension, DimensionColumn>>;
  /** Deployments: monthly strength (female + male) and women. */
  strength?: Int32Array;
  female?: Int32Array;
  /** Fatalities: RATE_UNIFORMED for military and police, plus RATE_COVERED when their mission reported that month. */
  rateFlags?: Uint8Array;
  /** IED incidents: killed and injured (NO_COUNT where not recorded), peacekeepers killed, and killed + injured, found-and-cleared. */
  killed?: Int32Array;
  injured?: Int32Array;
  peacekeepersKilled?: Int32Array;
  peacekeepers?: Int32Array;
  cleared?: Uint8Array;
}

export type Projections = Record<Subject, FactProjection>;

export const RATE_UNIFORMED = 1;
export const RATE_COVERED = 2;
export const NO_COUNT = -1;

/** Reads an ISO date once per distinct month: day number per row, month code per row, year and quarter by month. */
class TimeColumns {
  readonly day: Int32Array;
  private readonly month: CodeColumn;
  private readonly monthOf = new Map<number, number>();
  private row = 0;

  constructor(rows: number) {
    this.day = new Int32Array(rows);
    this.month = new CodeColumn(rows);
  }

  /** Takes the day as YYYYMMDD (SQLite computes it, so no date string is made per row). */
  push(day: number): void {
    this.day[this.row++] = day;
    const ym = Math.trunc(day / 100);
    let code = this.monthOf.get(ym);
    if (code === undefined) {
      code = this.month.dictionary.code(`${String(Math.trunc(ym / 100)).padStart(4, '0')}-${String(ym % 100).padStart(2, '0')}`);
      this.monthOf.set(ym, code);
    }
    this.month.pushCode(code);
  }

  finish(): Pick<Record<Dimension, DimensionColumn>, 'year' | 'quarter' | 'month'> {
    const codes = this.month.finish();
    const months = this.month.dictionary.values;
    const derive = (label: (month: string) => string): DimensionColumn => {
      const dict = new Dictionary();
      return { codes, via: Int32Array.from(months, (m) => dict.code(label(m))), values: dict.values };
    };
    return {
      month: { codes, values: months },
      year: derive((m) => m.slice(0, 4)),
      quarter: derive((m) => `${m.slice(0, 4)}-Q${Math.trunc((Number(m.slice(5, 7)) + 2) / 3)}`),
    };
  }
}

interface Reference {
  hostOf: Map<string, string>;
  regionOf: Map<string, string>;
}

function reference(db: Db): Reference {
  const hostOf = new Map<string, string>();
  for (const [acronym, host] of db.prepare(`SELECT acronym, host_iso3 FROM ref_mission`).raw().all() as [string, string | null][]) {
    if (host !== null) hostOf.set(acronym, host);
  }
  const regionOf = new Map<string, string>();
  for (const [iso3, region] of db.prepare(`SELECT iso3, region FROM ref_country`).raw().all() as [string, string | null][]) {
    if (region !== null) regionOf.set(iso3, region);
  }
  return { hostOf, regionOf };
}

/** A property of each value of a column (mission → host country), as a dimension read through that column. */
function lookup(codes: Codes, values: string[], property: (value: string) => string): DimensionColumn {
  const dict = new Dictionary();
  return { codes, via: Int32Array.from(values, (v) => dict.code(property(v))), values: dict.values };
}

/** The host country and its region of each mission, as the SQL engine's joins to ref_mission and ref_country give them. */
function hostDimensions(ref: Reference, mission: DimensionColumn): Pick<Record<Dimension, DimensionColumn>, 'host_country' | 'region'> {
  const host = (m: string) => ref.hostOf.get(m) ?? '';
  return {
    host_country: lookup(mission.codes, mission.values, host),
    region: lookup(mission.codes, mission.values, (m) => ref.regionOf.get(host(m)) ?? ''),
  };
}

const column = (c: CodeColumn): DimensionColumn => ({ codes: c.finish(), values: c.dictionary.values });

function countRows(db: Db, table: string): number {
  return db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
}

/** An ISO date column as YYYYMMDD, computed by SQLite. */
const dayOf = (col: string) => `CAST(substr(${col}, 1, 4) AS INTEGER) * 10000 + CAST(substr(${col}, 6, 2) AS INTEGER) * 100 + CAST(substr(${col}, 9, 2) AS INTEGER)`;

/**
 * Reads a table in rowid order, a slice at a time: whole slices cross from SQLite in one call,
 * which is several times faster than stepping row by row. The first column must be the rowid.
 */
function* slices<R extends unknown[]>(db: Db, table: string, columns: string): Generator<R[]> {
  const read = db.prepare(`SELECT rowid, ${columns} FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT 4096`).raw();
  let after = -Infinity;
  for (;;) {
    const rows = read.all(after) as R[];
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1][0] as number;
  }
}

function deployments(db: Db, ref: Reference): FactProjection {
  const rows = countRows(db, 'deployment');
  const time = new TimeColumns(rows);
  const [mission, country, personnel, service] = [0, 1, 2, 3].map(() => new CodeColumn(rows));
  const strength = new Int32Array(rows);
  const female = new Int32Array(rows);
  let r = 0;
  type Row = [number, number, string, string, string, string, number, number];
  for (const slice of slices<Row>(db, 'deployment', `${dayOf('month_end')}, mission, country_iso3, personnel_type, service, female, male`)) {
    for (const row of slice) {
      if (r === rows) break;
      time.push(row[1]);
      mission.push(row[2]);
      country.push(row[3]);
      personnel.push(row[4]);
      service.push(row[5]);
      female[r] = row[6];
      strength[r] = row[6] + row[7];
      r++;
    }
  }
  const missionDim = column(mission);
  return {
    subject: 'deployments',
    rows: r,
    day: time.day,
    dims: { ...time.finish(), mission: missionDim, ...hostDimensions(ref, missionDim), country: column(country), personnel_type: column(personnel), service: column(service) },
    strength,
    female,
  };
}

/** Which (mission, month) pairs have deployment reports: fatality_rate counts deaths only there. */
function reportedMonths(db: Db): Set<string> {
  const pairs = new Set<string>();
  for (const [mission, month] of db.prepare(`SELECT DISTINCT mission, month FROM deployment_month`).raw().all() as [string, string][]) {
    pairs.add(`${mission}\u001f${month}`);
  }
  return pairs;
}

function fatalities(db: Db, ref: Reference): FactProjection {
  const rows = countRows(db, 'fatality');
  const time = new TimeColumns(rows);
  const [mission, country, personnel, service, incident, gender] = [0, 1, 2, 3, 4, 5].map(() => new CodeColumn(rows));
  const uniformed = new Uint8Array(rows);
  let r = 0;
  type Row = [number, number, string, string, string, string, string, string];
  for (const slice of slices<Row>(db, 'fatality', `${dayOf('incident_date')}, mission, nationality_iso3, personnel_type, service, incident_type, gender`)) {
    for (const row of slice) {
      if (r === rows) break;
      time.push(row[1]);
      mission.push(row[2]);
      country.push(row[3]);
      personnel.push(row[4]);
      service.push(row[5]);
      incident.push(row[6]);
      gender.push(row[7]);
      uniformed[r] = row[5] === 'military' || row[5] === 'police' ? RATE_UNIFORMED : 0;
      r++;
    }
  }
  const dims = { ...time.finish(), mission: column(mission) };
  const reported = reportedMonths(db);
  const months = dims.month;
  // Coverage is decided once per distinct (mission, month) pair, then looked up per row.
  const covered = new Uint8Array(dims.mission.values.length * months.values.length);
  dims.mission.values.forEach((m, i) =>
    months.values.forEach((mo, j) => {
      covered[i * months.values.length + j] = reported.has(`${m}\u001f${mo}`) ? RATE_COVERED : 0;
    }),
  );
  const rateFlags = uniformed;
  for (let i = 0; i < r; i++) {
    if (rateFlags[i]) rateFlags[i] |= covered[dims.mission.codes[i] * months.values.length + months.codes[i]];
  }
  return {
    subject: 'fatalities',
    rows: r,
    day: time.day,
    dims: {
      ...dims,
      ...hostDimensions(ref, dims.mission),
      country: column(country),
      personnel_type: column(personnel),
      service: column(service),
      incident_type: column(incident),
      gender: column(gender),
    },
    rateFlags,
  };
}

function ied(db: Db, ref: Reference): FactProjection {
  const rows = countRows(db, 'ied_incident');
  const time = new TimeColumns(rows);
  const [mission, country] = [0, 1].map(() => new CodeColumn(rows));
  const killed = new Int32Array(rows);
  const injured = new Int32Array(rows);
  const peacekeepersKilled = new Int32Array(rows);
  const peacekeepers = new Int32Array(rows);
  const cleared = new Uint8Array(rows);
  let r = 0;
  type Row = [number, number, string, string, number | null, number | null, number, number, number];
  const columns = `${dayOf('event_date')}, coalesce(mission, ''), country_iso3, killed, injured, peacekeepers_killed, peacekeepers_killed + peacekeepers_injured, outcome = 'found_and_cleared'`;
  for (const slice of slices<Row>(db, 'ied_incident', columns)) {
    for (const row of slice) {
      if (r === rows) break;
      time.push(row[1]);
      mission.push(row[2]);
      country.push(row[3]);
      killed[r] = row[4] ?? NO_COUNT;
      injured[r] = row[5] ?? NO_COUNT;
      peacekeepersKilled[r] = row[6];
      peacekeepers[r] = row[7];
      cleared[r] = row[8];
      r++;
    }
  }
  const host = column(country);
  return {
    subject: 'ied',
    rows: r,
    day: time.day,
    dims: { ...time.finish(), mission: column(mission), host_country: host, region: lookup(host.codes, host.values, (c) => ref.regionOf.get(c) ?? '') },
    killed,
    injured,
    peacekeepersKilled,
    peacekeepers,
    cleared,
  };
}

/** Builds every fact table's projection from one consistent read of the workspace. */
export function buildProjections(db: Db): Projections {
  const ref = reference(db);
  return db.transaction(() => ({ fatalities: fatalities(db, ref), deployments: deployments(db, ref), ied: ied(db, ref) }))();
}

/** Bytes held by a projection's typed arrays (dictionaries are a few kilobytes and left out). */
export function projectionBytes(p: FactProjection): number {
  const arrays = new Set<ArrayBufferView>([p.day]);
  for (const d of Object.values(p.dims)) {
    arrays.add(d.codes);
    if (d.via) arrays.add(d.via);
  }
  for (const a of [p.strength, p.female, p.rateFlags, p.killed, p.injured, p.peacekeepersKilled, p.peacekeepers, p.cleared]) if (a) arrays.add(a);
  let bytes = 0;
  for (const a of arrays) bytes += a.byteLength;
  return bytes;
}
