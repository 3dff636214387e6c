import type { MessagePort, Worker } from 'node:worker_threads';
import { SERVICES, type Dimension, type Subject } from '../../../../shared/catalogue';
import type { Db } from '../../db/open';
import { factRows } from '../../datasets/counts';
import { FATALITY_PERSONNEL_TYPES, INCIDENT_TYPES } from '../../import/fatalities';
import { BlockingChannel, canBlockHere, startWorker } from '../../threads';
import { deploymentMonths, digitOf, readDeploymentMonths, SEP, type DeploymentPart } from './deployment-months';
import { CodeColumn, Dictionary, type Codes } from './dictionary';

/** Gender as stored: M, F or blank. */
const GENDERS = ['M', 'F', ''] as const;

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
  /** Earliest and latest day of each block of BLOCK_ROWS rows: a date range skips the blocks wholly outside it. */
  blockMin?: Int32Array;
  blockMax?: Int32Array;
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

  /** The same day for the next `count` rows (a month of deployment reports). */
  pushRun(day: number, count: number): void {
    if (count <= 0) return;
    this.push(day);
    this.day.fill(day, this.row, this.row + count - 1);
    this.row += count - 1;
    this.month.pushCodes(this.monthOf.get(Math.trunc(day / 100))!, count - 1);
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

/**
 * Dictionary codes for rows read as one string per row (several low-cardinality columns joined by SEP):
 * one string and one map lookup per row instead of one string per cell. Only the first part may be free
 * text; the others are validated codes without SEP, so a combination is split from the right.
 */
class Combinations {
  private readonly index = new Map<string, number>();
  /** Per combination, its code in each column. */
  readonly parts: number[][] = [];

  get size(): number {
    return this.parts.length;
  }

  constructor(private readonly columns: CodeColumn[]) {}

  code(combo: string): number {
    let c = this.index.get(combo);
    if (c === undefined) {
      const split = combo.split(SEP);
      const tail = split.splice(split.length - (this.columns.length - 1));
      const values = [split.join(SEP), ...tail];
      c = this.parts.length;
      this.parts.push(values.map((v, i) => this.columns[i].dictionary.code(v)));
      this.index.set(combo, c);
    }
    return c;
  }

  private readonly byNumber = new Map<number, number>();

  /** The same, for a combination known by a number unique to it; its values are asked for once. */
  codeOf(key: number, values: () => string[]): number {
    let c = this.byNumber.get(key);
    if (c === undefined) {
      c = this.parts.length;
      this.parts.push(values().map((v, i) => this.columns[i].dictionary.code(v)));
      this.byNumber.set(key, c);
    }
    return c;
  }

  /** Fills each column with the codes of the combinations per row. */
  finish(combos: Int32Array, rows: number): void {
    this.columns.forEach((col, i) => {
      const byCombo = Int32Array.from(this.parts, (p) => p[i]);
      for (let r = 0; r < rows; r++) col.pushCode(byCombo[combos[r]]);
    });
  }
}

/** The last day of a month as YYYYMMDD. */
function monthEndDay(ym: number): number {
  const y = Math.trunc(ym / 100);
  const m = ym % 100;
  return ym * 100 + new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Deployments from parts read in month order (by this thread, or some by a helper thread): the parts'
 * combinations become one dictionary, and the projection comes out sorted by date, so a date range is
 * a contiguous run of rows. Service is read once per personnel type, as the table derives it.
 */
function deployments(db: Db, ref: Reference, parts: DeploymentPart[]): FactProjection {
  const rows = parts.reduce((n, p) => n + p.rows, 0);
  const time = new TimeColumns(rows);
  const [mission, country, personnel] = [0, 1, 2].map(() => new CodeColumn(rows));
  const combos = new Combinations([mission, country, personnel]);
  const comboOf = new Int32Array(rows);
  const strength = new Int32Array(rows);
  const female = new Int32Array(rows);
  const monthOfCombo: string[] = [];
  let r = 0;
  for (const part of parts) {
    const global = Int32Array.from(part.combos, (values, c) => {
      const before = combos.size;
      const code = combos.code(values.join(SEP));
      if (code === before) monthOfCombo.push(part.firstMonth[c]);
      return code;
    });
    part.months.forEach((month, i) => time.pushRun(monthEndDay(Number(month.slice(0, 4)) * 100 + Number(month.slice(5, 7))), part.monthRows[i]));
    for (let i = 0; i < part.rows; i++) comboOf[r + i] = global[part.comboOf[i]];
    female.set(part.female, r);
    strength.set(part.strength, r);
    r += part.rows;
  }
  combos.finish(comboOf, r);
  // The service column, as the table derives it, once per personnel type (from a row that has it).
  const service = new CodeColumn(0);
  const serviceOf = db.prepare(`SELECT service FROM deployment WHERE month = ? AND mission = ? AND country_iso3 = ? AND personnel_type = ?`).pluck();
  const typeRow = new Map<number, number>();
  combos.parts.forEach((p, c) => {
    if (!typeRow.has(p[2])) typeRow.set(p[2], c);
  });
  const personnelDim = column(personnel);
  const serviceByType = Int32Array.from(personnelDim.values, (_, t) => {
    const c = typeRow.get(t)!;
    const [m, co, pt] = combos.parts[c];
    return service.dictionary.code(serviceOf.get(monthOfCombo[c], mission.dictionary.values[m], country.dictionary.values[co], personnel.dictionary.values[pt]) as string);
  });
  const missionDim = column(mission);
  return {
    subject: 'deployments',
    rows: r,
    day: time.day,
    dims: {
      ...time.finish(),
      mission: missionDim,
      ...hostDimensions(ref, missionDim),
      country: column(country),
      personnel_type: personnelDim,
      service: { codes: personnelDim.codes, via: serviceByType, values: service.dictionary.values },
    },
    strength,
    female,
  };
}

/** Which (mission, month) pairs have deployment reports (deployment_month), from the deployments projection: fatality_rate counts deaths only there. */
function reportedMonths(p: FactProjection): Set<string> {
  const mission = p.dims.mission!;
  const month = p.dims.month!;
  const months = month.values.length;
  const seen = new Uint8Array(mission.values.length * months);
  for (let r = 0; r < p.rows; r++) seen[mission.codes[r] * months + month.codes[r]] = 1;
  const pairs = new Set<string>();
  for (let i = 0; i < seen.length; i++) if (seen[i]) pairs.add(`${mission.values[Math.trunc(i / months)]}\u001f${month.values[i % months]}`);
  return pairs;
}

/** Fatalities, with rateFlags saying only which deaths are of uniformed personnel (withCoverage adds the rest). */
function fatalities(db: Db, ref: Reference): FactProjection {
  const rows = countRows(db, 'fatality');
  const time = new TimeColumns(rows);
  const [mission, country, personnel, service, incident, gender] = [0, 1, 2, 3, 4, 5].map(() => new CodeColumn(rows));
  const combos = new Combinations([mission, country, personnel, service, incident, gender]);
  const comboOf = new Int32Array(rows);
  const uniformed = new Uint8Array(rows);
  let r = 0;
  // A slice of rows crosses from SQLite as joined strings: days, missions, and per row seven characters
  // coding the rest (nationality's three letters, or ___ for none; one digit each for personnel type,
  // service, incident type and gender). A combination is then a number; no string is made per row but
  // the mission. A slice holding anything the importer could not have written is read row by row.
  const uncoded = 'x';
  const codedRow = [
    `substr(CASE WHEN nationality_iso3 = '' THEN '___' ELSE nationality_iso3 END || 'xxx', 1, 3)`,
    digitOf('personnel_type', FATALITY_PERSONNEL_TYPES),
    digitOf('service', SERVICES),
    digitOf('incident_type', INCIDENT_TYPES),
    digitOf('gender', GENDERS),
  ].join(' || ');
  const slice = db
    .prepare(
      `SELECT count(*), max(id), group_concat(d), group_concat(m, char(30)), group_concat(k, '')
       FROM (SELECT rowid AS id, ${dayOf('incident_date')} AS d, mission AS m, ${codedRow} AS k FROM fatality WHERE rowid > ? ORDER BY rowid LIMIT 65536)`,
    )
    .raw();
  const combo = `mission || char(31) || nationality_iso3 || char(31) || personnel_type || char(31) || service || char(31) || incident_type || char(31) || gender`;
  const rowWise = db.prepare(`SELECT ${dayOf('incident_date')}, ${combo}, service IN ('military', 'police') FROM fatality WHERE rowid > ? AND rowid <= ? ORDER BY rowid`).raw();
  const missionCode = new Map<string, number>();
  const NATIONALITIES = 26 * 26 * 26 + 1;
  const nationalityOf = (k: string, at: number): number => {
    const a = k.charCodeAt(at);
    if (a === 95) return k.charCodeAt(at + 1) === 95 && k.charCodeAt(at + 2) === 95 ? NATIONALITIES - 1 : -1;
    const b = k.charCodeAt(at + 1);
    const c = k.charCodeAt(at + 2);
    if (a < 65 || a > 90 || b < 65 || b > 90 || c < 65 || c > 90) return -1;
    return (a - 65) * 676 + (b - 65) * 26 + c - 65;
  };

  /** Reads a slice from its joined strings; false (having written nothing) when it must be read row by row. */
  const fromJoined = (at: number, n: number, days: string, missions: string[], coded: string): boolean => {
    if (missions.length !== n || coded.length !== 7 * n || coded.includes(uncoded)) return false;
    for (let i = 0; i < n; i++) if (nationalityOf(coded, 7 * i) < 0) return false;
    let pos = 0;
    for (let i = 0; i < n; i++) {
      let day = 0;
      for (let ch = days.charCodeAt(pos); ch >= 48 && ch <= 57; ch = days.charCodeAt(++pos)) day = day * 10 + ch - 48;
      pos++;
      time.push(day);
      const name = missions[i];
      let m = missionCode.get(name);
      if (m === undefined) missionCode.set(name, (m = missionCode.size));
      const k = 7 * i;
      const nat = nationalityOf(coded, k);
      const [p, sv, inc, g] = [coded.charCodeAt(k + 3) - 48, coded.charCodeAt(k + 4) - 48, coded.charCodeAt(k + 5) - 48, coded.charCodeAt(k + 6) - 48];
      const key = ((((m * NATIONALITIES + nat) * FATALITY_PERSONNEL_TYPES.length + p) * SERVICES.length + sv) * INCIDENT_TYPES.length + inc) * GENDERS.length + g;
      comboOf[at + i] = combos.codeOf(key, () => [name, nat === NATIONALITIES - 1 ? '' : coded.slice(k, k + 3), FATALITY_PERSONNEL_TYPES[p], SERVICES[sv], INCIDENT_TYPES[inc], GENDERS[g]]);
      uniformed[at + i] = sv <= 1 ? RATE_UNIFORMED : 0;
    }
    return true;
  };

  for (let after = -Infinity; r < rows; ) {
    const [count, last, days, missions, coded] = slice.get(after) as [number, number, string, string, string];
    if (count === 0) break;
    const n = Math.min(count, rows - r);
    if (!fromJoined(r, n, days, missions.split('\u001e'), coded)) {
      const rowsOfSlice = rowWise.all(after, last) as [number, string, number][];
      for (let i = 0; i < n; i++) {
        time.push(rowsOfSlice[i][0]);
        comboOf[r + i] = combos.code(rowsOfSlice[i][1]);
        uniformed[r + i] = rowsOfSlice[i][2] ? RATE_UNIFORMED : 0;
      }
    }
    r += n;
    after = last;
  }
  combos.finish(comboOf, r);
  const dims = { ...time.finish(), mission: column(mission) };
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
    rateFlags: uniformed,
  };
}

/** Marks the uniformed deaths whose mission reported deployments that month (fatality_rate counts only those). */
function withCoverage(p: FactProjection, reported: Set<string>): FactProjection {
  const mission = p.dims.mission!;
  const months = p.dims.month!;
  // Coverage is decided once per distinct (mission, month) pair, then looked up per row.
  const covered = new Uint8Array(mission.values.length * months.values.length);
  mission.values.forEach((m, i) =>
    months.values.forEach((mo, j) => {
      covered[i * months.values.length + j] = reported.has(`${m}\u001f${mo}`) ? RATE_COVERED : 0;
    }),
  );
  const rateFlags = p.rateFlags!;
  for (let i = 0; i < p.rows; i++) {
    if (rateFlags[i]) rateFlags[i] |= covered[mission.codes[i] * months.values.length + months.codes[i]];
  }
  return p;
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

export const BLOCK_ROWS = 1024;

/** Notes each block's earliest and latest day (deployments are stored by month, so their blocks barely overlap). */
function withBlocks(p: FactProjection): FactProjection {
  const blocks = Math.ceil(p.rows / BLOCK_ROWS);
  const blockMin = new Int32Array(blocks);
  const blockMax = new Int32Array(blocks);
  for (let b = 0; b < blocks; b++) {
    let lo = 0x7fffffff;
    let hi = -0x80000000;
    for (let r = b * BLOCK_ROWS, end = Math.min(p.rows, r + BLOCK_ROWS); r < end; r++) {
      const d = p.day[r];
      if (d < lo) lo = d;
      if (d > hi) hi = d;
    }
    blockMin[b] = lo;
    blockMax[b] = hi;
  }
  return { ...p, blockMin, blockMax };
}

export interface ProjectionHelperData {
  dbPath: string;
  months: string[];
  capacity: number;
}

export type ProjectionHelperMessage = { type: 'part'; part: DeploymentPart } | { type: 'failed'; message: string };

/** Below this many deployment rows a second thread costs more to start than it saves. */
export const PARALLEL_FROM_ROWS = 300_000;

/**
 * The later half of the deployment months, read by a helper thread on its own connection while this
 * thread reads the rest. Both read the same committed state when no other connection commits while
 * they read: PRAGMA data_version (which changes exactly then) is compared before and after.
 */
class DeploymentHelper {
  private readonly channel = new BlockingChannel();
  private readonly worker: Worker;

  constructor(dbPath: string, months: string[], capacity: number) {
    const data: ProjectionHelperData & { port: MessagePort; signal: Int32Array } = { dbPath, months, capacity, port: this.channel.remote, signal: this.channel.signal };
    this.worker = startWorker('projection-worker', { workerData: data, transferList: [this.channel.remote] });
    this.worker.unref();
  }

  part(): DeploymentPart {
    try {
      const m = this.channel.receive<ProjectionHelperMessage>(120_000, 'the projection helper thread');
      if (m.type === 'failed') throw new Error(`the projection helper thread failed: ${m.message}`);
      return m.part;
    } finally {
      this.channel.close();
      void this.worker.terminate();
    }
  }
}

/**
 * Builds every fact table's projection from one consistent read of the workspace. A large deployments
 * table is read by two threads at once (this one and a helper), unless `parallel` says otherwise.
 */
export function buildProjections(db: Db, options: { parallel?: boolean } = {}): Projections {
  const ref = reference(db);
  const version = db.pragma('data_version', { simple: true });
  const built = db.transaction(() => {
    const months = deploymentMonths(db);
    // The table's rows from the registry (it sizes the arrays and decides on a helper; it spares a full scan).
    const rows = factRows(db, 'deployments');
    const split = Math.ceil(months.length / 2);
    const parallel = (options.parallel ?? rows >= PARALLEL_FROM_ROWS) && months.length >= 2 && !db.memory && db.name !== '' && canBlockHere();
    const share = parallel ? Math.ceil(rows / 2) : rows;
    const helper = parallel ? new DeploymentHelper(db.name, months.slice(split), share) : undefined;
    const parts = [readDeploymentMonths(db, helper ? months.slice(0, split) : months, share)];
    const deaths = fatalities(db, ref);
    const ieds = withBlocks(ied(db, ref));
    if (helper) parts.push(helper.part());
    const d = deployments(db, ref, parts);
    return { fatalities: withBlocks(withCoverage(deaths, reportedMonths(d))), deployments: withBlocks(d), ied: ieds, parallel };
  })();
  const { parallel, ...projections } = built;
  // Another connection committed while the helper read: read it all again in this thread alone.
  if (parallel && db.pragma('data_version', { simple: true }) !== version) return buildProjections(db, { parallel: false });
  return projections;
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
