import crypto from 'node:crypto';
import type { ExportFormat, ExportJob } from '../../../shared/pack';
import type { Lang } from '../../../shared/present/lang';
import { NotFound } from '../errors';
import { startWorker } from '../threads';
import type { Workspace } from '../workspace';
import type { PackWorkerData, PackWorkerMessage } from '../workers/pack-worker';
import { buildPack } from './model';
import { EXPORT_MIME, packContext } from './context';
import { getPack } from './store';
import { fileNameFor } from './write';

/** Finished exports kept for their download; older ones are dropped. */
const KEEP = 8;
const BUILD_SHARE = 1 / 3;

interface Entry {
  job: ExportJob;
  cancel: Int32Array;
  bytes: Uint8Array | null;
  finished: Promise<ExportJob>;
}

/**
 * Pack exports started from the app: the slides are computed here (the cross-tabs run in the engine's
 * worker), the file is written in a worker thread, and the app polls progress, cancels, then downloads
 * or saves the bytes.
 */
export class PackExports {
  private readonly jobs = new Map<string, Entry>();

  start(ws: Workspace, packId: number, format: ExportFormat, lang?: Lang): ExportJob {
    const pack = getPack(ws.db, packId);
    const id = crypto.randomUUID();
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    const job: ExportJob = {
      id,
      packId,
      format,
      fileName: fileNameFor(pack.doc.name, format),
      state: 'running',
      progress: 0,
      error: null,
      stale: [],
      size: null,
      synthetic: ws.info().synthetic,
    };
    const entry: Entry = { job, cancel, bytes: null, finished: Promise.resolve(job) };
    entry.finished = this.run(ws, entry, pack.doc, lang);
    this.jobs.set(id, entry);
    for (const old of [...this.jobs.keys()].slice(0, Math.max(0, this.jobs.size - KEEP))) if (this.jobs.get(old)!.job.state !== 'running') this.jobs.delete(old);
    return job;
  }

  private async run(ws: Workspace, entry: Entry, doc: Parameters<typeof buildPack>[0], lang?: Lang): Promise<ExportJob> {
    const { job, cancel } = entry;
    const cancelled = () => Atomics.load(cancel, 0) === 1;
    try {
      const pack = await buildPack(doc, packContext(ws, lang), (done, total) => {
        job.progress = (BUILD_SHARE * done) / total;
        return !cancelled();
      });
      job.stale = pack.stale;
      if (cancelled()) return Object.assign(job, { state: 'cancelled', error: 'export cancelled; nothing was written' });
      const data: PackWorkerData = { pack, task: job.format, cancel };
      const worker = startWorker('pack-worker', { workerData: data });
      await new Promise<void>((resolve) => {
        worker.on('message', (m: PackWorkerMessage) => {
          if (m.type === 'progress') job.progress = BUILD_SHARE + ((1 - BUILD_SHARE) * m.done) / Math.max(1, m.total);
          if (m.type === 'done') {
            entry.bytes = m.bytes;
            Object.assign(job, { state: 'done', progress: 1, size: m.bytes.length });
          }
          if (m.type === 'failed') Object.assign(job, { state: 'failed', error: m.error });
          if (m.type === 'cancelled') Object.assign(job, { state: 'cancelled', error: 'export cancelled; nothing was written' });
        });
        worker.on('error', (e) => Object.assign(job, { state: 'failed', error: e.message }));
        worker.on('exit', () => {
          if (job.state === 'running') Object.assign(job, { state: 'failed', error: 'the export stopped unexpectedly; nothing was written' });
          resolve();
        });
      });
    } catch (e) {
      Object.assign(job, { state: cancelled() ? 'cancelled' : 'failed', error: e instanceof Error ? e.message : String(e) });
    }
    return job;
  }

  status(id: string): ExportJob {
    const entry = this.jobs.get(id);
    if (!entry) throw new NotFound(`no export ${id}`);
    return entry.job;
  }

  cancel(id: string): ExportJob {
    const entry = this.jobs.get(id);
    if (!entry) throw new NotFound(`no export ${id}`);
    if (entry.job.state === 'running') Atomics.store(entry.cancel, 0, 1);
    return entry.job;
  }

  wait(id: string): Promise<ExportJob> {
    const entry = this.jobs.get(id);
    if (!entry) throw new NotFound(`no export ${id}`);
    return entry.finished;
  }

  /** The finished file: its bytes, name and media type (for a download or a save). */
  file(id: string): { bytes: Uint8Array; fileName: string; mime: string } {
    const entry = this.jobs.get(id);
    if (!entry || entry.job.state !== 'done' || !entry.bytes) throw new NotFound(`no finished export ${id}`);
    return { bytes: entry.bytes, fileName: entry.job.fileName, mime: EXPORT_MIME[entry.job.format] };
  }
}
