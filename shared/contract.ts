import { z } from 'zod';
import { DIMENSIONS, MEASURES } from './catalogue';
import { reconciliationSchema } from './reconcile';
import { crossTabSchema, dimensionValue, viewSpecSchema } from './spec';
import { EXPORT_FORMATS, exportJobSchema, packDocSchema, packSchema, packSummarySchema, slideSchema, staleSlideSchema } from './pack';
import { LANGS } from './present/lang';
import { CSV_PROBLEMS } from './limits';
import type { RejectReason } from './rejects';
import { keptViewSchema, saveViewInput, savedViewSchema, viewName } from './views';
import { addAnnotationInput, annotationSchema } from './annotations';

// The single list of operations the renderer (or any door) may call on the core.
// The preload bridge, the HTTP server and the renderer's client are all built from this object.

const kindSchema = z.enum(['fatalities', 'deployments', 'ied']);

/** Why a row was not imported: a code and its facts (shared/rejects.ts), worded by the reader's door in its language. */
const rejectReasonSchema = z.custom<RejectReason>((v) => typeof v === 'object' && v !== null && typeof (v as { code?: unknown }).code === 'string');

/** What one import of one file did, row by row: the same counts in the registry and in an import's result. */
const importCounts = {
  kind: kindSchema,
  layout: z.string(),
  sha256: z.string(),
  rows_read: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  skipped: z.number(),
  synthetic: z.boolean(),
};

export const datasetSchema = z.object({
  ...importCounts,
  id: z.number(),
  file_name: z.string(),
  imported_at: z.string(),
  last_update: z.string().nullable(),
  /**
   * Imported once every file's version of a row was kept (migration 006): its removal brings back what
   * it changed, and rows it also holds outlive an earlier file's removal. False for files imported before.
   */
  versions_kept: z.boolean(),
});
export type DatasetEntry = z.infer<typeof datasetSchema>;

/**
 * A file taken out of the workspace: its fact rows and rejected rows went with it, and on the keys it
 * had changed (rows_restored) the earlier file's version stands again.
 */
export const removalSchema = z.object({
  dataset_id: z.number(),
  file_name: z.string(),
  kind: kindSchema,
  sha256: z.string(),
  rows_removed: z.number(),
  rows_restored: z.number(),
  rejects_removed: z.number(),
});
export type Removal = z.infer<typeof removalSchema>;

export const importResultSchema = z.object({
  ...importCounts,
  file: z.string(),
  dataset_id: z.number().nullable(),
  already_imported: z.boolean(),
  /** Rows whose country code was blank, matched to a country by its name. */
  matched_by_name: z.number(),
  rejects: z.array(z.object({ line: z.number(), field: z.string(), reason: rejectReasonSchema })),
  changes: z.array(z.object({ key: z.string(), fields: z.array(z.string()) })),
  /** The file a replacement took out, in the same transaction. */
  replaced: removalSchema.nullable().optional(),
});

/**
 * Why a whole file was refused, as a code and facts (not a sentence) so each door words it in the
 * analyst's language; file, line and field as in every refusal.
 */
export const refusalDetailSchema = z.discriminatedUnion('code', [
  /** The header matches no layout: the nearest one's columns, and which of them the header lacks. */
  z.object({ code: z.literal('unknown_layout'), layout: z.string(), kind: kindSchema, expected: z.array(z.string()), missing: z.array(z.string()) }),
  /** The file is of another kind than the one asked for (a replacement must be of the replaced file's kind). */
  z.object({ code: z.literal('wrong_kind'), layout: z.string(), kind: kindSchema, wanted: kindSchema }),
  /** The bytes are not a CSV file Bluehelm reads without changing it (see electron/core/import/csv.ts). */
  z.object({ code: z.literal('csv'), problem: z.enum(CSV_PROBLEMS), offset: z.number().optional(), byte: z.string().optional(), looksLike: z.enum(['gbk', 'latin1']).optional() }),
  z.object({ code: z.literal('repeated_column'), name: z.string(), first: z.number(), second: z.number() }),
  z.object({ code: z.literal('empty_file') }),
  z.object({ code: z.literal('no_rows') }),
  /** Real data offered to the synthetic demo workspace, or synthetic data to a real one: each stays in a workspace of its own. */
  z.object({ code: z.literal('demo_workspace') }),
  z.object({ code: z.literal('real_workspace') }),
]);
export type RefusalDetail = z.infer<typeof refusalDetailSchema>;
export const refusalSchema = z.object({ file: z.string(), line: z.number().nullable(), field: z.string().nullable(), detail: refusalDetailSchema });

export const importJobSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  doneBytes: z.number(),
  totalBytes: z.number(),
  result: importResultSchema.nullable(),
  error: z.string().nullable(),
  /** A refusal the page words itself (the error above is the core's English). */
  refusal: refusalSchema.nullable(),
  /** The dataset this job replaces, if it is a replacement. */
  replaces: z.number().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

const missionSchema = z.object({
  acronym: z.string(),
  name_en: z.string(),
  name_zh: z.string(),
  short_zh: z.string().optional().nullable(),
  host: z.array(z.string()),
  start: z.string().nullable().optional(),
  end: z.string().nullable().optional(),
  kind: z.string().optional(),
});
const countrySchema = z.object({
  iso3: z.string(),
  m49: z.number().nullable().optional(),
  name_en: z.string(),
  name_zh: z.string(),
  region: z.string().nullable().optional(),
  subregion: z.string().nullable().optional(),
});
export const referenceSchema = z.object({
  missions: z.array(missionSchema),
  countries: z.array(countrySchema),
  regions: z.record(z.string(), z.string()),
});
export type ReferenceTables = z.infer<typeof referenceSchema>;

export const workspaceInfoSchema = z.object({
  path: z.string(),
  kind: z.enum(['empty', 'real', 'demo']),
  synthetic: z.boolean(),
  counts: z.object({ fatalities: z.number(), deployments: z.number(), ied: z.number() }),
  datasets: z.array(datasetSchema),
});
export type WorkspaceInfo = z.infer<typeof workspaceInfoSchema>;

export const integritySchema = z.object({
  ok: z.boolean(),
  integrity: z.array(z.string()),
  foreignKeys: z.array(z.object({ table: z.string(), rowid: z.number().nullable(), parent: z.string() })),
  userVersion: z.number(),
});

const empty = z.object({}).strict();
const packId = z.number().int().positive();
const viewId = z.number().int().positive();
const workspacePath = z.string().min(1).max(4096);
/** 512 MB of file, as base64 (larger files are imported with bluehelm import, which streams them). */
const fileContent = z.string().max(Math.ceil((512 * 1024 * 1024) / 3) * 4);
/** A job id is a UUID. */
const jobId = z.string().max(64);

export const operations = {
  workspaceInfo: { input: empty, output: workspaceInfoSchema },
  /** Workspace files opened lately, newest first (the workspace switcher). */
  workspaceRecent: {
    input: empty,
    output: z.array(z.object({ path: z.string(), kind: z.enum(['empty', 'real', 'demo']), openedAt: z.string() })),
  },
  /** Opens a workspace from the recent list (or the app-data folder); other paths are refused. */
  workspaceOpen: { input: z.object({ path: workspacePath }), output: workspaceInfoSchema },
  /** A new, empty workspace for real data, created in the app-data folder (the default file when unnamed). */
  workspaceNew: { input: z.object({ name: z.string().min(1).max(64).optional() }), output: workspaceInfoSchema },
  workspaceOpenDemo: { input: empty, output: workspaceInfoSchema },
  /**
   * Opens a workspace file the analyst picks in the desktop app's own Open dialog (shown by the main
   * process, so the page never names a path). Refused in serve mode: there, use bluehelm serve --db FILE.
   */
  workspaceChooseFile: { input: empty, output: workspaceInfoSchema.nullable() },
  /** The open workspace's backups (taken before each import and migration), newest first. */
  workspaceBackups: { input: empty, output: z.array(z.object({ file: z.string(), takenAt: z.string(), bytes: z.number() })) },
  /** Brings back one of the open workspace's own backups; the workspace as it was is kept as the newest backup. */
  workspaceRestore: { input: z.object({ file: workspacePath }), output: workspaceInfoSchema },
  reference: { input: empty, output: referenceSchema },
  crossTab: { input: viewSpecSchema, output: crossTabSchema },
  /** The values a dimension takes for a measure, with the measure's total for each (for filter pickers). */
  dimensionValues: {
    input: z.object({ measure: z.enum(MEASURES), dimension: z.enum(DIMENSIONS) }),
    output: z.array(z.object({ key: z.string(), value: z.number().nullable() })),
  },
  /** The source rows (file and line) behind one cell or total of a cross-tab. */
  sourceRows: {
    input: z.object({ spec: viewSpecSchema, rowKey: z.array(dimensionValue).max(4), colKey: dimensionValue.optional(), limit: z.number().int().min(1).max(5000).default(200) }),
    output: z.array(
      z.object({
        subject: kindSchema,
        role: z.enum(['rows', 'rate_deaths', 'rate_excluded_deaths', 'rate_deployments']),
        columns: z.array(z.string()),
        rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
        total: z.number(),
        truncated: z.boolean(),
      }),
    ),
  },
  /**
   * The IED incidents of a view as points (latitude and longitude as the file gave them), under the
   * filters and dates that apply to IED incidents; those without coordinates are counted, not listed.
   */
  iedPoints: {
    input: z.object({
      where: viewSpecSchema.shape.where,
      from: viewSpecSchema.shape.from,
      to: viewSpecSchema.shape.to,
      limit: z.number().int().min(1).max(50000).default(20000),
    }),
    output: z.object({
      points: z.array(
        z.object({
          lat: z.number(),
          lon: z.number(),
          date: z.string(),
          location: z.string(),
          killed: z.number().nullable(),
          outcome: z.enum(['detonated', 'found_and_cleared', 'unknown']),
        }),
      ),
      total: z.number(),
      unplaced: z.number(),
      truncated: z.boolean(),
    }),
  },
  importStart: {
    input: z.object({
      fileName: z.string().min(1).max(255),
      contentBase64: fileContent,
      kind: z.enum(['auto', 'fatalities', 'deployments', 'ied']).default('auto'),
    }),
    output: z.object({ jobId: z.string() }),
  },
  importStatus: { input: z.object({ jobId: jobId }), output: importJobSchema },
  importCancel: { input: z.object({ jobId: jobId }), output: importJobSchema },
  /**
   * Takes a file out of the workspace in one transaction (a backup taken first, as before an import);
   * the cross-tab engine reads the workspace again. Packs built on it are then stale (packCheck).
   */
  datasetRemove: { input: z.object({ id: z.number().int().positive() }), output: z.object({ removed: removalSchema, info: workspaceInfoSchema }) },
  /**
   * Imports a newer file of the same kind in place of one: the old file is taken out and the new one
   * imported in one transaction, so a refused or failed import leaves the old file as it was. A job,
   * followed with importStatus like any import.
   */
  datasetReplace: {
    input: z.object({ id: z.number().int().positive(), fileName: z.string().min(1).max(255), contentBase64: fileContent }),
    output: z.object({ jobId: z.string() }),
  },
  rejects: {
    input: z.object({ datasetId: z.number().int(), limit: z.number().int().min(1).max(10000).default(500) }),
    output: z.array(z.object({ line: z.number(), field: z.string(), reason: rejectReasonSchema, raw: z.string() })),
  },
  checkWorkspace: { input: empty, output: integritySchema },
  /** Every published figure in data/published-figures.json, recomputed from the open workspace. */
  reconcile: { input: empty, output: reconciliationSchema },

  // Briefing packs (shared/pack.ts): stored in the workspace, exported by the core.
  packList: { input: empty, output: z.array(packSummarySchema) },
  packGet: { input: z.object({ id: packId }), output: packSchema },
  /** Creates a pack (no id) or replaces a pack's whole document. */
  packSave: { input: z.object({ id: packId.optional(), doc: packDocSchema }), output: packSchema },
  packRename: { input: z.object({ id: packId, name: z.string().trim().min(1).max(120) }), output: packSchema },
  packDuplicate: { input: z.object({ id: packId, name: z.string().trim().min(1).max(120).optional() }), output: packSchema },
  packDelete: { input: z.object({ id: packId }), output: z.object({ deleted: z.number() }) },
  /** "Add to pack" from a view: appends the slide (a new pack when packId is null), remembering the numbers' basis. */
  packAddSlide: { input: z.object({ packId: packId.nullable(), slide: slideSchema, lang: z.enum(LANGS).default('en') }), output: packSchema },
  /** The slides whose numbers would change if the pack were exported now. */
  packCheck: { input: z.object({ id: packId }), output: z.object({ stale: z.array(staleSlideSchema) }) },
  /** Takes the workspace's current numbers as the pack's basis. */
  packAccept: { input: z.object({ id: packId }), output: packSchema },
  /** Each slide as the SVG the PDF prints. */
  packPreview: { input: z.object({ id: packId, lang: z.enum(LANGS).optional() }), output: z.object({ svgs: z.array(z.string()), stale: z.array(staleSlideSchema) }) },
  packExportStart: { input: z.object({ id: packId, format: z.enum(EXPORT_FORMATS), lang: z.enum(LANGS).optional() }), output: exportJobSchema },
  packExportStatus: { input: z.object({ jobId: z.string().max(64) }), output: exportJobSchema },
  packExportCancel: { input: z.object({ jobId: z.string().max(64) }), output: exportJobSchema },
  /**
   * Saves a finished export where the analyst chooses in the desktop app's Save dialog (shown by the
   * main process). Refused in serve mode: there the browser downloads GET /download/<jobId>.
   */
  packExportSave: { input: z.object({ jobId: z.string().max(64) }), output: z.object({ path: z.string().nullable() }) },

  // Saved views (shared/views.ts): named views with their chart settings and a note, kept in the workspace.
  viewList: { input: empty, output: z.array(savedViewSchema) },
  /** Saves the view under a new name (no id) or replaces a saved view. */
  viewSave: { input: saveViewInput, output: savedViewSchema },
  viewRename: { input: z.object({ id: viewId, name: viewName }).strict(), output: savedViewSchema },
  viewDuplicate: { input: z.object({ id: viewId, name: viewName.optional() }).strict(), output: savedViewSchema },
  viewDelete: { input: z.object({ id: viewId }).strict(), output: z.object({ deleted: z.number() }) },
  /** The view shown last in this workspace (reopened at start when the address names none). */
  viewLast: { input: empty, output: keptViewSchema.nullable() },
  viewKeepLast: { input: keptViewSchema, output: z.object({ kept: z.boolean() }) },

  // Annotations on the time axis (shared/annotations.ts): the bundled ones and the analyst's own.
  annotationList: { input: empty, output: z.array(annotationSchema) },
  annotationAdd: { input: addAnnotationInput, output: annotationSchema },
  annotationDelete: {
    input: z.object({ id: z.string().regex(/^user:\d+$/, 'only your own annotations (user:N) can be deleted') }).strict(),
    output: z.object({ deleted: z.string() }),
  },
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OperationInput<K extends OperationName> = z.input<Operations[K]['input']>;
export type OperationOutput<K extends OperationName> = z.infer<Operations[K]['output']>;

/** What every door offers: each operation as an async function. */
export type Api = { [K in OperationName]: (input: OperationInput<K>) => Promise<OperationOutput<K>> };

export const OPERATION_NAMES = Object.keys(operations) as OperationName[];

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(operations, name);
}

/** How a door reports a refused call, the same over IPC and HTTP. */
export const errorSchema = z.object({
  code: z.enum(['invalid_input', 'refused', 'not_found', 'internal']),
  message: z.string(),
});
export type ApiError = z.infer<typeof errorSchema>;
