import { parentPort, workerData } from 'node:worker_threads';
import type { ExportFormat } from '../../../shared/pack';
import { writePack } from '../packs/export-pack';
import { ExportCancelled } from '../packs/export/types';
import type { RenderedPack } from '../packs/types';

// Writes a computed pack to PPTX, PDF or XLSX off the thread that serves the UI: laying out pages
// and subsetting a CJK font take about a second, during which a window must still answer.

export interface PackWorkerData {
  pack: RenderedPack;
  format: ExportFormat;
  /** Int32Array over a SharedArrayBuffer: set to 1 to cancel. */
  cancel: Int32Array;
}

export type PackWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; bytes: Uint8Array }
  | { type: 'failed'; error: string }
  | { type: 'cancelled' };

const data = workerData as PackWorkerData;
const post = (m: PackWorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);
try {
  const bytes = await writePack(data.pack, data.format, (done, total) => {
    if (Atomics.load(data.cancel, 0) === 1) return false;
    post({ type: 'progress', done, total });
  });
  const copy = new Uint8Array(bytes);
  post({ type: 'done', bytes: copy }, [copy.buffer]);
} catch (e) {
  if (e instanceof ExportCancelled) post({ type: 'cancelled' });
  else post({ type: 'failed', error: e instanceof Error ? e.message : String(e) });
}
