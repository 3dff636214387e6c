import type { Lang } from './lang';

// The words a view and an export share (titles, totals, the synthetic mark), so the screen and a
// slide never word the same thing differently. UI-only text stays in the renderer's i18n files.

export const PHRASES = {
  viewTitle: { en: '{measure} by {dims}', zh: '{measure}：按{dims}' },
  viewTitleTotal: { en: '{measure}: total', zh: '{measure}：合计' },
  total: { en: 'Total', zh: '合计' },
  other: { en: 'Other', zh: '其他' },
  // Chinese readers get both: the English mark must read the same to everyone who sees a copy.
  syntheticMark: { en: 'SYNTHETIC DEMO DATA', zh: 'SYNTHETIC DEMO DATA · 合成演示数据' },
  syntheticBanner: { en: 'SYNTHETIC DEMO DATA — not UN figures', zh: '合成演示数据——并非联合国数字' },
  perLine: { en: 'one line per {series}', zh: '每条线代表一个{series}' },
  blank: { en: '“—” means: {reason}', zh: '“—”表示：{reason}' },
  // The reasons a cell is blank (CrossTab.blankReason), worded here so the grid, the CLI and a slide say the same.
  blank_no_deployments: {
    en: 'no deployments reported for this cell: a rate needs person-years deployed, so it is left blank (not 0, not infinite). Deaths in months without a deployment report are not counted in any rate.',
    zh: '该单元格没有军警派遣报告：死亡率需要以部署的人年数为分母，因此留空(不是0，也不是无穷大)。没有军警派遣报告的月份中的死亡不计入任何死亡率。',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type Phrase = keyof typeof PHRASES;

/** A phrase in the language asked for, with {name} placeholders filled in. */
export function phrase(key: Phrase, lang: Lang, values: Record<string, string | number> = {}): string {
  return PHRASES[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
