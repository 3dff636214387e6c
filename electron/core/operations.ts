import path from 'node:path';
import type { z } from 'zod';
import type { OperationName, OperationOutput, Operations } from '../../shared/contract';
import { parseViewSpec, SpecError } from '../../shared/spec';
import { valuesMeasure } from '../../shared/catalogue';
import { checkWorkspace } from './db/open';
import { sourceRows } from './query/drill';
import { storedRejects } from './import/rejects';
import { iedPoints } from './query/ied-points';
import { reconcile } from './reconcile/reconcile';
import { referenceTables } from './reference/tables';
import type { Session } from './session';
import { NotAvailableHere, NotFound } from './errors';
import { checkFigureIds } from './packs/model';
import { acceptPackNumbers, addToPack, checkPack, previewPack } from './packs/service';
import { deletePack, duplicatePack, getPack, listPacks, renamePack, savePack } from './packs/store';
import { outputPath, writeSafely } from './packs/write';

export { Workspace } from './workspace';

/** Inputs arrive already parsed by the contract's schema, so defaults are filled in. */
type ParsedInput<K extends OperationName> = z.infer<Operations[K]['input']>;
export type Impl = { [K in OperationName]: (input: ParsedInput<K>) => OperationOutput<K> | Promise<OperationOutput<K>> };

export { NotAvailableHere, NotFound } from './errors';

/** What only some doors can do: the desktop app shows native dialogs. */
export interface DoorCapabilities {
  /** Shows an Open dialog for a workspace file; undefined when the analyst cancels. */
  chooseWorkspaceFile?: () => Promise<string | undefined>;
  /** Shows a Save dialog for an exported file, proposing a name; undefined when the analyst cancels. */
  chooseSavePath?: (defaultName: string) => Promise<string | undefined>;
  /** Asks whether to bring back the backup taken at `takenAt` of a workspace found damaged at start. */
  offerRestore?: (problem: string, takenAt: string) => Promise<boolean>;
}

/** Implements every operation of shared/contract.ts over the session's open workspace. */
export function operationsFor(session: Session, door: DoorCapabilities = {}): Impl {
  const ws = () => session.current;
  return {
    workspaceInfo: () => ws().info(),
    workspaceRecent: () => session.recent(),
    workspaceOpen: ({ path }) => session.openFromPage(path).info(),
    workspaceNew: ({ name }) => session.createReal(name).info(),
    workspaceOpenDemo: () => session.openDemo().info(),
    workspaceChooseFile: async () => {
      if (!door.chooseWorkspaceFile) throw new NotAvailableHere('opening a file by dialog needs the desktop app; in a browser, start with: bluehelm serve --db FILE');
      const file = await door.chooseWorkspaceFile();
      return file ? session.open(file).info() : null;
    },
    workspaceBackups: () => session.backups(),
    workspaceRestore: async ({ file }) => (await session.restore(file)).info(),
    reference: () => referenceTables().tables,
    crossTab: (spec) => ws().crossTabAsync(spec),
    dimensionValues: async ({ measure, dimension }) => {
      const t = await ws().crossTabAsync({ measure: valuesMeasure(measure, dimension), rows: [dimension] });
      return t.rows.map((r) => ({ key: r.key[0], value: r.total }));
    },
    sourceRows: ({ spec, rowKey, colKey, limit }) => {
      const parsed = parseViewSpec(spec);
      if (rowKey.length > parsed.rows.length) throw new SpecError(`the row key has ${rowKey.length} values; the view has ${parsed.rows.length} row dimensions`);
      return sourceRows(ws().db, { spec: parsed, rowKey, colKey, limit });
    },
    iedPoints: ({ where, from, to, limit }) => {
      // Checked as a view of IED incidents, so a filter the incidents do not record is refused with its reason.
      const spec = parseViewSpec({ measure: 'ied_incidents', where, from, to });
      return iedPoints(ws().db, spec, limit);
    },
    importStart: ({ fileName, contentBase64, kind }) => ({ jobId: ws().jobs.start(fileName, Buffer.from(contentBase64, 'base64'), kind).id }),
    importStatus: ({ jobId }) => {
      const job = ws().jobs.status(jobId);
      if (!job) throw new NotFound(`no import job ${jobId}`);
      return job;
    },
    importCancel: ({ jobId }) => {
      const job = ws().jobs.cancel(jobId);
      if (!job) throw new NotFound(`no import job ${jobId}`);
      return job;
    },
    rejects: ({ datasetId, limit }) =>
      storedRejects(ws().db, datasetId, limit),
    checkWorkspace: () => checkWorkspace(ws().db),
    reconcile: () => reconcile(ws()),
    packList: () => listPacks(ws().db),
    packGet: ({ id }) => getPack(ws().db, id),
    packSave: ({ id, doc }) => {
      checkFigureIds(doc);
      return savePack(ws().db, { id, doc });
    },
    packRename: ({ id, name }) => renamePack(ws().db, id, name),
    packDuplicate: ({ id, name }) => duplicatePack(ws().db, id, name),
    packDelete: ({ id }) => {
      deletePack(ws().db, id);
      return { deleted: id };
    },
    packAddSlide: ({ packId, slide, lang }) => addToPack(ws(), packId, slide, lang),
    packCheck: async ({ id }) => ({ stale: await checkPack(ws(), id) }),
    packAccept: ({ id }) => acceptPackNumbers(ws(), id),
    packPreview: async ({ id, lang }) => {
      const { svgs, pack } = await previewPack(ws(), id, lang);
      return { svgs, stale: pack.stale };
    },
    packExportStart: ({ id, format, lang }) => ws().exports.start(ws(), id, format, lang),
    packExportStatus: ({ jobId }) => ws().exports.status(jobId),
    packExportCancel: ({ jobId }) => ws().exports.cancel(jobId),
    packExportSave: async ({ jobId }) => {
      if (!door.chooseSavePath) throw new NotAvailableHere('saving through a dialog needs the desktop app; in a browser the file is downloaded');
      const file = ws().exports.file(jobId);
      const chosen = await door.chooseSavePath(file.fileName);
      if (!chosen) return { path: null };
      const target = outputPath(path.dirname(chosen), path.basename(chosen));
      writeSafely(target, file.bytes);
      return { path: target };
    },
  };
}
