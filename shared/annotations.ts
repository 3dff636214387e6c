import { z } from 'zod';
import { isCalendarDate } from './time';

// Marks on the time axis: bundled ones (data/annotations.json), the missions' start and end dates (from the
// reference table) and the analyst's own (stored in the workspace). Labels in English and Chinese; the
// analyst's may be in one language only, and are then shown as written in the other.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD').refine(isCalendarDate, 'not a calendar date');
const labelText = z.string().trim().min(1).max(120);

export const ANNOTATION_SOURCES = ['bundled', 'mandate', 'user'] as const;
export type AnnotationSource = (typeof ANNOTATION_SOURCES)[number];

export const annotationSchema = z.object({
  /** "bundled:<id>", "start:<mission>", "end:<mission>" or "user:<row id>". */
  id: z.string(),
  date: isoDate,
  label: z.object({ en: z.string().nullable(), zh: z.string().nullable() }),
  source: z.enum(ANNOTATION_SOURCES),
  /** A mission's start or end: shown only on a chart that draws the mission. */
  mission: z.string().nullable(),
});
export type Annotation = z.infer<typeof annotationSchema>;

/** One entry of data/annotations.json. */
export const bundledAnnotationSchema = z
  .object({ id: z.string().regex(/^[a-z0-9-]+$/), date: isoDate, label: z.object({ en: labelText, zh: labelText }).strict(), source: z.string().min(1) })
  .strict();

export const addAnnotationInput = z
  .object({ date: isoDate, label: z.object({ en: labelText.optional(), zh: labelText.optional() }).strict() })
  .strict()
  .refine((a) => a.label.en !== undefined || a.label.zh !== undefined, { message: 'an annotation needs a label in English or Chinese', path: ['label'] });
