import { parentPort, workerData } from 'node:worker_threads';
import { openWorkspace } from '../db/open';
import { importFile, ImportRefused, ImportCancelled } from '../import/run';

export interface ImportWorkerData {
  dbPath: string;
  fileName: string;
  bytes: Uint8Array;
  kind: 'auto' | 'fatalities' | 'deployments' | 'ied';
  /** Int32Array over a SharedArrayBuffer: set to 1 to cancel. */
  cancel: Int32Array;
}

export type ImportWorkerMessage =
  | { type: 'progress'; doneBytes: number; totalBytes: number }
  | { type: 'done'; result: ReturnType<typeof importFile> }
  | { type: 'failed'; error: string; refused: boolean }
  | { type: 'cancelled' };

const data = workerData as ImportWorkerData;
const post = (m: ImportWorkerMessage) => parentPort!.postMessage(m);
const db = openWorkspace(data.dbPath, { skipReference: true });
try {
  let last = 0;
  const result = importFile(
    db,
    { fileName: data.fileName, bytes: data.bytes },
    {
      kind: data.kind,
      onProgress(doneBytes, totalBytes) {
        const now = Date.now();
        if (now - last > 100 || doneBytes === totalBytes) {
          last = now;
          post({ type: 'progress', doneBytes, totalBytes });
        }
      },
      shouldCancel: () => Atomics.load(data.cancel, 0) === 1,
    },
  );
  post({ type: 'done', result });
} catch (e) {
  if (e instanceof ImportCancelled) post({ type: 'cancelled' });
  else post({ type: 'failed', error: e instanceof Error ? e.message : String(e), refused: e instanceof ImportRefused });
} finally {
  db.close();
}
