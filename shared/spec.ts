import { z } from 'zod';
import { DIMENSIONS, MEASURES, dimensionInfo, filtersOf, measureInfo, whyNot, type Dimension, type Measure } from './catalogue';
import { MAX_FILTER_VALUES, MAX_VALUE_LENGTH } from './limits';
import { isCalendarDate } from './time';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD').refine(isCalendarDate, 'not a calendar date');

// Bounds on what a view may name (shared/limits.ts): every dimension has far fewer values (months since 1948 are under 1000), and none is longer.
export { MAX_FILTER_VALUES, MAX_VALUE_LENGTH };
export const dimensionValue = z.string().max(MAX_VALUE_LENGTH);

/** What the analyst asked for: one measure, row dimensions, an optional column dimension, filters and a date range. */
export const viewSpecSchema = z.object({
  measure: z.enum(MEASURES),
  rows: z.array(z.enum(DIMENSIONS)).max(4).default([]),
  cols: z.enum(DIMENSIONS).optional(),
  where: z.partialRecord(z.enum(DIMENSIONS), z.array(dimensionValue).min(1).max(MAX_FILTER_VALUES)).default({}),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type ViewSpec = z.infer<typeof viewSpecSchema>;
export type ViewSpecInput = z.input<typeof viewSpecSchema>;

export class SpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpecError';
  }
}

function assertApplies(measure: Measure, dim: Dimension, role: 'row' | 'column' | 'filter'): void {
  const allowed = role === 'filter' ? filtersOf(measure) : measureInfo[measure].dimensions;
  if (!allowed.includes(dim)) {
    throw new SpecError(`measure "${measure}" does not apply to ${role} dimension "${dim}": ${whyNot(measure, dim)} (it applies to: ${allowed.join(', ')})`);
  }
}

/** Parses and checks a spec; every refusal names what is wrong, so no view silently shows an empty table. */
export function parseViewSpec(input: unknown): ViewSpec {
  const raw = input as Record<string, unknown> | null;
  if (raw && typeof raw === 'object') {
    if (typeof raw.measure === 'string' && !(MEASURES as readonly string[]).includes(raw.measure)) {
      throw new SpecError(`unknown measure "${raw.measure}" (known: ${MEASURES.join(', ')})`);
    }
    const named = [
      ...(Array.isArray(raw.rows) ? raw.rows : []),
      ...(typeof raw.cols === 'string' ? [raw.cols] : []),
      ...(raw.where && typeof raw.where === 'object' ? Object.keys(raw.where) : []),
    ];
    for (const d of named) {
      if (typeof d === 'string' && !(DIMENSIONS as readonly string[]).includes(d)) {
        throw new SpecError(`unknown dimension "${d}" (known: ${DIMENSIONS.join(', ')})`);
      }
    }
  }
  const parsed = viewSpecSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SpecError(`invalid view spec at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const spec = parsed.data;
  spec.rows.forEach((d) => assertApplies(spec.measure, d, 'row'));
  if (spec.cols) assertApplies(spec.measure, spec.cols, 'column');
  for (const d of Object.keys(spec.where) as Dimension[]) assertApplies(spec.measure, d, 'filter');
  if (spec.cols && spec.rows.includes(spec.cols)) throw new SpecError(`dimension "${spec.cols}" is both a row and the column`);
  if (new Set(spec.rows).size !== spec.rows.length) throw new SpecError('a row dimension is named twice');
  if (spec.from && spec.to && spec.from > spec.to) throw new SpecError(`from ${spec.from} is after to ${spec.to}`);
  return spec;
}

export function dimensionLabel(d: Dimension, lang: 'en' | 'zh'): string {
  return dimensionInfo[d].label[lang];
}

/**
 * What stands behind one fatality_rate cell: the deaths counted, the uniformed deaths left out because
 * their mission reported no deployments that month, and the exact Poisson 95 % interval of the rate
 * (blank where the rate is). Null where the cell has neither deaths nor person-months.
 */
export const rateCellSchema = z
  .object({ deaths: z.number(), excluded: z.number(), low: z.number().nullable(), high: z.number().nullable() })
  .nullable();
export type RateCell = NonNullable<z.infer<typeof rateCellSchema>>;

/** One cross-tab result: row keys, column keys, cells and totals, plus what the analyst must be told about blanks. */
export const crossTabSchema = z.object({
  spec: viewSpecSchema,
  rowDims: z.array(z.enum(DIMENSIONS)),
  colDim: z.enum(DIMENSIONS).nullable(),
  colKeys: z.array(z.string()),
  rows: z.array(
    z.object({
      key: z.array(z.string()),
      cells: z.array(z.number().nullable()),
      total: z.number().nullable(),
    }),
  ),
  colTotals: z.array(z.number().nullable()),
  grandTotal: z.number().nullable(),
  /**
   * With two or more row dimensions: per leading part of them (depth 1 = the first dimension alone, …),
   * each group's cells and total as the engine computes them for that grouping.
   */
  subtotals: z
    .array(
      z.object({
        depth: z.number().int().min(1),
        rows: z.array(z.object({ key: z.array(z.string()), cells: z.array(z.number().nullable()), total: z.number().nullable() })),
      }),
    )
    .optional(),
  /** Why some cells are blank (a rate where nothing was deployed): a code, worded per language by shared/present/phrases. */
  blankReason: z.enum(['no_deployments', 'no_reports']).nullable(),
  /** fatality_rate only: each cell's and total's deaths, deaths left out and 95 % interval, shaped as the table. */
  rate: z
    .object({
      cells: z.array(z.array(rateCellSchema)),
      rowTotals: z.array(rateCellSchema),
      colTotals: z.array(rateCellSchema),
      grandTotal: rateCellSchema,
    })
    .optional(),
  synthetic: z.boolean(),
  sources: z.array(z.object({ id: z.number(), fileName: z.string(), sha256: z.string(), synthetic: z.boolean() })),
  elapsedMs: z.number(),
});
export type CrossTab = z.infer<typeof crossTabSchema>;
