import type { Lang } from './lang';

// Who publishes each layout Bluehelm reads: the sources slide and the provenance sheet name them.

export const PUBLISHER: Record<string, Record<Lang, string>> = {
  'un-fatalities': { en: 'UN Peace and Security Data Hub (DPPA/DPO), “Fatalities”', zh: '联合国和平与安全数据中心(政治和建设和平事务部/和平行动部)，“死亡”' },
  'un-contributions-datahub': {
    en: 'UN Peace and Security Data Hub, uniformed personnel contributions',
    zh: '联合国和平与安全数据中心，军警人员派遣',
  },
  'un-contributions-opendata': { en: 'UN Peacekeeping open data, troop and police contributions', zh: '联合国维和行动开放数据，部队和警察派遣' },
  acled: { en: 'ACLED (Armed Conflict Location & Event Data), licensed export', zh: 'ACLED(武装冲突地点和事件数据)，许可导出文件' },
  'bluehelm-ied-template': { en: 'Mission records in the Bluehelm IED template', zh: '特派团记录(Bluehelm 简易爆炸装置模板)' },
};

export const SYNTHETIC_PUBLISHER: Record<Lang, string> = { en: 'Bluehelm synthetic demo generator (not UN figures)', zh: 'Bluehelm 合成演示数据生成器(并非联合国数字)' };

export function publisherOf(layout: string, synthetic: boolean, lang: Lang): string {
  if (synthetic) return SYNTHETIC_PUBLISHER[lang];
  return PUBLISHER[layout]?.[lang] ?? layout;
}
