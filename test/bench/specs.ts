import type { ViewSpecInput } from '../../shared/spec';

/** Six views an analyst pivots all day, each with the same question in DuckDB's SQL (one GROUPING SETS query: its fastest form). */
export interface BenchSpec {
  name: string;
  spec: ViewSpecInput;
  duckdb: string;
}

const HOST = `LEFT JOIN ref_mission m ON m.acronym = d.mission LEFT JOIN ref_country hc ON hc.iso3 = m.host_iso3`;

export const BENCH_SPECS: BenchSpec[] = [
  {
    name: 'person-months, mission × year',
    spec: { measure: 'person_months', rows: ['mission'], cols: 'year' },
    duckdb: `SELECT mission, year(month_end) AS y, SUM(female + male) FROM deployment GROUP BY GROUPING SETS ((mission, y), (mission), (y), ())`,
  },
  {
    name: 'deployed (avg), country, 2010–2019',
    spec: { measure: 'deployed', rows: ['country'], from: '2010-01-01', to: '2019-12-31' },
    // Average strength over the months reported in the period (a country absent in a month counts 0 there).
    duckdb: `SELECT country_iso3, SUM(female + male) / (SELECT COUNT(DISTINCT month_end) FROM deployment WHERE month_end BETWEEN DATE '2010-01-01' AND DATE '2019-12-31') FROM deployment WHERE month_end BETWEEN DATE '2010-01-01' AND DATE '2019-12-31' GROUP BY GROUPING SETS ((country_iso3), ())`,
  },
  {
    name: 'women %, host region × personnel type, police',
    spec: { measure: 'female_share', rows: ['region'], cols: 'personnel_type', where: { service: ['police'] } },
    duckdb: `SELECT coalesce(hc.region, '') AS region, personnel_type, 100.0 * SUM(female) / NULLIF(SUM(female + male), 0) FROM deployment d ${HOST} WHERE service = 'police' GROUP BY GROUPING SETS ((region, personnel_type), (region), (personnel_type), ())`,
  },
  {
    name: 'missions reporting, year × service',
    spec: { measure: 'missions', rows: ['year'], cols: 'service' },
    duckdb: `SELECT year(month_end) AS y, service, COUNT(DISTINCT mission) FROM deployment WHERE female + male > 0 GROUP BY GROUPING SETS ((y, service), (y), (service), ())`,
  },
  {
    name: 'person-months, month × type, 3 missions since 2015',
    spec: { measure: 'person_months', rows: ['month', 'personnel_type'], where: { mission: ['MINURSO', 'MONUSCO', 'UNIFIL'] }, from: '2015-01-01' },
    duckdb: `SELECT strftime(month_end, '%Y-%m') AS mo, personnel_type, SUM(female + male) FROM deployment WHERE mission IN ('MINURSO', 'MONUSCO', 'UNIFIL') AND month_end >= DATE '2015-01-01' GROUP BY GROUPING SETS ((mo, personnel_type), ())`,
  },
  {
    name: 'fatalities, host country × incident type',
    spec: { measure: 'fatalities', rows: ['host_country'], cols: 'incident_type' },
    duckdb: `SELECT coalesce(m.host_iso3, '') AS host, incident_type, COUNT(*) FROM fatality d ${HOST} GROUP BY GROUPING SETS ((host, incident_type), (host), (incident_type), ())`,
  },
];
