import type { StateCreator } from 'zustand';
import type { ImportJob } from '../../../shared/contract';
import { api, errorMessage } from '../api/client';
import { fileToBase64 } from '../api/fileBase64';
import type { BluehelmState } from './index';
import { resetOnWorkspaceSwitch } from './resets';

// The import report belongs to the workspace the files went into.
resetOnWorkspaceSwitch('imports', (s) => s.dismissImports());

export type ImportResult = NonNullable<ImportJob['result']>;

/** One chosen file on its way into the workspace. */
export interface ImportEntry {
  fileName: string;
  phase: 'queued' | 'reading' | 'running' | 'done' | 'failed' | 'cancelled';
  doneBytes: number;
  totalBytes: number;
  jobId: string | null;
  result: ImportResult | null;
  error: string | null;
  /** A refusal the page words in the analyst's language (error is the core's English). */
  refusal: ImportJob['refusal'];
  /** The file this one replaces (its name), for a replacement. */
  replaces: string | null;
}

export interface ImportSlice {
  imports: ImportEntry[];
  importing: boolean;
  importFiles(files: File[]): Promise<void>;
  /** Imports `file` in place of dataset `id` (all or nothing), reported like an import. */
  replaceDataset(id: number, file: File): Promise<void>;
  cancelImport(): Promise<void>;
  dismissImports(): void;
}

const POLL_MS = 200;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const createImportSlice: StateCreator<BluehelmState, [], [], ImportSlice> = (set, get) => {
  let cancelRequested = false;
  const update = (i: number, change: Partial<ImportEntry>) =>
    set((s) => ({ imports: s.imports.map((e, j) => (j === i ? { ...e, ...change } : e)) }));

  async function importOne(file: File, i: number, replaces?: number): Promise<void> {
    update(i, { phase: 'reading' });
    const contentBase64 = await fileToBase64(file);
    if (cancelRequested) return update(i, { phase: 'cancelled' });
    const { jobId } =
      replaces === undefined
        ? await api.importStart({ fileName: file.name, contentBase64, kind: 'auto' })
        : await api.datasetReplace({ id: replaces, fileName: file.name, contentBase64 });
    update(i, { phase: 'running', jobId });
    let job = await api.importStatus({ jobId });
    while (job.state === 'running') {
      update(i, { doneBytes: job.doneBytes, totalBytes: job.totalBytes });
      await sleep(POLL_MS);
      job = await api.importStatus({ jobId });
    }
    update(i, { phase: job.state, doneBytes: job.doneBytes, totalBytes: job.totalBytes, result: job.result, error: job.error, refusal: job.refusal });
  }

  return {
    imports: [],
    importing: false,

    importFiles: async (files) => {
      if (get().importing || files.length === 0) return;
      cancelRequested = false;
      set({
        importing: true,
        imports: files.map((f) => ({ fileName: f.name, phase: 'queued', doneBytes: 0, totalBytes: f.size, jobId: null, result: null, error: null, refusal: null, replaces: null })),
      });
      // One file at a time: later files may update rows the earlier ones inserted.
      for (const [i, file] of files.entries()) {
        if (cancelRequested) {
          update(i, { phase: 'cancelled' });
          continue;
        }
        try {
          await importOne(file, i);
        } catch (e) {
          update(i, { phase: 'failed', error: errorMessage(e) });
        }
      }
      set({ importing: false });
      await get().refreshInfo();
    },

    replaceDataset: async (id, file) => {
      if (get().importing) return;
      cancelRequested = false;
      const old = get().info?.datasets.find((d) => d.id === id)?.file_name ?? null;
      set({ importing: true, imports: [{ fileName: file.name, phase: 'queued', doneBytes: 0, totalBytes: file.size, jobId: null, result: null, error: null, refusal: null, replaces: old }] });
      try {
        await importOne(file, 0, id);
      } catch (e) {
        update(0, { phase: 'failed', error: errorMessage(e) });
      }
      set({ importing: false });
      await get().refreshInfo();
    },

    cancelImport: async () => {
      cancelRequested = true;
      const running = get().imports.find((e) => e.phase === 'running' && e.jobId);
      if (running?.jobId) await api.importCancel({ jobId: running.jobId }).catch(() => undefined);
    },

    dismissImports: () => set({ imports: [] }),
  };
};
