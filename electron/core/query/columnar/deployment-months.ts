import type { Db } from '../../db/open';
import { DEPLOYMENT_PERSONNEL_TYPES } from '../../import/deployments';

/** A column holding one of a few values the importer allows (spelled exactly so), as one digit; x for anything else. */
export function digitOf(column: string, values: readonly string[]): string {
  return `CASE ${column} ${values.map((v, i) => `WHEN '${v}' THEN '${i}'`).join(' ')} ELSE 'x' END`;
}

/** Separates the parts of a combination string: a control character no validated field holds. */
export const SEP = '\u001f';

/** Women and men of a row in one integer: both below 2^26, so the sum stays exact in a double. */
const PACK = 67108864;
const TYPE_DIGIT = digitOf('personnel_type', DEPLOYMENT_PERSONNEL_TYPES);
/** A combination's number: mission (by its order of appearance), country (three letters A–Z) and type digit. */
const COUNTRIES = 26 * 26 * 26;
const TYPES = DEPLOYMENT_PERSONNEL_TYPES.length;

/**
 * Some months of deployments, as read by one thread: per row its (mission, country, personnel type)
 * combination (a code into `combos`, local to this part) and its counts; per month its row count.
 * Plain data, so a part read in another thread crosses over whole (the typed arrays are transferred).
 */
export interface DeploymentPart {
  months: string[];
  monthRows: number[];
  rows: number;
  comboOf: Int32Array;
  /** [mission, country, personnel type] of each combination. */
  combos: string[][];
  /** The first month each combination appears in (a row to read its service from). */
  firstMonth: string[];
  female: Int32Array;
  strength: Int32Array;
}

/** Typed arrays that double when full. */
class Growing {
  comboOf: Int32Array;
  female: Int32Array;
  strength: Int32Array;

  constructor(capacity: number) {
    const n = Math.max(1024, capacity);
    this.comboOf = new Int32Array(n);
    this.female = new Int32Array(n);
    this.strength = new Int32Array(n);
  }

  ensure(rows: number): void {
    if (rows <= this.comboOf.length) return;
    let n = this.comboOf.length;
    while (n < rows) n *= 2;
    const grow = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.comboOf = grow(this.comboOf);
    this.female = grow(this.female);
    this.strength = grow(this.strength);
  }
}

/**
 * Reads the given months of deployments in key order (month, mission, country, personnel type), so a
 * part comes out sorted by date. No string is made per row: SQLite gives each month's missions with
 * their row counts (a run each, in key order), then the whole month in three joined strings: countries
 * three letters a row, personnel types one digit a row, and women and men packed in one integer a row.
 * A combination is then a number, looked up in a map. A month the importer could not have written
 * (a country code that is not three capitals, another personnel type, counts too large to pack) is
 * read row by row instead. Call inside a read transaction.
 */
export function readDeploymentMonths(db: Db, months: string[], capacity: number): DeploymentPart {
  const order = 'ORDER BY mission, country_iso3, personnel_type';
  const packed = `CASE WHEN female < ${PACK} AND male < ${PACK} THEN female * ${PACK} + male ELSE -1 END`;
  const missionRuns = db.prepare(`SELECT mission, count(*) FROM deployment WHERE month = ? GROUP BY mission ORDER BY mission`).raw();
  const wholeMonth = db
    .prepare(`SELECT group_concat(c, ''), group_concat(t, ''), group_concat(p) FROM (SELECT country_iso3 AS c, ${TYPE_DIGIT} AS t, ${packed} AS p FROM deployment WHERE month = ? ${order})`)
    .raw();
  const rowWise = db.prepare(`SELECT mission, country_iso3, personnel_type, female, male FROM deployment WHERE month = ? ${order}`).raw();

  const out = new Growing(capacity);
  const combos: string[][] = [];
  const firstMonth: string[] = [];
  /** Combinations by number (read from joined strings) or by joined values (read row by row). */
  const index = new Map<number | string, number>();
  const missionOrder = new Map<string, number>();
  const monthRows: number[] = [];

  const combination = (month: string, key: number | string, values: () => string[]): number => {
    let c = index.get(key);
    if (c === undefined) {
      c = combos.length;
      combos.push(values());
      firstMonth.push(month);
      index.set(key, c);
    }
    return c;
  };

  /** Reads one month from the joined strings; false (having written nothing) when it must be read row by row. */
  const fromJoined = (month: string, runs: [string, number][], at: number, n: number): boolean => {
    const [countries, types, counts] = wholeMonth.get(month) as [string, string, string];
    if (countries.length !== 3 * n || types.length !== n || types.includes('x') || counts.includes('-')) return false;
    for (let i = 0; i < countries.length; i++) {
      const c = countries.charCodeAt(i);
      if (c < 65 || c > 90) return false;
    }
    let i = 0;
    let pos = 0;
    for (const [name, count] of runs) {
      let m = missionOrder.get(name);
      if (m === undefined) missionOrder.set(name, (m = missionOrder.size));
      const base = m * COUNTRIES * TYPES;
      for (let k = 0; k < count; k++, i++) {
        const c3 = 3 * i;
        const type = types.charCodeAt(i) - 48;
        const key = base + ((countries.charCodeAt(c3) - 65) * 676 + (countries.charCodeAt(c3 + 1) - 65) * 26 + countries.charCodeAt(c3 + 2) - 65) * TYPES + type;
        out.comboOf[at + i] = combination(month, key, () => [name, countries.slice(c3, c3 + 3), DEPLOYMENT_PERSONNEL_TYPES[type]]);
        // The packed counts, read digit by digit (no string per row).
        let both = 0;
        for (let ch = counts.charCodeAt(pos); ch >= 48 && ch <= 57; ch = counts.charCodeAt(++pos)) both = both * 10 + ch - 48;
        pos++;
        const f = Math.trunc(both / PACK);
        out.female[at + i] = f;
        out.strength[at + i] = f + (both - f * PACK);
      }
    }
    return true;
  };

  /** Reads one month a row at a time. */
  const rowByRow = (month: string, at: number): void => {
    const all = rowWise.all(month) as [string, string, string, number, number][];
    all.forEach(([mission, country, type, female, male], i) => {
      out.comboOf[at + i] = combination(month, [mission, country, type].join(SEP), () => [mission, country, type]);
      out.female[at + i] = female;
      out.strength[at + i] = female + male;
    });
  };

  let rows = 0;
  for (const month of months) {
    const runs = missionRuns.all(month) as [string, number][];
    const n = runs.reduce((sum, [, count]) => sum + count, 0);
    out.ensure(rows + n);
    if (!fromJoined(month, runs, rows, n)) rowByRow(month, rows);
    monthRows.push(n);
    rows += n;
  }
  return {
    months,
    monthRows,
    rows,
    comboOf: out.comboOf.subarray(0, rows),
    combos,
    firstMonth,
    female: out.female.subarray(0, rows),
    strength: out.strength.subarray(0, rows),
  };
}

/** Every month with deployment reports, in order (a seek per month, not a scan). */
export function deploymentMonths(db: Db): string[] {
  const next = db.prepare(`SELECT min(month) FROM deployment WHERE month > ?`).pluck();
  const months: string[] = [];
  for (let m = next.get('') as string | null; m !== null; m = next.get(m) as string | null) months.push(m);
  return months;
}
