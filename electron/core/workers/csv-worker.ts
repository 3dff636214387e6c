import { workerData } from 'node:worker_threads';
import { readCsv, CsvSyntaxError } from '../import/csv';
import { heldBackProgress } from '../import/progress';
import { fileRecords, ImportRefused } from '../import/records';
import { RowEncoder } from '../import/row-codec';
import type { CsvReaderData, CsvReaderMessage } from '../import/parallel';
import type { RejectReason } from '../../../shared/rejects';
import { postCounted } from '../threads';

const data = workerData as CsvReaderData;
const { port, signal } = data;

/** Posts a message and counts it, so the importing thread, blocked on the count, wakes to take it. */
const post = (message: CsvReaderMessage, transfer: ArrayBuffer[] = []) => postCounted(port, signal, message, transfer);

/** Waits while the importing thread is far behind, so a large file is never held in memory whole. */
function keepPace(): void {
  for (;;) {
    const taken = Atomics.load(signal, 1);
    if (Atomics.load(signal, 0) - taken < data.ahead) return;
    Atomics.wait(signal, 1, taken, 1000);
  }
}

const encoder = new RowEncoder(data.batchRows);
let rejects: { line: number; field: string; reason: RejectReason; raw: string }[] = [];
let doneBytes = 0;
let totalBytes = 0;

const sendBatch = () => {
  if (encoder.size === 0 && rejects.length === 0) return;
  keepPace();
  const { batch, transfer } = encoder.take();
  post({ type: 'rows', batch, rejects, doneBytes, totalBytes }, transfer);
  rejects = [];
};

try {
  const records = fileRecords(data.file, data.kind, {
    layout: (layout, header) => post({ type: 'layout', name: layout.name, header }),
    row(row, line) {
      encoder.add(row as Record<string, unknown>, line);
      if (encoder.size === encoder.capacity) sendBatch();
    },
    reject(line, field, reason, raw) {
      rejects.push({ line, field, reason, raw });
      if (rejects.length >= data.batchRows) sendBatch();
    },
  });
  const progress = heldBackProgress(records.holdsBack, (done, total) => {
    doneBytes = done;
    totalBytes = total;
  });
  readCsv(data.source, records.onRecord, progress.reading, { hash: false });
  records.finish(progress.writing);
  sendBatch();
  post({ type: 'end', totals: records.totals, hasLayout: records.hasLayout() });
} catch (e) {
  if (e instanceof ImportRefused) post({ type: 'refused', line: e.line, field: e.field, reason: e.reason });
  else if (e instanceof CsvSyntaxError) post({ type: 'csv-error', line: e.line, message: e.message });
  else post({ type: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
