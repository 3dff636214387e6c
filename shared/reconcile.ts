import { z } from 'zod';
import { viewSpecSchema } from './spec';

/** One official figure as published, with the spec that recomputes it (data/published-figures.json). */
export const publishedFigureSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  document: z.object({
    symbol: z.string().nullable(),
    title: z.string(),
    title_zh: z.string().optional(),
    date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
    locator: z.string(),
    seed: z.string().nullable().optional(),
  }),
  quote: z.string().min(1),
  value: z.number(),
  unit: z.enum(['persons', 'percent', 'missions', 'incidents']),
  subject: z.enum(['fatalities', 'deployments', 'ied']),
  spec: viewSpecSchema,
  note: z.string().optional(),
  expected_status: z.enum(['matches', 'differs', 'cannot_compute']).optional(),
  recomputed: z.number().nullable().optional(),
  likely_reason: z.string().optional(),
});
export type PublishedFigure = z.infer<typeof publishedFigureSchema>;

export const RECONCILE_STATUSES = ['matches', 'differs', 'cannot_compute'] as const;

/** A figure checked against the open workspace: a plain structure a table, a CLI or a slide can render. */
export const reconciledFigureSchema = z.object({
  figure: publishedFigureSchema,
  status: z.enum(RECONCILE_STATUSES),
  recomputed: z.number().nullable(),
  /** recomputed − published, where both exist. */
  difference: z.number().nullable(),
  /** Why it differs or cannot be computed, in plain words; null for a match. */
  reason: z.string().nullable(),
  /** Partial coverage and other caveats that do not change the status. */
  caveats: z.array(z.string()),
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
