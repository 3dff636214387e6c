import { dimensionInfo, measureInfo, serviceLabel, valueLabel, type Dimension, type Measure, type Service } from '../catalogue';
import type { ReferenceTables } from '../contract';
import type { Lang } from './lang';

/** A value as the analyst reads it, with the full name for a tooltip where the label is short. */
export interface ValueText {
  text: string;
  title?: string;
}

export function measureLabel(m: Measure, lang: Lang): string {
  return measureInfo[m].label[lang];
}

export function dimensionLabel(d: Dimension, lang: Lang): string {
  return dimensionInfo[d].label[lang];
}

/** Lookups built once per reference load; labelling runs per grid cell. */
export interface Lookups {
  missions: Map<string, ReferenceTables['missions'][number]>;
  countries: Map<string, ReferenceTables['countries'][number]>;
  regions: Record<string, string>;
}

export function lookups(ref: ReferenceTables | null): Lookups {
  return {
    missions: new Map((ref?.missions ?? []).map((m) => [m.acronym, m])),
    countries: new Map((ref?.countries ?? []).map((c) => [c.iso3, c])),
    regions: ref?.regions ?? {},
  };
}

function missionText(key: string, lang: Lang, l: Lookups): ValueText {
  const m = l.missions.get(key);
  if (!m) return { text: key };
  // Half-width brackets without a space, as UN Chinese documents write 联合国南苏丹特派团(南苏丹特派团).
  if (lang === 'zh') return { text: `${m.short_zh || m.name_zh}(${m.acronym})`, title: m.name_zh };
  return { text: m.acronym, title: m.name_en };
}

function countryText(key: string, lang: Lang, l: Lookups): ValueText {
  const c = l.countries.get(key);
  if (!c) return { text: key };
  return { text: lang === 'zh' ? c.name_zh : c.name_en, title: key };
}

/** 2018-Q3 is the query's key; Chinese readers get 2018年第3季度, as UN Chinese text writes dates. */
function quarterText(key: string, lang: Lang): ValueText {
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  return { text: q && lang === 'zh' ? `${q[1]}年第${q[2]}季度` : key };
}

/** The label of one value of a dimension in the chosen language; unknown codes are shown as they are. */
export function valueText(dim: Dimension, key: string, lang: Lang, l: Lookups): ValueText {
  if (key === '') return { text: valueLabel[''][lang] };
  switch (dim) {
    case 'mission':
      return missionText(key, lang, l);
    case 'country':
    case 'host_country':
      return countryText(key, lang, l);
    case 'quarter':
      return quarterText(key, lang);
    case 'region':
      return { text: lang === 'zh' ? (l.regions[key] ?? key) : key };
    case 'service':
      return { text: serviceLabel[key as Service]?.[lang] ?? key };
    case 'personnel_type':
    case 'incident_type':
    case 'gender':
      return { text: valueLabel[key]?.[lang] ?? key };
    default:
      return { text: key };
  }
}

/** Joins labels the way each language lists them: "A, B" in English, "A、B" in Chinese. */
export function listOf(items: string[], lang: Lang): string {
  return items.join(lang === 'zh' ? '、' : ', ');
}
