import fs from 'node:fs';
import { rootPath } from '../paths';
import { referenceTables } from '../reference/tables';
import { apportion, pick, poisson, seededRandom } from './random';

interface MissionCalibration {
  strength: Record<string, number>;
  police_share: number;
  malicious: number;
}

interface Calibration {
  seed: number;
  years: [number, number];
  missions: Record<string, MissionCalibration>;
  female_share: { military: number; police: number; growth_per_year: number };
  uniformed_fatalities_per_1000_person_years: number;
  uniformed_malicious_deaths: Record<string, Record<string, number>>;
  ied: {
    incidents_minusma: Record<string, number>;
    incidents_minusca: Record<string, number>;
    incidents_monusco: Record<string, number>;
    cleared_share_minusma: Record<string, number>;
    peacekeepers_killed: Record<string, number>;
  };
  places: Record<string, [string, string, number, number][]>;
  contributors: { military: string[]; police: string[] };
}

export function loadCalibration(): Calibration {
  return JSON.parse(fs.readFileSync(rootPath('data', 'demo', 'calibration.json'), 'utf8'));
}

/** Three synthetic files in the UN's and Bluehelm's own layouts, imported like any other file. */
export interface DemoFiles {
  deployments: string;
  fatalities: string;
  ied: string;
}

const OBSERVER_MISSIONS = new Set(['UNTSO', 'UNMOGIP', 'MINURSO']);
const pad = (n: number) => String(n).padStart(2, '0');
const monthEnd = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function hostOf(acronym: string): string {
  return referenceTables().tables.missions.find((m) => m.acronym === acronym)?.host[0] ?? '';
}

function countryName(iso3: string): string {
  return referenceTables().tables.countries.find((c) => c.iso3 === iso3)?.name_en ?? iso3;
}

/** Each mission draws its contributors from the pools, in a fixed order per mission, with falling weights. */
function contributorsFor(rand: () => number, pool: string[], n: number): { iso3: string; weight: number }[] {
  const shuffled = [...pool];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  return shuffled.slice(0, n).map((iso3, i) => ({ iso3, weight: 1 / (i + 1.5) }));
}

interface MissionMonth {
  mission: string;
  year: number;
  month: number;
  military: number;
  police: number;
}

function deploymentsCsv(cal: Calibration, rand: () => number): { csv: string; months: MissionMonth[] } {
  const lines = ['Mission_Acronym,Personnel_Type,ISOCode3,Contributing_Country,Female_Personnel,Male_Personnel,Last_Reporting_Date'];
  const months: MissionMonth[] = [];
  for (const [mission, m] of Object.entries(cal.missions)) {
    const small = Object.values(m.strength).every((s) => s < 300);
    const mil = contributorsFor(rand, cal.contributors.military, small ? 6 : 18);
    const pol = contributorsFor(rand, cal.contributors.police, small ? 3 : 12);
    for (const [yearText, strength] of Object.entries(m.strength)) {
      const year = Number(yearText);
      const grow = 1 + cal.female_share.growth_per_year * (year - cal.years[0]);
      for (let month = 1; month <= 12; month++) {
        const monthly = Math.round(strength * (1 + 0.015 * Math.sin((month / 12) * 2 * Math.PI) + 0.006 * (rand() - 0.5)));
        const police = Math.round(monthly * m.police_share);
        const military = monthly - police;
        months.push({ mission, year, month, military, police });
        const date = `${pad(monthEnd(year, month))}/${pad(month)}/${year}`;
        const milTypes: [string, number][] = OBSERVER_MISSIONS.has(mission)
          ? [['Experts on Mission', 0.8], ['Staff Officer', 0.15], ['Troops', 0.05]]
          : [['Troops', 0.92], ['Staff Officer', 0.04], ['Experts on Mission', 0.04]];
        const groups: [string, number, { iso3: string; weight: number }[], number][] = [
          ...milTypes.map(([t, share]) => [t, Math.round(military * share), mil, cal.female_share.military * grow] as [string, number, typeof mil, number]),
          ['Formed Police Units', Math.round(police * 0.7), pol, cal.female_share.police * grow * 0.7],
          ['Individual Police', police - Math.round(police * 0.7), pol, cal.female_share.police * grow * 1.3],
        ];
        for (const [type, total, who, femaleShare] of groups) {
          const parts = apportion(total, who.map((c) => c.weight));
          parts.forEach((n, i) => {
            if (n === 0) return;
            const female = Math.round(n * Math.min(0.6, femaleShare));
            lines.push(`${mission},${type},${who[i].iso3},"${countryName(who[i].iso3)}",${female},${n - female},${date}`);
          });
        }
      }
    }
  }
  return { csv: lines.join('\n') + '\n', months };
}

const OTHER_CAUSES: [string, number][] = [
  ['Illness', 0.55],
  ['Accident', 0.33],
  ['Self-Inflicted', 0.05],
  ['To Be Determined', 0.05],
  ['Unknown', 0.02],
];

function weighted<T>(rand: () => number, items: [T, number][]): T {
  let r = rand() * items.reduce((a, [, w]) => a + w, 0);
  for (const [item, w] of items) if ((r -= w) <= 0) return item;
  return items[items.length - 1][0];
}

function fatalitiesCsv(cal: Calibration, rand: () => number, months: MissionMonth[]): string {
  const lines = ['id,incident_date,casualty_id,mission_acronym,type_of_casualty,gender,casualty_nationality,casualty_personnel_type,type_of_incident,m49_code,isocode3,last_update'];
  const countries = new Map(referenceTables().tables.countries.map((c) => [c.iso3, c]));
  let id = 0;
  const byMissionYear = new Map<string, MissionMonth[]>();
  for (const mm of months) {
    const k = `${mm.mission}|${mm.year}`;
    byMissionYear.set(k, [...(byMissionYear.get(k) ?? []), mm]);
  }
  const natOf = (mission: string) => {
    const pool = cal.contributors.military.slice(0, 12);
    return pick(rand, [...pool, hostOf(mission)].filter(Boolean));
  };
  for (const [k, mms] of byMissionYear) {
    const [mission, yearText] = k.split('|');
    const m = cal.missions[mission];
    const personYears = mms.reduce((a, x) => a + x.military + x.police, 0) / 12;
    const mean = (personYears / 1000) * cal.uniformed_fatalities_per_1000_person_years;
    const anchored = cal.uniformed_malicious_deaths[yearText];
    const malicious = anchored ? (anchored[mission] ?? 0) : poisson(rand, mean * m.malicious * 1.5);
    const other = poisson(rand, mean * (1 - m.malicious));
    const civilians = poisson(rand, mean * 0.35);
    const deaths: [string, string][] = [
      ...Array.from({ length: malicious }, () => ['Malicious Act', rand() < 0.9 ? 'Military' : 'Police'] as [string, string]),
      ...Array.from({ length: other }, () => [weighted(rand, OTHER_CAUSES), weighted(rand, [['Military', 0.85], ['Military Observer', 0.03], ['Police', 0.12]])] as [string, string]),
      ...Array.from({ length: civilians }, () => [weighted(rand, OTHER_CAUSES), rand() < 0.7 ? 'Local ' : 'International Civilian'] as [string, string]),
    ];
    for (const [incident, personnel] of deaths) {
      const mm = pick(rand, mms);
      const day = 1 + Math.floor(rand() * monthEnd(mm.year, mm.month));
      const iso3 = personnel === 'Local ' ? hostOf(mission) : natOf(mission);
      const c = countries.get(iso3);
      id++;
      lines.push(
        [
          id,
          `${mm.year}-${pad(mm.month)}-${pad(day)}`,
          `DEMO-${mission}-${mm.year}-${pad(mm.month)}-${String(id).padStart(5, '0')}`,
          mission,
          'Fatality',
          rand() < 0.06 ? 'F' : 'M',
          `"${c?.name_en ?? iso3}"`,
          personnel,
          incident,
          c?.m49 != null ? `${c.m49}.0` : '',
          iso3,
          '2025-01-31',
        ].join(','),
      );
    }
  }
  return lines.join('\n') + '\n';
}

function iedCsv(cal: Calibration, rand: () => number): string {
  const lines = ['record_id,date,mission,country_iso3,admin1,location,latitude,longitude,event_type,outcome,killed,injured,peacekeepers_killed,peacekeepers_injured,target,source,notes'];
  const missions: [string, string, Record<string, number>][] = [
    ['MINUSMA', 'MLI', cal.ied.incidents_minusma],
    ['MINUSCA', 'CAF', cal.ied.incidents_minusca],
    ['MONUSCO', 'COD', cal.ied.incidents_monusco],
  ];
  type Incident = { mission: string; iso3: string; date: string; outcome: string; target: string };
  const byYear = new Map<number, Incident[]>();
  for (const [mission, iso3, perYear] of missions) {
    for (const [yearText, n] of Object.entries(perYear)) {
      const year = Number(yearText);
      const clearedShare = mission === 'MINUSMA' ? (cal.ied.cleared_share_minusma[yearText] ?? 0.3) : 0.25;
      const cleared = Math.round(n * clearedShare);
      for (let i = 0; i < n; i++) {
        const month = 1 + Math.floor(rand() * 12);
        const date = `${year}-${pad(month)}-${pad(1 + Math.floor(rand() * monthEnd(year, month)))}`;
        const target = weighted(rand, [['UN', 0.55], ['national_forces', 0.3], ['civilians', 0.1], ['other', 0.05]]);
        const incident = { mission, iso3, date, outcome: i < cleared ? 'found_and_cleared' : 'detonated', target };
        byYear.set(year, [...(byYear.get(year) ?? []), incident]);
      }
    }
  }
  let seq = 0;
  for (const [year, incidents] of [...byYear].sort((a, b) => a[0] - b[0])) {
    incidents.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    // Peacekeeper IED deaths for the year (A/74/533 figure X), spread over detonations against the UN.
    const hits = incidents.filter((x) => x.outcome === 'detonated' && x.target === 'UN');
    const pkKilled = apportion(cal.ied.peacekeepers_killed[String(year)] ?? 0, hits.map(() => rand() + 0.2));
    for (const x of incidents) {
      const [admin1, location, lat, lon] = pick(rand, cal.places[x.iso3]);
      const detonated = x.outcome === 'detonated';
      const pk = x.target === 'UN' && detonated ? pkKilled[hits.indexOf(x)] : 0;
      const pkInjured = x.target === 'UN' && detonated ? poisson(rand, 1.5) : 0;
      const killed = detonated ? pk + (x.target === 'UN' ? 0 : poisson(rand, 1.2)) : 0;
      const injured = detonated ? pkInjured + (x.target === 'UN' ? 0 : poisson(rand, 1.5)) : 0;
      seq++;
      lines.push(
        [
          `DEMO-IED-${year}-${String(seq).padStart(5, '0')}`,
          x.date,
          x.mission,
          x.iso3,
          admin1,
          location,
          (lat + (rand() - 0.5) * 0.3).toFixed(4),
          (lon + (rand() - 0.5) * 0.3).toFixed(4),
          rand() < 0.8 ? 'Roadside IED' : 'Landmine',
          x.outcome,
          killed,
          injured,
          pk,
          pkInjured,
          x.target,
          'SYNTHETIC demo generator',
          'SYNTHETIC record: not a real incident',
        ].join(','),
      );
    }
  }
  return lines.join('\n') + '\n';
}

/** Generates the demo files from data/demo/calibration.json; the same seed gives the same bytes. */
export function generateDemoFiles(cal: Calibration = loadCalibration()): DemoFiles {
  const rand = seededRandom(cal.seed);
  const { csv: deployments, months } = deploymentsCsv(cal, rand);
  const fatalities = fatalitiesCsv(cal, rand, months);
  const ied = iedCsv(cal, rand);
  return { deployments, fatalities, ied };
}
