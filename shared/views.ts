import { z } from 'zod';
import { viewSpecSchema } from './spec';

// Saved views and the last view: what the workspace keeps of the analyst's views. The spec is checked like
// any view (shared/spec.ts); the tab and the chart settings are the renderer's (views/viewIds.ts and
// TrendOptions), kept as they were written and read back through the same checks as a link (viewHash.ts),
// so a setting a later Bluehelm adds or drops never makes a stored view unreadable.

const tabId = z.string().regex(/^\w{1,32}$/, 'expected a tab id such as crossTab or trends');
/** The chart's settings (chart type, moving average, …) by name. */
export const chartSettingsSchema = z
  .record(z.string().regex(/^\w{1,32}$/, 'expected a setting name'), z.union([z.string().max(1024), z.number(), z.boolean()]))
  .refine((r) => Object.keys(r).length <= 32, 'at most 32 chart settings');

/** A view as the workbench shows it: the spec, the tab it is drawn on and the chart's settings. */
export const keptViewSchema = z
  .object({
    spec: viewSpecSchema,
    tab: tabId,
    chart: chartSettingsSchema.default({}),
  })
  .strict();
export type KeptViewInput = z.input<typeof keptViewSchema>;

export const viewName = z.string().trim().min(1, 'a view needs a name').max(120);
export const viewNote = z.string().max(2000);

export const savedViewSchema = z.object({
  id: z.number(),
  name: z.string(),
  spec: viewSpecSchema,
  tab: z.string(),
  chart: chartSettingsSchema,
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const saveViewInput = keptViewSchema.extend({ id: z.number().int().positive().optional(), name: viewName, note: viewNote.default('') }).strict();
export type SaveViewInput = z.input<typeof saveViewInput>;
