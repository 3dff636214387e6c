import crypto from 'node:crypto';
import type { ImportJob } from '../../../shared/contract';
import { startWorker } from '../threads';
import type { ImportWorkerData, ImportWorkerMessage } from '../workers/import-worker';

interface Running {
  job: ImportJob;
  cancel: Int32Array;
  finished: Promise<ImportJob>;
}

/**
 * Imports started from the UI: each runs in a worker thread with its own connection, so the
 * thread serving the UI never blocks, and reports progress the UI polls.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, Running>();

  constructor(
    private readonly dbPath: string,
    private readonly onImported: () => void,
  ) {}

  /** `replaces` names a dataset the file takes the place of (see replaceDataset). */
  start(fileName: string, bytes: Uint8Array, kind: ImportWorkerData['kind'], replaces: number | null = null): ImportJob {
    const id = crypto.randomUUID();
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    const job: ImportJob = { id, fileName, state: 'running', doneBytes: 0, totalBytes: bytes.length, result: null, error: null, refusal: null, replaces };
    const data: ImportWorkerData = { dbPath: this.dbPath, fileName, bytes, kind, replaces, cancel };
    const worker = startWorker('import-worker', { workerData: data });
    const finished = new Promise<ImportJob>((resolve) => {
      const settle = () => {
        if (job.state === 'done') this.onImported();
        resolve(job);
      };
      worker.on('message', (m: ImportWorkerMessage) => {
        if (m.type === 'progress') Object.assign(job, { doneBytes: m.doneBytes, totalBytes: m.totalBytes });
        if (m.type === 'done') Object.assign(job, { state: 'done', result: m.result, doneBytes: job.totalBytes });
        if (m.type === 'failed') Object.assign(job, { state: 'failed', error: m.error, refusal: m.refusal });
        if (m.type === 'cancelled') Object.assign(job, { state: 'cancelled', error: 'cancelled; nothing was written' });
      });
      worker.on('error', (e) => Object.assign(job, { state: 'failed', error: e.message }));
      worker.on('exit', () => {
        if (job.state === 'running') Object.assign(job, { state: 'failed', error: 'the import stopped unexpectedly; nothing was written' });
        settle();
      });
    });
    this.jobs.set(id, { job, cancel, finished });
    return job;
  }

  /** Whether an import is still writing. */
  running(): boolean {
    return [...this.jobs.values()].some((r) => r.job.state === 'running');
  }

  status(id: string): ImportJob | undefined {
    return this.jobs.get(id)?.job;
  }

  cancel(id: string): ImportJob | undefined {
    const running = this.jobs.get(id);
    if (running && running.job.state === 'running') Atomics.store(running.cancel, 0, 1);
    return running?.job;
  }

  wait(id: string): Promise<ImportJob> | undefined {
    return this.jobs.get(id)?.finished;
  }
}
