import { referenceTables } from './tables';

/** Folds a country name for matching: no accents, apostrophes, case or punctuation ("Côte dIvoire" = "Cote d'Ivoire"). */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

let byName: Map<string, string> | undefined;
let byM49: Map<number, string> | undefined;

/** ISO3 of a country from its English name as the UN or ACLED writes it, or undefined. */
export function iso3ByName(name: string): string | undefined {
  if (!byName) {
    byName = new Map();
    for (const c of referenceTables().tables.countries) byName.set(foldName(c.name_en), c.iso3);
    // Names the UN and ACLED files use that differ from the reference's short names.
    const aliases: Record<string, string> = {
      'Democratic Republic of Congo': 'COD',
      'Republic of Congo': 'COG',
      Congo: 'COG',
      'Ivory Coast': 'CIV',
      'Central African Rep.': 'CAF',
      'South Sudan': 'SSD',
      Sudan: 'SDN',
      Syria: 'SYR',
      Iran: 'IRN',
      Russia: 'RUS',
      'United States': 'USA',
      'United Kingdom': 'GBR',
      'Korea, Republic of': 'KOR',
      'South Korea': 'KOR',
      Tanzania: 'TZA',
      Bolivia: 'BOL',
      Venezuela: 'VEN',
      Vietnam: 'VNM',
      Laos: 'LAO',
      Moldova: 'MDA',
      Turkey: 'TUR',
      Netherlands: 'NLD',
      Gambia: 'GMB',
      Palestine: 'PSE',
      'Serbia and Montenegro': 'SCG',
      Yugoslavia: 'YUG',
      Eswatini: 'SWZ',
      'North Macedonia': 'MKD',
      'Czech Republic': 'CZE',
    };
    for (const [n, iso] of Object.entries(aliases)) byName.set(foldName(n), iso);
  }
  return byName.get(foldName(name));
}

export function iso3ByM49(code: number): string | undefined {
  if (!byM49) {
    byM49 = new Map();
    for (const c of referenceTables().tables.countries) if (c.m49 != null) byM49.set(c.m49, c.iso3);
  }
  return byM49.get(code);
}

/** Missions whose host countries include `iso3` and whose mandate covers `date`, peacekeeping operations first. */
export function missionsHostedAt(iso3: string, date: string): string[] {
  return referenceTables()
    .tables.missions.filter((m) => m.host.includes(iso3) && (!m.start || m.start <= date) && (!m.end || date <= m.end))
    .sort((a, b) => Number(b.kind === 'peacekeeping') - Number(a.kind === 'peacekeeping') || a.host.indexOf(iso3) - b.host.indexOf(iso3))
    .map((m) => m.acronym);
}
