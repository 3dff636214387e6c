import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filtersOf, MEASURES, measureInfo, TIME_DIMENSIONS, valuesMeasure, type Dimension, type Measure } from '../../shared/catalogue';
import { parseViewSpec, type CrossTab, type ViewSpec } from '../../shared/spec';
import { daysInMonth } from '../../shared/time';
import { importFile } from '../../electron/core/import/run';
import { Workspace } from '../../electron/core/operations';
import { crossTab, sqlAggregator } from '../../electron/core/query/crosstab';
import { RATE_PARTS } from '../../electron/core/query/measures';
import { ColumnarQueries } from '../../electron/core/query/columnar/aggregate';
import { buildProjections } from '../../electron/core/query/columnar/projection';
import { CONTRIBUTIONS_OPENDATA, CONTRIBUTIONS_PSDH, FATALITIES_CSV, FIXTURES, tempDb, writeTemp } from '../helpers';

/** Small deterministic generator, so a failing spec can be reproduced from its seed. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const some = <T>(xs: readonly T[], n: number): T[] => [...xs].sort(() => next() - 0.5).slice(0, n);
  return { next, int, pick, some };
}

const timeDims = (dims: readonly Dimension[]) => dims.some((d) => TIME_DIMENSIONS.includes(d));

/**
 * Rows add up to totals: person-months always; deployed whenever what is summed over is not time
 * (a total over years is an average, not a sum). Returns whether the table was checked.
 */
function addsUp(t: CrossTab, what: string): boolean {
  const m = t.spec.measure;
  if (m !== 'person_months' && m !== 'deployed') return false;
  const near = (sum: number, total: number | null, where: string) => expect(Math.abs(sum - (total ?? 0)), `${what}: ${where} ${sum} vs ${total}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(sum)));
  let checked = false;
  if (t.rows.length > 0 && (m === 'person_months' || !timeDims(t.rowDims))) {
    near(t.rows.reduce((n, r) => n + (r.total ?? 0), 0), t.grandTotal, 'rows to the grand total');
    t.colKeys.forEach((c, j) => near(t.rows.reduce((n, r) => n + (r.cells[j] ?? 0), 0), t.colTotals[j], `rows to column ${c}`));
    checked = true;
  }
  if (t.colDim && (m === 'person_months' || !timeDims([t.colDim]))) {
    for (const r of t.rows) near(r.cells.reduce((n: number, v) => n + (v ?? 0), 0), r.total, `cells to the total of row ${r.key.join('/')}`);
    near(t.colTotals.reduce((n: number, v) => n + (v ?? 0), 0), t.grandTotal, 'column totals to the grand total');
    checked = true;
  }
  return checked;
}

const SPECS = Number(process.env.BLUEHELM_DIFF_SPECS ?? 250);
const context = { synthetic: false, sources: [] };
const comparable = (t: CrossTab) => ({ ...t, elapsedMs: 0 });

describe('columnar engine gives exactly the SQL engine answers', () => {
  const ws = new Workspace(tempDb());
  for (const file of [FATALITIES_CSV, CONTRIBUTIONS_PSDH, CONTRIBUTIONS_OPENDATA, path.join(FIXTURES, 'acled-sahel-sample.csv'), path.join(FIXTURES, 'ied-template-sample.csv')]) {
    importFile(ws.db, { path: file });
  }
  const sql = sqlAggregator(ws.db);
  const columnar = new ColumnarQueries(buildProjections(ws.db));
  afterAll(() => ws.close());

  /** Values each dimension really takes for a measure, so filters mostly select something. */
  const known = new Map<string, string[]>();
  const valuesOf = (measure: Measure, d: Dimension) => {
    const k = `${measure}/${d}`;
    if (!known.has(k)) known.set(k, crossTab({ measure: valuesMeasure(measure, d), rows: [d], where: {} }, sql, context).rows.map((r) => r.key[0]));
    return known.get(k)!;
  };

  const randomSpec = (rnd: ReturnType<typeof random>): ViewSpec => {
    const measure = rnd.pick(MEASURES);
    const dims = measureInfo[measure].dimensions;
    const chosen = rnd.some(dims, rnd.int(4) + (rnd.next() < 0.5 ? 1 : 0));
    const cols = chosen.length > 0 && rnd.next() < 0.5 ? chosen.pop() : undefined;
    const where: Partial<Record<Dimension, string[]>> = {};
    for (const d of rnd.some(filtersOf(measure), rnd.int(3))) {
      const vals = rnd.some(valuesOf(measure, d), 1 + rnd.int(3));
      if (vals.length === 0 || rnd.next() < 0.15) vals.push(rnd.pick(['ZZZ', '1066', 'Nowhere', '']));
      where[d] = vals;
    }
    // Any calendar day, so ranges start and end mid-month as often as on a month's edge.
    const date = () => {
      const month = `${1990 + rnd.int(37)}-${String(1 + rnd.int(12)).padStart(2, '0')}`;
      return `${month}-${String(1 + rnd.int(daysInMonth(month))).padStart(2, '0')}`;
    };
    let from = rnd.next() < 0.4 ? date() : undefined;
    let to = rnd.next() < 0.4 ? date() : undefined;
    if (from && to && from > to) [from, to] = [to, from];
    return parseViewSpec({ measure, rows: chosen, cols, where, from, to });
  };


  it(`${SPECS} random specs: same rows, keys, cells, totals and blank reasons; rows add up where they must`, () => {
    const rnd = random(20250704);
    let summed = 0;
    let refused = 0;
    for (let i = 0; i < SPECS; i++) {
      const spec = randomSpec(rnd);
      // A filter value the workspace does not hold is refused by both engines, with the same message.
      let refusal: string | undefined;
      try {
        crossTab(spec, sql, context);
      } catch (e) {
        refusal = (e as Error).message;
      }
      if (refusal !== undefined) {
        expect(() => crossTab(spec, columnar.aggregator(), context), `spec #${i}: ${JSON.stringify(spec)}`).toThrowError(refusal);
        expect(refusal).toMatch(/^filter \w+: .* matches nothing in this workspace's .* Known values: /);
        refused++;
        continue;
      }
      const expected = comparable(crossTab(spec, sql, context));
      const actual = comparable(crossTab(spec, columnar.aggregator(), context));
      expect(actual, `spec #${i}: ${JSON.stringify(spec)}`).toEqual(expected);
      if (addsUp(expected, `spec #${i}: ${JSON.stringify(spec)}`)) summed++;
    }
    // The property and the refusals must really have been tried, not skipped by the draw.
    expect(summed).toBeGreaterThan(SPECS / 20);
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(SPECS / 2);
  }, Math.max(60_000, SPECS * 250));

  it('the deaths a rate leaves out (listed apart in a cell\'s sources) are the same in both engines', () => {
    for (const rows of [[], ['mission'], ['year', 'country']] as Dimension[][]) {
      const spec = parseViewSpec({ measure: 'fatality_rate', rows });
      const left = columnar.aggregator()(RATE_PARTS.excludedDeaths, rows, spec);
      expect(left).toEqual(sql(RATE_PARTS.excludedDeaths, rows, spec));
      if (rows.length === 0) expect(left.get('')).toBeGreaterThan(0);
    }
  });

  it('every measure, grouped by each of its dimensions and by nothing', () => {
    for (const measure of MEASURES) {
      for (const rows of [[], ...measureInfo[measure].dimensions.map((d) => [d])] as Dimension[][]) {
        const spec = parseViewSpec({ measure, rows });
        expect(comparable(crossTab(spec, columnar.aggregator(), context)), JSON.stringify(spec)).toEqual(comparable(crossTab(spec, sql, context)));
      }
    }
  });

  it('a projection read by two threads (a helper reading the later months) is exactly the one read by one', () => {
    const one = buildProjections(ws.db, { parallel: false });
    const two = buildProjections(ws.db, { parallel: true });
    expect(two.deployments.rows).toBe(48_109 + 44_054);
    expect(two).toEqual(one);
  });

  it('the workspace answers through its worker, and sees a new import after a refresh', async () => {
    const spec = { measure: 'fatalities', rows: ['year'], cols: 'service' } as const;
    expect(comparable(await ws.crossTabAsync(spec))).toEqual(comparable(ws.crossTab(spec)));
    const before = (await ws.crossTabAsync({ measure: 'fatalities' })).grandTotal;
    importFile(ws.db, { path: path.join(FIXTURES, 'fatalities-titlecase.csv') });
    ws.refreshEngine();
    const after = await ws.crossTabAsync({ measure: 'fatalities' });
    expect(after.grandTotal).toBe(ws.crossTab({ measure: 'fatalities' }).grandTotal);
    expect(after.grandTotal).not.toBe(before);
  });
});

describe('the projection reads deployments the UN never writes but a file may hold', () => {
  it('a mission name holding the record separator, counts too large to pack and a blank nationality give the SQL answers', () => {
    const ws = new Workspace(tempDb());
    const header = 'contribution_id,mission_acronym,personnel_type,isocode3,contributing_country,female_personnel,male_personnel,last_reporting_date';
    const rows = [
      '1,MINUSMA,Troops,BGD,Bangladesh,10,1000,2021-03-31',
      '2,ODD\u001eMISSION,Troops,BGD,Bangladesh,1,2,2021-03-31',
      '3,UNMISS,Individual Police,GHA,Ghana,70000000,900000000,2021-03-31',
      '4,UNMISS,Troops,GHA,Ghana,5,6,2021-04-30',
      '5,MINUSMA,Formed Police Units,SEN,Senegal,100000000,7,2021-04-30',
    ];
    importFile(ws.db, { path: writeTemp('odd-deployments.csv', [header, ...rows].join('\n') + '\n') });
    const fatalityHeader = 'id,incident_date,casualty_id,mission_acronym,type_of_casualty,gender,casualty_nationality,casualty_personnel_type,type_of_incident,m49_code,isocode3,last_update';
    const fatalities = [
      '1,2021-03-02,ODD-1,ODD\u001eMISSION,Fatality,M,Ghana,Military,Malicious Act,288.0,GHA,2025-04-04',
      '2,2021-04-02,ODD-2,UNMISS,Fatality,,ZZ [Undetermined],Local,Illness,,,2025-04-04',
      '3,2021-03-09,ODD-3,UNMISS,Fatality,F,Ghana,Police,Accident,288.0,GHA,2025-04-04',
    ];
    importFile(ws.db, { path: writeTemp('odd-fatalities.csv', [fatalityHeader, ...fatalities].join('\n') + '\n') });
    const sql = sqlAggregator(ws.db);
    const columnar = new ColumnarQueries(buildProjections(ws.db));
    for (const [measure, dims] of [
      ['deployed', ['mission', 'country']],
      ['person_months', ['mission', 'personnel_type']],
      ['female_share', ['mission', 'service']],
      ['fatalities', ['mission', 'country', 'gender']],
      ['fatality_rate', ['mission', 'service']],
    ] as const) {
      const spec = parseViewSpec({ measure, rows: [...dims], cols: 'month' });
      const expected = comparable(crossTab(spec, sql, context));
      expect(expected.rows.map((r) => r.key[0])).toContain('ODD\u001eMISSION');
      expect(comparable(crossTab(spec, columnar.aggregator(), context)), measure).toEqual(expected);
    }
    ws.close();
  });
});
