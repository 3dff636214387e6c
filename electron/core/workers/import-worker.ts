import { parentPort, workerData } from 'node:worker_threads';
import { openWorkspace } from '../db/open';
import type { ImportJob } from '../../../shared/contract';
import { importFile, replaceDataset, ImportRefused, ImportCancelled, type ImportOptions } from '../import/run';

export interface ImportWorkerData {
  dbPath: string;
  fileName: string;
  bytes: Uint8Array;
  kind: 'auto' | 'fatalities' | 'deployments' | 'ied';
  /** The dataset the file replaces, or null for a plain import. */
  replaces: number | null;
  /** Int32Array over a SharedArrayBuffer: set to 1 to cancel. */
  cancel: Int32Array;
}

export type ImportWorkerMessage =
  | { type: 'progress'; doneBytes: number; totalBytes: number }
  | { type: 'done'; result: ReturnType<typeof importFile> }
  | { type: 'failed'; error: string; refused: boolean; refusal: ImportJob['refusal'] }
  | { type: 'cancelled' };

const data = workerData as ImportWorkerData;
const post = (m: ImportWorkerMessage) => parentPort!.postMessage(m);
const db = openWorkspace(data.dbPath, { skipReference: true });
try {
  let last = 0;
  const source = { fileName: data.fileName, bytes: data.bytes };
  const options: ImportOptions = {
    onProgress(doneBytes, totalBytes) {
      const now = Date.now();
      if (now - last > 100 || doneBytes === totalBytes) {
        last = now;
        post({ type: 'progress', doneBytes, totalBytes });
      }
    },
    shouldCancel: () => Atomics.load(data.cancel, 0) === 1,
  };
  const result = data.replaces === null ? importFile(db, source, { ...options, kind: data.kind }) : replaceDataset(db, data.replaces, source, options);
  post({ type: 'done', result });
} catch (e) {
  if (e instanceof ImportCancelled) post({ type: 'cancelled' });
  else {
    const refusal = e instanceof ImportRefused && e.detail ? { file: e.file, line: e.line, field: e.field, detail: e.detail } : null;
    post({ type: 'failed', error: e instanceof Error ? e.message : String(e), refused: e instanceof ImportRefused, refusal });
  }
} finally {
  db.close();
}
