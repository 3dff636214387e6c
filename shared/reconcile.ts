import { z } from 'zod';
import { viewSpecSchema } from './spec';

/** One official figure as published, with the spec that recomputes it (data/published-figures.json). */
export const publishedFigureSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    document: z.object({
      symbol: z.string().nullable(),
      title: z.string(),
      // Every text the view shows has a Chinese form: a Chinese reader never meets the English fallback.
      title_zh: z.string(),
      date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
      locator: z.string(),
      locator_zh: z.string(),
      seed: z.string().nullable().optional(),
    }),
    quote: z.string().min(1),
    /**
     * The quote in the other language (English for a Chinese quote, Chinese for an English one), so every
     * reader can read it. Bluehelm's translation, always shown as such: the UN's own text in the other
     * language could not be checked where the figures were recorded, and a translation is never passed off as it.
     */
    quote_translation: z.string().min(1),
    /** Set when the quote is a secondary source's sentence about the UN's figure, not the UN's own text. */
    quoted_by: z.string().optional(),
    value: z.number(),
    unit: z.enum(['persons', 'percent', 'missions', 'incidents']),
    subject: z.enum(['fatalities', 'deployments', 'ied']),
    spec: viewSpecSchema,
    note: z.string().optional(),
    note_zh: z.string().optional(),
    expected_status: z.enum(['matches', 'differs', 'cannot_compute']).optional(),
    recomputed: z.number().nullable().optional(),
    likely_reason: z.string().optional(),
    likely_reason_zh: z.string().optional(),
    /** The likely reason is our reading of the difference, not a fact found in the data or the document. */
    likely_reason_is_guess: z.boolean().optional(),
  })
  .refine((f) => !f.note === !f.note_zh, { message: 'note and note_zh go together', path: ['note_zh'] })
  .refine((f) => !f.likely_reason === !f.likely_reason_zh, { message: 'likely_reason and likely_reason_zh go together', path: ['likely_reason_zh'] });
export type PublishedFigure = z.infer<typeof publishedFigureSchema>;

export const RECONCILE_STATUSES = ['matches', 'differs', 'cannot_compute'] as const;

const subjectSchema = z.enum(['fatalities', 'deployments', 'ied']);

/** Why a figure differs or cannot be computed, or what limits a match: a code and its facts, worded per language by explain(). */
export const explanationSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('no_dataset'), subject: subjectSchema }),
  z.object({ code: z.literal('no_deployment_report'), from: z.string(), to: z.string(), covered: z.string() }),
  z.object({ code: z.literal('some_deployment_months'), have: z.number(), wanted: z.number(), from: z.string(), to: z.string() }),
  z.object({ code: z.literal('data_ends_before'), subject: subjectSchema, end: z.string(), date: z.string() }),
  z.object({ code: z.literal('data_ends_within'), subject: subjectSchema, end: z.string(), date: z.string() }),
  z.object({ code: z.literal('ied_period_outside'), min: z.string(), max: z.string(), from: z.string(), to: z.string() }),
  z.object({ code: z.literal('blank') }),
  z.object({ code: z.literal('dataset_updated_after'), lastUpdate: z.string(), documentDate: z.string() }),
  z.object({ code: z.literal('figure_note'), text: z.string(), text_zh: z.string(), guess: z.boolean() }),
  z.object({ code: z.literal('synthetic') }),
  z.object({ code: z.literal('synthetic_match') }),
  z.object({ code: z.literal('unknown') }),
]);
export type Explanation = z.infer<typeof explanationSchema>;

const SUBJECT_NAME = {
  en: { fatalities: 'fatalities', deployments: 'deployments', ied: 'IED incident' },
  zh: { fatalities: '死亡', deployments: '军警派遣', ied: '简易爆炸装置事件' },
} as const;

/** "2009-11..2014-02, 2021-02..2025-07" as Chinese text writes a span of months: 2009-11至2014-02、2021-02至2025-07. */
function spanZh(span: string): string {
  return span.replace(/\.\./g, '至').replace(/, /g, '、');
}

/** The explanation in plain words, in English or Chinese. */
export function explain(e: Explanation, lang: 'en' | 'zh'): string {
  const zh = lang === 'zh';
  switch (e.code) {
    case 'no_dataset':
      if (e.subject === 'ied') {
        return zh
          ? '本工作区没有简易爆炸装置事件数据(没有公开的事件清单：ACLED禁止转发，地雷行动处不公布事件清单)；请导入ACLED导出的数据文件或Bluehelm简易爆炸装置模板'
          : 'no IED incident data in this workspace (no public IED incident list exists: ACLED forbids redistribution, UNMAS publishes none); import an ACLED export or the Bluehelm IED template';
      }
      if (e.subject === 'fatalities') {
        return zh
          ? '本工作区没有死亡数据：请导入联合国和平与安全数据中心的数据文件DPPADPOSS-FATALITIES.csv'
          : 'no fatalities dataset in this workspace: import the UN Data Hub file DPPADPOSS-FATALITIES.csv';
      }
      return zh ? '本工作区没有军警派遣数据：请导入联合国军警人员派遣数据文件' : 'no deployments dataset in this workspace: import the UN uniformed personnel contributions files';
    case 'no_deployment_report':
      return zh
        ? `${e.from}至${e.to}期间没有军警派遣报告：军警派遣数据覆盖${spanZh(e.covered)}`
        : `no deployment report for ${e.from}..${e.to}: the deployments data covers ${e.covered}`;
    case 'some_deployment_months':
      return zh
        ? `${e.from}至${e.to}期间的${e.wanted}个月中，只有${e.have}个月有军警派遣报告`
        : `deployment reports for ${e.have} of the ${e.wanted} months in ${e.from}..${e.to}`;
    case 'data_ends_before':
      return zh ? `${SUBJECT_NAME.zh[e.subject]}数据止于${e.end}，早于${e.date}` : `the ${SUBJECT_NAME.en[e.subject]} data ends on ${e.end}, before ${e.date}`;
    case 'data_ends_within':
      return zh
        ? `${SUBJECT_NAME.zh[e.subject]}数据止于${e.end}，早于统计期间的结束日${e.date}`
        : `the ${SUBJECT_NAME.en[e.subject]} data ends on ${e.end}, before the period's end ${e.date}`;
    case 'ied_period_outside':
      return zh
        ? `简易爆炸装置事件数据覆盖${e.min}至${e.max}，不含${e.from}至${e.to}`
        : `the IED incident data covers ${e.min}..${e.max}, not ${e.from}..${e.to}`;
    case 'blank':
      return zh ? '按此统计设定，本工作区得出空值' : 'the spec gives a blank value on this workspace';
    case 'dataset_updated_after':
      return zh
        ? `数据集于${e.lastUpdate}更新，晚于该文件(${e.documentDate})：联合国会补录迟报的死亡事件，并在调查后重新分类`
        : `the dataset was updated on ${e.lastUpdate}, after the document (${e.documentDate}): the UN adds late reports and reclassifies deaths after investigation`;
    case 'figure_note':
      // A reading of ours is said to be one, so it is never taken for a fact of the data or the document.
      if (zh) return e.guess ? `推测(未经证实)：${e.text_zh}` : e.text_zh;
      return e.guess ? `A guess, not confirmed: ${e.text}` : e.text;
    case 'synthetic':
      return zh ? '合成演示数据：本工作区没有联合国数字' : 'synthetic demo data: the workspace holds no UN figures';
    case 'synthetic_match':
      return zh ? '合成演示数据，并非联合国数字；数字一致只说明演示数据是按此数字校准的' : 'SYNTHETIC DEMO DATA: not UN figures; a match only shows the demo was calibrated to this figure';
    case 'unknown':
      return zh ? '原因不明：请对照该文件核查统计设定' : 'no known reason: check the spec against the document';
  }
}

/** A figure checked against the open workspace: a plain structure a table, a CLI or a slide can render. */
export const reconciledFigureSchema = z.object({
  figure: publishedFigureSchema,
  status: z.enum(RECONCILE_STATUSES),
  recomputed: z.number().nullable(),
  /** recomputed − published, where both exist. */
  difference: z.number().nullable(),
  /** Why it differs or cannot be computed; empty for a match. */
  why: z.array(explanationSchema),
  /** Partial coverage and other caveats that do not change the status. */
  caveats: z.array(explanationSchema),
  /** `why` in English words, for the CLI and CSV. */
  reason: z.string().nullable(),
});
export type ReconciledFigure = z.infer<typeof reconciledFigureSchema>;

export const reconciliationSchema = z.object({
  workspace: z.string(),
  synthetic: z.boolean(),
  checkedAt: z.string(),
  figures: z.array(reconciledFigureSchema),
  counts: z.object({ matches: z.number(), differs: z.number(), cannot_compute: z.number() }),
});
export type Reconciliation = z.infer<typeof reconciliationSchema>;
