import type { MessagePort, Worker } from 'node:worker_threads';
import { BlockingChannel, startWorker } from '../threads';
import { CsvSyntaxError } from './csv';
import { LAYOUTS } from './layouts';
import { ImportRefused, type RecordSink, type RecordTotals } from './records';
import { RowDecoder, type RowBatch } from './row-codec';
import type { RejectReason } from '../../../shared/rejects';
import type { Kind } from './types';

export interface CsvReaderData {
  file: string;
  kind: Kind | 'auto' | undefined;
  source: { path: string } | { bytes: Uint8Array };
  /** [0]: messages posted by the reader; [1]: row batches taken by the importing thread. */
  signal: Int32Array;
  port: MessagePort;
  batchRows: number;
  /** Row batches the reader may be ahead of the importing thread. */
  ahead: number;
}

export type CsvReaderMessage =
  | { type: 'layout'; name: string; header: string[] }
  | { type: 'rows'; batch: RowBatch; rejects: { line: number; field: string; reason: RejectReason; raw: string }[]; doneBytes: number; totalBytes: number }
  | { type: 'end'; totals: RecordTotals; hasLayout: boolean }
  | { type: 'refused'; line: number | null; field: string | null; reason: string }
  | { type: 'csv-error'; line: number; message: string }
  | { type: 'failed'; message: string };

const BATCH_ROWS = 8192;
const AHEAD = 16;
const SILENT_MS = 60_000;

/**
 * A CSV file read and judged in a worker thread while this thread writes: the two halves of an import
 * run side by side on two cores. Synchronous on this side on purpose (the import is one SQLite
 * transaction on this thread): it blocks on a shared counter until the reader's next message is there.
 */
export class CsvReader {
  private readonly worker: Worker;
  private readonly channel = new BlockingChannel(2);

  constructor(
    private readonly file: string,
    kind: Kind | 'auto' | undefined,
    source: { path: string } | { bytes: Uint8Array },
  ) {
    const { remote, signal } = this.channel;
    const data: CsvReaderData = { file, kind, source, signal, port: remote, batchRows: BATCH_ROWS, ahead: AHEAD };
    this.worker = startWorker('csv-worker', { workerData: data, transferList: [remote] });
    this.worker.unref();
  }

  private next(): CsvReaderMessage {
    return this.channel.receive<CsvReaderMessage>(SILENT_MS, `${this.file}: the CSV reader thread`);
  }

  /**
   * Hands every row and reject to the sink in file order, as the reader sends them; returns what the
   * reader counted. Throws what reading the file in this thread would have thrown.
   */
  drain(sink: RecordSink, onBatch: (doneBytes: number, totalBytes: number) => void): RecordTotals & { hasLayout: boolean } {
    const decoder = new RowDecoder();
    for (;;) {
      const m = this.next();
      switch (m.type) {
        case 'layout':
          sink.layout(LAYOUTS.find((l) => l.name === m.name)!, m.header);
          break;
        case 'rows':
          decoder.decode(m.batch, sink.row);
          for (const r of m.rejects) sink.reject(r.line, r.field, r.reason, r.raw);
          Atomics.add(this.channel.signal, 1, 1);
          Atomics.notify(this.channel.signal, 1);
          onBatch(m.doneBytes, m.totalBytes);
          break;
        case 'end':
          return { ...m.totals, hasLayout: m.hasLayout };
        case 'refused':
          throw new ImportRefused(this.file, m.line, m.field, m.reason);
        case 'csv-error':
          throw new CsvSyntaxError(m.message, m.line);
        case 'failed':
          throw new Error(`${this.file}: the CSV reader failed: ${m.message}`);
      }
    }
  }

  stop(): void {
    this.channel.close();
    void this.worker.terminate();
  }
}
