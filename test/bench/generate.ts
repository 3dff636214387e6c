import fs from 'node:fs';
import { seededRandom as prng } from '../../electron/core/demo/random';
import { rootPath } from '../../electron/core/paths';

interface Country {
  iso3: string;
  m49: number | null;
  name_en: string;
}

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function reference() {
  const read = (f: string) => JSON.parse(fs.readFileSync(rootPath('data', 'reference', f), 'utf8'));
  const missions = (read('missions.json') as { acronym: string }[]).slice(0, 40).map((m) => m.acronym);
  const countries = (read('countries.json') as Country[]).filter((c) => c.m49 !== null).slice(0, 190);
  return { missions, countries };
}

const PERSONNEL = ['Troops', 'Staff Officer', 'Experts on Mission', 'Formed Police Units', 'Individual Police'];
/** 25 years of month-ends, 2000-01 to 2024-12. */
const MONTHS = 300;

function monthEnd(m: number): string {
  const y = 2000 + Math.floor(m / 12);
  const mo = (m % 12) + 1;
  const day = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return `${y}-${String(mo).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Writes in large pieces: a million rows is ~70 MB of text. */
function writer(file: string) {
  const fd = fs.openSync(file, 'w');
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    fs.writeSync(fd, parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    line(s: string) {
      parts.push(s, '\n');
      size += s.length + 1;
      if (size > 1 << 22) flush();
    },
    close() {
      flush();
      fs.closeSync(fd);
    },
  };
}

/**
 * Deployments in the Data Hub layout: every row a distinct (month, mission, country, personnel type),
 * spread evenly over 300 months × 40 missions × 190 countries × 5 types, sorted by month as the UN files are.
 */
export function writeDeployments(file: string, rows: number, seed = 4): void {
  const { missions, countries } = reference();
  const rnd = prng(seed);
  const perMonth = missions.length * countries.length * PERSONNEL.length;
  const combos = MONTHS * perMonth;
  if (rows > combos) throw new Error(`at most ${combos} distinct deployment rows`);
  const out = writer(file);
  out.line('contribution_id,mission_acronym,personnel_type,isocode3,contributing_country,female_personnel,male_personnel,last_reporting_date');
  for (let i = 0; i < rows; i++) {
    const c = Math.floor((i * combos) / rows);
    const month = Math.floor(c / perMonth);
    const inMonth = c % perMonth;
    const mission = missions[Math.floor(inMonth / (countries.length * PERSONNEL.length))];
    const country = countries[Math.floor(inMonth / PERSONNEL.length) % countries.length];
    const type = PERSONNEL[inMonth % PERSONNEL.length];
    const male = Math.floor(rnd() * 800);
    const female = Math.floor(rnd() * 60);
    out.line(`${i + 1},${mission},${type},${country.iso3},${csvCell(country.name_en)},${female},${male},${monthEnd(month)}`);
  }
  out.close();
}

const FATALITY_TYPES = ['Military', 'Military Observer', 'Police', 'International Civilian', 'Local', 'Other'];
const INCIDENTS = ['Illness', 'Accident', 'Malicious Act', 'Self-Inflicted', 'To Be Determined', 'Unknown'];

/** Fatalities in the Data Hub layout, one row per casualty, on the same missions, countries and months. */
export function writeFatalities(file: string, rows: number, seed = 7): void {
  const { missions, countries } = reference();
  const rnd = prng(seed);
  const out = writer(file);
  out.line('id,incident_date,casualty_id,mission_acronym,type_of_casualty,gender,casualty_nationality,casualty_personnel_type,type_of_incident,m49_code,isocode3,last_update');
  for (let i = 0; i < rows; i++) {
    const month = Math.floor((i * MONTHS) / rows);
    const date = `${monthEnd(month).slice(0, 8)}${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    const country = countries[Math.floor(rnd() * countries.length)];
    const gender = rnd() < 0.9 ? 'M' : rnd() < 0.5 ? 'F' : '';
    out.line(
      `${i + 1},${date},SYN-${i + 1},${missions[Math.floor(rnd() * missions.length)]},Fatality,${gender},${csvCell(country.name_en)},${FATALITY_TYPES[Math.floor(rnd() * FATALITY_TYPES.length)]},${INCIDENTS[Math.floor(rnd() * INCIDENTS.length)]},${country.m49}.0,${country.iso3},2025-04-04`,
    );
  }
  out.close();
}
