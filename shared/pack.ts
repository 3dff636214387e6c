import { z } from 'zod';
import { measureInfo } from './catalogue';
import { CHART_TYPES, chartTypesFor } from './present/chart';
import { LANGS, type Lang } from './present/lang';
import { MAP_DIMENSIONS, mapDimension } from './present/mapSpec';
import { pivotOptionsSchema } from './present/pivot';
import { viewSpecSchema, type ViewSpec } from './spec';

// A briefing pack: an ordered list of slides plus settings. The same document is stored in the
// workspace (table pack), written by hand as a JSON file for `bluehelm pack export --spec`, and
// edited by the pack builder in the app. docs/PACKS.md documents it field by field.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/**
 * Text the analyst writes: one string, or one per language ({"en": …, "zh": …}) so one pack file
 * exports in either language. A missing language falls back to the other.
 */
const localText = (max: number) => z.union([z.string().max(max), z.object({ en: z.string().max(max), zh: z.string().max(max) }).partial().strict()]);
export type LocalText = z.infer<ReturnType<typeof localText>>;

/** The text in the language asked for (or the other one, or ''). */
export function textIn(t: LocalText | undefined, lang: Lang): string {
  if (t === undefined) return '';
  if (typeof t === 'string') return t;
  return t[lang] ?? t[lang === 'en' ? 'zh' : 'en'] ?? '';
}

export const PAGE_SIZES = ['16:9', 'A4'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const EXPORT_FORMATS = ['pptx', 'pdf', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const packSettingsSchema = z
  .object({
    title: localText(200),
    subtitle: localText(300).default(''),
    author: localText(200).default(''),
    /** The pack's date; left out, the day of export. */
    date: isoDate.optional(),
    /** The language of the exported pack, independent of the app's. */
    lang: z.enum(LANGS).default('en'),
    /** Printed in the header and footer of every slide, page and sheet. */
    marking: z.string().max(120).default('UNCLASSIFIED'),
    pageSize: z.enum(PAGE_SIZES).default('16:9'),
  })
  .strict();
export type PackSettings = z.infer<typeof packSettingsSchema>;

/** What the numbers of a view slide were built from when it was added or last accepted: the stale check compares against it. */
export const slideBasisSchema = z
  .object({
    sources: z.array(z.object({ fileName: z.string(), sha256: z.string() }).strict()).max(50),
    grandTotal: z.number().nullable(),
  })
  .strict();
export type SlideBasis = z.infer<typeof slideBasisSchema>;

const text = {
  /** Left out: the view's own title (a view slide) or the built-in title. */
  title: localText(200).optional(),
  /** The key message: one sentence shown on the slide. */
  message: localText(400).optional(),
  notes: localText(5000).optional(),
};

export const coverSlideSchema = z.object({ kind: z.literal('cover'), notes: text.notes }).strict();
export const viewSlideSchema = z
  .object({
    kind: z.literal('view'),
    spec: viewSpecSchema,
    show: z.enum(['chart', 'table', 'both']).default('both'),
    chart: z.enum(CHART_TYPES).default('line'),
    /** A chart over time marks the annotations (bundled, the analyst's own, the missions' start and end) in its periods. */
    annotations: z.boolean().default(true),
    /**
     * How the table shows its values, as in the cross-tab the slide came from (show values as, base column,
     * top N with "Other", sort; two row dimensions nest with subtotals). Left out (a pack made before), the plain table.
     */
    pivot: pivotOptionsSchema.optional(),
    ...text,
    basis: slideBasisSchema.optional(),
  })
  .strict();
export const figuresSlideSchema = z
  .object({ kind: z.literal('figures'), figures: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1).max(40), ...text })
  .strict();
/** A choropleth: the spec's measure, filters and period split by host or contributing country (its rows are not used). */
export const mapSlideSchema = z
  .object({ kind: z.literal('map'), spec: viewSpecSchema, by: z.enum(MAP_DIMENSIONS).default('host_country'), ...text, basis: slideBasisSchema.optional() })
  .strict();
export const sourcesSlideSchema = z.object({ kind: z.literal('sources'), ...text }).strict();

export const slideSchema = z.discriminatedUnion('kind', [coverSlideSchema, viewSlideSchema, figuresSlideSchema, mapSlideSchema, sourcesSlideSchema]);
export type Slide = z.infer<typeof slideSchema>;
export type SlideInput = z.input<typeof slideSchema>;
export type ViewSlide = z.infer<typeof viewSlideSchema>;
export type MapSlide = z.infer<typeof mapSlideSchema>;

/** The cross-tab whose numbers a slide shows: a view's spec, a map's split by the countries it colours; none for the others. */
export function slideSpec(s: Slide): ViewSpec | null {
  if (s.kind === 'view') return s.spec;
  if (s.kind === 'map') return { ...s.spec, rows: [mapDimension(s.spec.measure, s.by)], cols: undefined };
  return null;
}
export type SlideKind = Slide['kind'];

export const packDocSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    settings: packSettingsSchema,
    slides: z.array(slideSchema).min(1).max(100),
  })
  .strict()
  .superRefine((doc, ctx) => {
    doc.slides.forEach((s, i) => {
      if (s.kind === 'view' && s.show !== 'table' && !chartTypesFor(s.spec.measure).includes(s.chart)) {
        ctx.addIssue({
          code: 'custom',
          path: ['slides', i, 'chart'],
          message: `a ${s.chart.replace('_', ' ')} chart adds values up, and ${measureInfo[s.spec.measure].label.en} does not add up; use line or bar`,
        });
      }
    });
  });
export type PackDoc = z.infer<typeof packDocSchema>;
export type PackDocInput = z.input<typeof packDocSchema>;

export const packSchema = z.object({ id: z.number(), createdAt: z.string(), updatedAt: z.string(), doc: packDocSchema });
export type Pack = z.infer<typeof packSchema>;

export const packSummarySchema = z.object({ id: z.number(), name: z.string(), slides: z.number(), updatedAt: z.string() });
export type PackSummary = z.infer<typeof packSummarySchema>;

/** A slide whose numbers would change if exported now. */
export const staleSlideSchema = z.object({
  index: z.number(),
  title: z.string(),
  before: z.object({ grandTotal: z.number().nullable(), sources: z.array(z.string()) }),
  now: z.object({ grandTotal: z.number().nullable(), sources: z.array(z.string()) }),
});
export type StaleSlide = z.infer<typeof staleSlideSchema>;

/** Where a pack document is wrong, in words that name the slide and the field. */
export function describePackIssue(issue: { path: PropertyKey[]; message: string }): string {
  const [head, index, ...rest] = issue.path;
  if (head === 'slides' && typeof index === 'number') {
    const field = rest.map(String).join('.');
    return `slide ${index + 1}${field ? `, field "${field}"` : ''}: ${issue.message}`;
  }
  return `${issue.path.map(String).join('.') || 'pack'}: ${issue.message}`;
}

/** An export under way or finished, as the app polls it. */
export const exportJobSchema = z.object({
  id: z.string(),
  packId: z.number(),
  format: z.enum(EXPORT_FORMATS),
  fileName: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** 0 to 1: computing the slides, then writing the file. */
  progress: z.number(),
  error: z.string().nullable(),
  /** Slides whose numbers differ from those the pack was made with. */
  stale: z.array(staleSlideSchema),
  size: z.number().nullable(),
  synthetic: z.boolean(),
});
export type ExportJob = z.infer<typeof exportJobSchema>;
