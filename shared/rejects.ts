import type { Lang } from './present/lang';

// Why a row was not imported: a code and its facts, stored with the row and worded per language by
// rejectText(), as the reconcile explanations are. The importer never writes a sentence, so a Chinese
// reader sees Chinese and the CLI sees English from the same stored reason.
// Free of zod: the reader threads build these and must stay light (see shared/limits.ts).

/** A country named in a reason, in both languages (looked up when the row is read, shown later in either). */
export interface CountryName {
  en: string;
  zh: string;
}

/** Why one of two listings of a casualty is kept: the other names a country that did not exist on the date. */
export interface StatehoodChoice {
  kept: CountryName;
  dropped: CountryName;
  date: string;
  /** The dropped country existed only from this date, or only until `until`. */
  from?: string;
  until?: string;
}

export type RejectReason =
  | { code: 'field_count'; found: number; expected: number }
  | {
      code: 'duplicate';
      key: string;
      /** The other line with the same key. */
      other: number;
      /** Columns whose values differ between the two lines; empty for an exact repeat. */
      differs: string[];
      why?: StatehoodChoice;
    }
  | { code: 'empty' }
  | { code: 'date_empty' }
  | { code: 'not_date'; value: string }
  | { code: 'future_date'; value: string; today: string }
  | { code: 'after_last_update'; value: string; lastUpdate: string }
  | { code: 'too_long'; length: number; max: number }
  | { code: 'not_one_of'; value: string; allowed: string[] }
  | { code: 'not_count'; value: string }
  | { code: 'count_too_large'; value: string; max: number }
  | { code: 'not_m49'; value: string }
  | { code: 'not_iso3'; value: string }
  | { code: 'not_coordinate'; value: string; axis: 'latitude' | 'longitude' }
  | { code: 'unknown_country'; value: string }
  | { code: 'no_country_code'; name: string }
  | { code: 'not_gender'; value: string }
  | { code: 'not_fatality'; value: string }
  /** A reason stored as English words by a version before the codes; shown as it was written. */
  | { code: 'recorded_text'; text: string };

export type RejectCode = RejectReason['code'];

/** The reason as stored in the reject table's `reason` column. */
export function storeRejectReason(r: RejectReason): string {
  return JSON.stringify(r);
}

/** The reason from the reject table: a stored code, or the English sentence an earlier version wrote. */
export function readRejectReason(stored: string): RejectReason {
  if (stored.startsWith('{')) {
    try {
      const r = JSON.parse(stored) as RejectReason;
      if (typeof r.code === 'string') return r;
    } catch {
      // not a stored code: an earlier version's sentence that happens to start with a brace
    }
  }
  return { code: 'recorded_text', text: stored };
}

const q = (v: string) => `"${v}"`;

function statehood(w: StatehoodChoice, lang: Lang): string {
  if (lang === 'zh') {
    const span = w.from ? `自${w.from}起才存在` : `仅存在至${w.until}`;
    return `${w.date}时${w.kept.zh}已存在，${w.dropped.zh}${span}`;
  }
  const span = w.from ? `only from ${w.from}` : `only until ${w.until}`;
  return `${w.kept.en} existed on ${w.date}, ${w.dropped.en} ${span}`;
}

/** Fields a reject names that are not columns of the file: the whole row, or the row's key (a duplicate). */
const PSEUDO_FIELDS: Record<string, Record<Lang, string>> = {
  '(row)': { en: '(row)', zh: '(整行)' },
  key: { en: 'key', zh: '(重复记录)' },
};

/** The field a reject names, as the reader is shown it: a column's own name (the file's words), or the pseudo-field in words. */
export function rejectFieldText(field: string, lang: Lang): { text: string; isColumn: boolean } {
  const pseudo = PSEUDO_FIELDS[field];
  return pseudo ? { text: pseudo[lang], isColumn: false } : { text: field, isColumn: true };
}

/**
 * The reason in plain words. `line` is the rejected row's own line, so a duplicate can say which of the
 * two lines is kept.
 */
export function rejectText(r: RejectReason, lang: Lang, line?: number): string {
  const zh = lang === 'zh';
  switch (r.code) {
    case 'field_count':
      return zh ? `该行有${r.found}个字段，标题行有${r.expected}个` : `has ${r.found} fields; the header has ${r.expected}`;
    case 'duplicate': {
      // The rejected line is never the one kept: the other is, and it came first unless a later listing was preferred.
      const otherFirst = line !== undefined && r.other < line;
      if (zh) {
        const how = r.differs.length ? `再次列出，但${r.differs.join('、')}不同` : '完全重复';
        return `与第${r.other}行的${r.key}相同(${how})；保留第${r.other}行${r.why ? `：${statehood(r.why, lang)}` : ''}`;
      }
      const how = r.differs.length ? `listed again with a different ${r.differs.join(', ')}` : 'an exact repeat';
      const kept = otherFirst ? 'the first is kept' : `line ${r.other} is kept`;
      return `same ${r.key} as line ${r.other} (${how}); ${kept}${r.why ? `: ${statehood(r.why, lang)}` : ''}`;
    }
    case 'empty':
      return zh ? '为空' : 'is empty';
    case 'date_empty':
      return zh ? '为空；必须填写日期' : 'is empty; a date is required';
    case 'not_date':
      return zh ? `${q(r.value)}不是日期(应写作2018-07-01或01/07/2018)` : `${q(r.value)} is not a date (expected YYYY-MM-DD or dd/mm/yyyy)`;
    case 'future_date':
      return zh ? `${q(r.value)}是将来的日期(今天是${r.today})` : `${q(r.value)} is in the future (today is ${r.today})`;
    case 'after_last_update':
      return zh ? `${q(r.value)}晚于该行的最后更新日期${r.lastUpdate}` : `${q(r.value)} is after the row's last_update, ${r.lastUpdate}`;
    case 'too_long':
      return zh ? `长度为${r.length}个字符；最多${r.max}个` : `is ${r.length} characters long; at most ${r.max}`;
    case 'not_one_of':
      return zh ? `${q(r.value)}不是以下值之一：${r.allowed.join('、')}` : `${q(r.value)} is not one of: ${r.allowed.join(', ')}`;
    case 'not_count':
      return zh ? `${q(r.value)}不是人数(应为整数)` : `${q(r.value)} is not a whole number of people`;
    case 'count_too_large':
      return zh ? `${q(r.value)}超过${r.max}，即工作区可存储的最大计数` : `${q(r.value)} is more than ${r.max}, the largest count a workspace holds`;
    case 'not_m49':
      return zh ? `${q(r.value)}不是M49代码` : `${q(r.value)} is not an M49 code`;
    case 'not_iso3':
      return zh ? `${q(r.value)}不是三字母国家代码(ISO 3166)` : `${q(r.value)} is not an ISO 3166 alpha-3 code`;
    case 'not_coordinate':
      return zh ? `${q(r.value)}不是有效的${r.axis === 'latitude' ? '纬度' : '经度'}` : `${q(r.value)} is not a ${r.axis}`;
    case 'unknown_country':
      return zh ? `${q(r.value)}不是Bluehelm已知的国家` : `${q(r.value)} is not a country Bluehelm knows`;
    case 'no_country_code':
      return zh ? `为空，且${q(r.name)}不是Bluehelm已知的国家` : `is empty and ${q(r.name)} is not a country Bluehelm knows`;
    case 'not_gender':
      return zh ? `${q(r.value)}不是性别代码(应为男性M、女性F或空白)` : `${q(r.value)} is not M, F or blank`;
    case 'not_fatality':
      return zh ? `${q(r.value)}不是死亡` : `${q(r.value)} is not a fatality`;
    case 'recorded_text':
      return zh ? `${r.text} (此原因由旧版本以英文记录)` : r.text;
  }
}
