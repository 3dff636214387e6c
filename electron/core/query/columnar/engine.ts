import type { Worker } from 'node:worker_threads';
import { SpecError, type CrossTab, type ViewSpec } from '../../../../shared/spec';
import { startWorker } from '../../threads';
import type { CrossTabReply, CrossTabRequest, CrossTabWorkerData } from '../../workers/crosstab-worker';
import type { CrossTabContext } from '../crosstab';

type Request = CrossTabRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * The columnar cross-tab engine, seen from the thread that serves the UI: the projections live in a
 * worker thread, so a cross-tab over millions of rows never blocks a click.
 */
export class ColumnarEngine {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: CrossTabReply) => void; reject: (e: Error) => void }>();
  private readonly inFlight = new Set<Promise<unknown>>();
  /** The worker has read the workspace once (it does so as it starts, before answering anything). */
  ready = false;

  constructor(private readonly dbPath: string) {}

  crossTab(spec: ViewSpec, context: CrossTabContext): Promise<CrossTab> {
    return this.ask({ type: 'crossTab', spec, context }).then((r) => (r as Extract<CrossTabReply, { type: 'crossTab' }>).table);
  }

  /**
   * Starts the worker, which reads the projections as it starts, so the first cross-tab a page asks for
   * finds them built instead of waiting for the read (serve mode calls it soon after it listens: Workspace.warmEngine).
   */
  warm(): void {
    if (!this.worker) this.start();
  }

  /** Rebuilds the projections from the workspace (after an import); later cross-tabs wait for it. Before the first cross-tab there is nothing to rebuild. */
  async refresh(): Promise<void> {
    if (this.worker) await this.ask({ type: 'refresh' });
  }

  /**
   * Stops the worker once the cross-tabs already asked have been answered: a page switching
   * workspace may still be waiting for one, and it should get its answer, not a stopped engine.
   */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (!w) return;
    await Promise.allSettled([...this.inFlight]);
    await w.terminate();
  }

  private ask(request: Request): Promise<CrossTabReply> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    const answered = new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } as CrossTabRequest);
    });
    this.inFlight.add(answered);
    const settled = () => this.inFlight.delete(answered);
    answered.then(settled, settled);
    return answered.then((r) => {
      const reply = r as CrossTabReply;
      if (reply.type === 'failed') throw reply.refusedSpec ? new SpecError(reply.error) : new Error(reply.error);
      return reply;
    });
  }

  private start(): Worker {
    const worker = startWorker('crosstab-worker', { workerData: { dbPath: this.dbPath } satisfies CrossTabWorkerData });
    worker.on('message', (reply: CrossTabReply) => {
      if (reply.type === 'ready') {
        this.ready = true;
        return;
      }
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      waiting?.resolve(reply);
    });
    const failAll = (error: Error) => {
      if (this.worker === worker) {
        this.worker = undefined;
        this.ready = false;
      }
      for (const w of this.pending.values()) w.reject(error);
      this.pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`the cross-tab engine stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
