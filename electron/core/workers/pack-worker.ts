import { parentPort, workerData } from 'node:worker_threads';
import type { ExportFormat } from '../../../shared/pack';
import { writePack } from '../packs/export-pack';
import { TextMeasure } from '../packs/fonts';
import { slideSvg } from '../packs/slide-svg';
import { ExportCancelled } from '../packs/export/types';
import type { RenderedPack } from '../packs/types';
import { shapesFor } from '../packs/world';

// Lays out and writes a computed pack off the thread that serves the UI: drawing the charts, laying
// out pages and subsetting a CJK font take up to a second or two, during which a window must answer.
// It writes PPTX, PDF or XLSX, or draws every slide as SVG for the builder's preview.

export interface PackWorkerData {
  pack: RenderedPack;
  /** A file format, or the slides as SVG. */
  task: ExportFormat | 'preview';
  /** Int32Array over a SharedArrayBuffer: set to 1 to cancel. */
  cancel: Int32Array;
}

export type PackWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; bytes: Uint8Array }
  | { type: 'preview'; svgs: string[] }
  | { type: 'failed'; error: string }
  | { type: 'cancelled' };

const data = workerData as PackWorkerData;
const post = (m: PackWorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);
try {
  if (data.task === 'preview') {
    await shapesFor(data.pack);
    const m = new TextMeasure();
    post({ type: 'preview', svgs: data.pack.slides.map((_, i) => slideSvg(data.pack, i, m)) });
  } else {
    const bytes = await writePack(data.pack, data.task, (done, total) => {
      if (Atomics.load(data.cancel, 0) === 1) return false;
      post({ type: 'progress', done, total });
    });
    const copy = new Uint8Array(bytes);
    post({ type: 'done', bytes: copy }, [copy.buffer]);
  }
} catch (e) {
  if (e instanceof ExportCancelled) post({ type: 'cancelled' });
  else post({ type: 'failed', error: e instanceof Error ? e.message : String(e) });
}
