// The analyst's vocabulary: every dimension and measure a view may name.
// The query layer compiles only names listed here, so this is also the whitelist.

export const DIMENSIONS = [
  'year',
  'quarter',
  'month',
  'mission',
  'host_country',
  'country',
  'region',
  'personnel_type',
  'service',
  'incident_type',
  'gender',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const MEASURES = [
  'fatalities',
  'deployed',
  'person_months',
  'female_share',
  'missions',
  'fatality_rate',
  'ied_incidents',
  'ied_killed',
  'ied_injured',
  'ied_peacekeepers_killed',
  'ied_peacekeeper_casualties',
  'ied_cleared_share',
] as const;
export type Measure = (typeof MEASURES)[number];

/** A fact table the workspace holds; each measure reads one (fatality_rate reads two). */
export type Subject = 'fatalities' | 'deployments' | 'ied';

export const SERVICES = ['military', 'police', 'civilian', 'other'] as const;
export type Service = (typeof SERVICES)[number];

export interface Label {
  en: string;
  zh: string;
}

export interface DimensionInfo {
  label: Label;
  /** Dates are ordered by time; everything else by label unless the measure orders it. */
  temporal: boolean;
  help: Label;
}

export const dimensionInfo: Record<Dimension, DimensionInfo> = {
  year: { label: { en: 'Year', zh: '年份' }, temporal: true, help: { en: 'Calendar year of the incident or report', zh: '事件或报告的日历年' } },
  quarter: { label: { en: 'Quarter', zh: '季度' }, temporal: true, help: { en: 'Calendar quarter, e.g. 2018-Q3', zh: '日历季度，如2018年第3季度' } },
  month: { label: { en: 'Month', zh: '月份' }, temporal: true, help: { en: 'Calendar month, e.g. 2018-07', zh: '日历月份，如2018-07' } },
  mission: { label: { en: 'Mission', zh: '特派团' }, temporal: false, help: { en: 'UN mission acronym (the join key)', zh: '联合国特派团的英文简称(各数据集据此相互关联)' } },
  host_country: { label: { en: 'Host country', zh: '东道国' }, temporal: false, help: { en: "The mission's primary host country", zh: '特派团的主要东道国' } },
  country: {
    label: { en: 'Country (nationality / contributor)', zh: '国家(国籍/派遣国)' },
    temporal: false,
    help: { en: 'Nationality of the casualty, or the contributing country', zh: '伤亡人员国籍或派遣国' },
  },
  region: { label: { en: 'Region (host)', zh: '区域(东道国)' }, temporal: false, help: { en: "UN M49 region of the mission's host country", zh: '特派团东道国所属的联合国M49区域' } },
  personnel_type: { label: { en: 'Personnel type', zh: '人员类别' }, temporal: false, help: { en: 'As published by the UN', zh: '按联合国公布的类别' } },
  service: {
    label: { en: 'Service', zh: '部门(军事/警察/文职)' },
    temporal: false,
    help: { en: 'Military, police, civilian or other', zh: '军事部门、警察部门、文职部门或其他' },
  },
  incident_type: { label: { en: 'Incident type', zh: '事件类型' }, temporal: false, help: { en: 'Cause of death as classified by the UN', zh: '联合国分类的死亡原因' } },
  gender: { label: { en: 'Gender', zh: '性别' }, temporal: false, help: { en: 'As recorded; blank is "not recorded"', zh: '按原始记录；空白表示“未记录”' } },
};

export const TIME_DIMENSIONS: readonly Dimension[] = ['year', 'quarter', 'month'];
const PLACE_AND_PEOPLE: readonly Dimension[] = ['mission', 'host_country', 'country', 'region', 'personnel_type', 'service'];
const DEPLOYMENT_DIMENSIONS: readonly Dimension[] = [...TIME_DIMENSIONS, ...PLACE_AND_PEOPLE];
/** Strength splits into women and men (the files count both), so person-months and their average do too. */
const STRENGTH_DIMENSIONS: readonly Dimension[] = [...DEPLOYMENT_DIMENSIONS, 'gender'];
/** Both files name the mission, the nationality and the service; personnel types differ (see whyNot). */
const RATE_DIMENSIONS: readonly Dimension[] = [...TIME_DIMENSIONS, 'mission', 'host_country', 'country', 'region', 'service', 'gender'];

export interface MeasureInfo {
  label: Label;
  unit: 'persons' | 'person_months' | 'percent' | 'missions' | 'rate_per_1000_person_years' | 'incidents';
  subjects: readonly Subject[];
  /** What the measure can be split by (rows, column) and filtered by. */
  dimensions: readonly Dimension[];
  /** What can only filter it: a filter on one side of a ratio (the deaths of a rate, not its person-months). */
  filterOnly?: readonly Dimension[];
  /** Additive measures have totals equal to the sum of their cells. */
  additive: boolean;
  /**
   * What a cell with no rows shows: 0 where there was nothing to count (a country absent from the
   * missions' reports had nobody deployed), blank where the measure has no value there (a share of nobody).
   */
  emptyCell: 0 | null;
  /** Decimals shown for this measure everywhere (grid, chart, CLI table, exports): counts 0, average strength 1, rates 2, shares 1 (as %). */
  decimals: 0 | 1 | 2;
  help: Label;
}

export const measureInfo: Record<Measure, MeasureInfo> = {
  fatalities: {
    label: { en: 'Fatalities', zh: '死亡人数' },
    unit: 'persons',
    subjects: ['fatalities'],
    dimensions: [...TIME_DIMENSIONS, ...PLACE_AND_PEOPLE, 'incident_type', 'gender'],
    additive: true,
    emptyCell: 0,
    decimals: 0,
    help: { en: 'Count of peacekeeper fatalities', zh: '维和人员死亡人数' },
  },
  deployed: {
    label: { en: 'Deployed (avg. monthly strength)', zh: '部署人数(月均)' },
    unit: 'persons',
    subjects: ['deployments'],
    dimensions: STRENGTH_DIMENSIONS,
    additive: false,
    emptyCell: 0,
    decimals: 1,
    help: {
      en: 'Average uniformed strength: person-months ÷ the months of the period the workspace holds reports for (a country absent from a reported month counts 0)',
      zh: '月均军警人员人数：人月数 ÷ 本工作区有军警派遣报告的月份数(报告月份中未列出的国家计为0)',
    },
  },
  person_months: {
    label: { en: 'Person-months', zh: '人月' },
    unit: 'person_months',
    subjects: ['deployments'],
    dimensions: STRENGTH_DIMENSIONS,
    additive: true,
    emptyCell: 0,
    decimals: 0,
    help: { en: 'Sum of monthly strength', zh: '月度部署人数之和' },
  },
  female_share: {
    label: { en: 'Women (% of deployed)', zh: '女性占比(%)' },
    unit: 'percent',
    subjects: ['deployments'],
    dimensions: DEPLOYMENT_DIMENSIONS,
    additive: false,
    emptyCell: null,
    decimals: 1,
    help: { en: 'Women as a percentage of person-months', zh: '女性人月占总人月的百分比' },
  },
  missions: {
    label: { en: 'Missions reporting', zh: '报告特派团数' },
    unit: 'missions',
    subjects: ['deployments'],
    dimensions: DEPLOYMENT_DIMENSIONS,
    additive: false,
    emptyCell: 0,
    decimals: 0,
    help: { en: 'Distinct missions with deployment reports in the cell', zh: '单元格内有部署报告的特派团数' },
  },
  fatality_rate: {
    label: { en: 'Fatality rate (per 1,000 person-years)', zh: '死亡率(每千人年)' },
    unit: 'rate_per_1000_person_years',
    subjects: ['fatalities', 'deployments'],
    dimensions: RATE_DIMENSIONS,
    filterOnly: ['incident_type'],
    additive: false,
    emptyCell: null,
    decimals: 2,
    help: {
      en: 'Uniformed fatalities per 1,000 person-years deployed in the same cell; blank where nothing was deployed',
      zh: '同一单元格内每千人年部署的军警人员死亡人数；无部署时留空',
    },
  },
  ied_incidents: {
    label: { en: 'IED incidents', zh: '简易爆炸装置事件数' },
    unit: 'incidents',
    subjects: ['ied'],
    dimensions: [...TIME_DIMENSIONS, 'mission', 'host_country', 'region'],
    additive: true,
    emptyCell: 0,
    decimals: 0,
    help: { en: 'Incidents involving improvised explosive devices', zh: '涉及简易爆炸装置的事件数' },
  },
  ied_killed: {
    label: { en: 'IED deaths', zh: '简易爆炸装置致死人数' },
    unit: 'persons',
    subjects: ['ied'],
    dimensions: [...TIME_DIMENSIONS, 'mission', 'host_country', 'region'],
    additive: true,
    emptyCell: 0,
    decimals: 0,
    help: { en: 'People killed in IED incidents', zh: '简易爆炸装置事件死亡人数' },
  },
  ied_injured: {
    label: { en: 'IED injuries', zh: '简易爆炸装置致伤人数' },
    unit: 'persons',
    subjects: ['ied'],
    dimensions: [...TIME_DIMENSIONS, 'mission', 'host_country', 'region'],
    additive: true,
    emptyCell: 0,
    decimals: 0,
    help: { en: 'People injured in IED incidents', zh: '简易爆炸装置事件受伤人数' },
  },
  ied_peacekeepers_killed: {
    label: { en: 'Peacekeepers killed by IEDs', zh: '死于简易爆炸装置的军警人数' },
    unit: 'persons',
    subjects: ['ied'],
    dimensions: [...TIME_DIMENSIONS, 'mission', 'host_country', 'region'],
    additive: true,
    emptyCell: 0,
    decimals: 0,
    help: { en: 'Uniformed peacekeepers killed in IED incidents', zh: '在简易爆炸装置事件中死亡的军警人员' },
  },
  ied_peacekeeper_casualties: {
    label: { en: 'Peacekeepers killed or injured by IEDs', zh: '简易爆炸装置造成的维和人员伤亡人数' },
    unit: 'persons',
    subjects: ['ied'],
    dimensions: [...TIME_DIMENSIONS, 'mission', 'host_country', 'region'],
    additive: true,
    emptyCell: 0,
    decimals: 0,
    help: { en: 'Peacekeepers killed plus injured', zh: '维和人员死亡与受伤之和' },
  },
  ied_cleared_share: {
    label: { en: 'IEDs found and cleared (%)', zh: '引爆前发现并清除的简易爆炸装置(%)' },
    unit: 'percent',
    subjects: ['ied'],
    dimensions: [...TIME_DIMENSIONS, 'mission', 'host_country', 'region'],
    additive: false,
    emptyCell: null,
    decimals: 1,
    help: { en: 'Share of IED incidents found and cleared before detonation', zh: '简易爆炸装置事件中，装置在引爆前被发现并清除的百分比' },
  },
};

export const serviceLabel: Record<Service, Label> = {
  military: { en: 'Military', zh: '军事人员' },
  police: { en: 'Police', zh: '警察' },
  civilian: { en: 'Civilian', zh: '文职人员' },
  other: { en: 'Other', zh: '其他' },
};

/** Values the UN files use, with their Chinese names as in UN documents. */
export const valueLabel: Record<string, Label> = {
  Military: { en: 'Military', zh: '军事人员' },
  'Military Observer': { en: 'Military Observer', zh: '军事观察员' },
  Police: { en: 'Police', zh: '警察' },
  'International Civilian': { en: 'International Civilian', zh: '国际文职人员' },
  Local: { en: 'Local', zh: '本国工作人员' },
  Other: { en: 'Other', zh: '其他' },
  Troops: { en: 'Troops', zh: '部队' },
  'Staff Officer': { en: 'Staff Officer', zh: '参谋' },
  'Experts on Mission': { en: 'Experts on Mission', zh: '执行任务专家' },
  'Formed Police Units': { en: 'Formed Police Units', zh: '建制警察部队' },
  'Individual Police': { en: 'Individual Police', zh: '单派警察' },
  Illness: { en: 'Illness', zh: '疾病' },
  Accident: { en: 'Accident', zh: '事故' },
  'Malicious Act': { en: 'Malicious Act', zh: '恶意行为' },
  'Self-Inflicted': { en: 'Self-Inflicted', zh: '自杀' },
  'To Be Determined': { en: 'To Be Determined', zh: '待确定' },
  Unknown: { en: 'Unknown', zh: '不明' },
  M: { en: 'Male', zh: '男' },
  F: { en: 'Female', zh: '女' },
  '': { en: '(not recorded)', zh: '(未记录)' },
};

/** Dimensions a measure can be filtered by: those it splits by, and those it can only be filtered by. */
export function filtersOf(measure: Measure): readonly Dimension[] {
  return [...measureInfo[measure].dimensions, ...(measureInfo[measure].filterOnly ?? [])];
}

/**
 * The measure whose rows give a dimension's values for a filter on `measure`: the measure itself, or for
 * a filter-only dimension the count of the fact table it belongs to (incident types of deaths for a rate).
 */
export function valuesMeasure(measure: Measure, dim: Dimension): Measure {
  if (measureInfo[measure].dimensions.includes(dim)) return measure;
  const base = MEASURES.find((m) => measureInfo[m].subjects.length === 1 && measureInfo[measure].subjects.includes(measureInfo[m].subjects[0]) && measureInfo[m].dimensions.includes(dim));
  return base ?? measure;
}

const IED_HAS = 'IED incident records carry the date, the mission and the place, not who was hit by nationality, personnel type, service or gender, nor a UN incident type';

/**
 * Why a measure cannot be split by a dimension: every pair the catalogue leaves out, justified. A spec
 * naming such a pair is refused with this reason, never answered with an empty or meaningless table.
 */
export function whyNot(measure: Measure, dim: Dimension): string {
  const subjects = measureInfo[measure].subjects;
  if (measure === 'fatality_rate' && dim === 'personnel_type') {
    return 'the fatalities file and the deployment reports name personnel types differently (Military, Military Observer, Police… against Troops, Staff Officer, Formed Police Units…), so no death can be set against its own person-months by type; split by "service" (military, police), which both share';
  }
  if (measure === 'fatality_rate' && dim === 'incident_type') {
    return 'person-months have no incident type, so a rate cannot be split by it; filter on incident_type instead (deaths of that type over all uniformed person-months of the cell)';
  }
  if (subjects.includes('ied')) return IED_HAS;
  if (dim === 'incident_type') return 'deployment reports have no incident type (it is a cause of death)';
  if (dim === 'gender' && measure === 'female_share') return 'the share of women split by gender is 100 or 0; split person_months or deployed by gender instead';
  if (dim === 'gender' && measure === 'missions') return 'every mission serves with both women and men on record; split person_months or deployed by gender instead';
  return `"${dim}" is not recorded for ${measure}`;
}

export function isMeasure(name: string): name is Measure {
  return (MEASURES as readonly string[]).includes(name);
}

export function isDimension(name: string): name is Dimension {
  return (DIMENSIONS as readonly string[]).includes(name);
}
