import type { ExportFormat } from '../../../shared/pack';
import { lookups } from '../../../shared/present/labels';
import type { Lang } from '../../../shared/present/lang';
import { referenceTables } from '../reference/tables';
import type { Workspace } from '../workspace';
import type { PackContext } from './model';

// Kept apart from the exporters and the slide layout (which bring ECharts and the font code), so the
// workspace and the export jobs can name them without every thread bundling those.

/** The context every pack computation runs in: the workspace, its engine, the reference labels. */
export function packContext(ws: Workspace, lang?: Lang): PackContext {
  return { ws, crossTab: (spec) => ws.crossTabAsync(spec), lookups: lookups(referenceTables().tables), lang };
}

export const EXPORT_MIME: Record<ExportFormat, string> = {
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
