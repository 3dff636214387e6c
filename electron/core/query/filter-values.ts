import { measureInfo, SERVICES, type Dimension, type Subject } from '../../../shared/catalogue';
import { SpecError, type ViewSpec } from '../../../shared/spec';
import { DEPLOYMENT_PERSONNEL_TYPES } from '../import/deployments';
import { FATALITY_PERSONNEL_TYPES, INCIDENT_TYPES } from '../import/fatalities';
import { referenceTables } from '../reference/tables';

/** The values a dimension takes in the workspace's rows of one fact table (none where the table lacks it). */
export type KnownValues = (subject: Subject, dim: Dimension) => readonly string[];

/** A year, quarter or month written as the time dimensions write them: a real period, even one with no rows. */
const PERIOD: Partial<Record<Dimension, RegExp>> = { year: /^\d{4}$/, quarter: /^\d{4}-Q[1-4]$/, month: /^\d{4}-(0[1-9]|1[0-2])$/ };

let vocabulary: Partial<Record<Dimension, readonly string[]>> | undefined;

/**
 * Values that are real though the workspace may hold no row of them (a mission or country of the
 * reference tables, a category of the UN files): a filter on one is answered (with nothing), not refused.
 */
function referenceValues(dim: Dimension): readonly string[] {
  if (!vocabulary) {
    const { missions, countries } = referenceTables().tables;
    const iso3 = countries.map((c) => c.iso3);
    vocabulary = {
      mission: missions.map((m) => m.acronym),
      country: iso3,
      host_country: iso3,
      region: [...new Set(countries.map((c) => c.region ?? '').filter(Boolean))],
      personnel_type: [...FATALITY_PERSONNEL_TYPES, ...DEPLOYMENT_PERSONNEL_TYPES],
      service: SERVICES,
      incident_type: INCIDENT_TYPES,
      gender: ['F', 'M'],
    };
  }
  return vocabulary[dim] ?? [];
}

/** Edit distance, for "did you mean": a typo is one or two letters away. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length];
}

const shown = (v: string) => (v === '' ? '"" (not recorded)' : `'${v}'`);

/**
 * Checks every filter value against the values the workspace holds for the measure's fact tables, so
 * a typo is never answered with an empty table: a value known only in another case is taken in the
 * workspace's spelling when that is unambiguous; any other unknown value is refused, naming the known
 * values and the nearest one. Returns the spec with the values as the workspace spells them.
 */
export function withKnownFilterValues(spec: ViewSpec, known: KnownValues): ViewSpec {
  const entries = Object.entries(spec.where) as [Dimension, string[]][];
  if (entries.length === 0) return spec;
  const where: Partial<Record<Dimension, string[]>> = {};
  for (const [dim, values] of entries) {
    const subjects = measureInfo[spec.measure].subjects;
    const held = [...new Set(subjects.flatMap((s) => known(s, dim)))].sort();
    const all = [...new Set([...held, ...referenceValues(dim)])].sort();
    where[dim] = values.map((v) => {
      if (all.includes(v) || PERIOD[dim]?.test(v)) return v;
      const sameLetters = all.filter((k) => k.toLowerCase() === v.toLowerCase());
      if (sameLetters.length === 1) return sameLetters[0];
      const nearest = [...all].sort((a, b) => distance(v.toLowerCase(), a.toLowerCase()) - distance(v.toLowerCase(), b.toLowerCase()))[0];
      // The values the workspace holds come first: they are what a filter can find.
      const others = all.length - held.length;
      const list = [
        held.length > 30 ? `${held.slice(0, 30).map(shown).join(', ')}… (${held.length} in the workspace)` : held.map(shown).join(', ') || 'none in the workspace',
        others > 0 ? `and ${others} more the reference tables know` : '',
      ]
        .filter(Boolean)
        .join(', ');
      const hint = sameLetters.length > 1 ? ` — it matches ${sameLetters.map(shown).join(' and ')} but for case.` : nearest !== undefined ? ` — did you mean ${shown(nearest)}?` : '.';
      throw new SpecError(`filter ${dim}: ${shown(v)} matches nothing in this workspace's ${subjects.join(' or ')} nor the reference tables${hint} Known values: ${list}`);
    });
  }
  return { ...spec, where };
}
