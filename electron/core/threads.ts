import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort, type Transferable, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a core worker. From TypeScript sources (CLI, server, tests) the worker is loaded through
 * tsx; in the Electron bundle it is a sibling .mjs file the build wrote next to main.
 */
export function startWorker(name: string, options: WorkerOptions): Worker {
  if (process.env.BLUEHELM_BUNDLED === '1') {
    // A worker inherits the process's flags, and --input-type (a process started from `node -e`) stops it loading a file.
    const execArgv = process.execArgv.filter((a) => !a.startsWith('--input-type'));
    return new Worker(new URL(`./${name}.mjs`, import.meta.url), { execArgv, ...options });
  }
  // Node 20 ignores `--import tsx` in a worker's execArgv for its entry module, so the worker registers tsx itself first.
  const entry = new URL(`./workers/${name}.ts`, import.meta.url).href;
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { ...options, eval: true });
}

/**
 * Whether this thread may block in Atomics.wait: Node's threads may, a browser's main thread may not
 * (where a host forbids it, work meant for a helper thread is done here instead).
 */
export function canBlockHere(): boolean {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}

/** [0]: messages posted to the channel; the rest is the caller's (the CSV reader paces itself on [1]). */
export type ChannelSignal = Int32Array;

/** Posts a message on a blocking channel's far end and counts it, waking the thread waiting on the count. */
export function postCounted(port: MessagePort, signal: ChannelSignal, message: unknown, transfer: Transferable[] = []): void {
  port.postMessage(message, transfer as never);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

/**
 * A channel from a worker that this thread can wait on synchronously: for work that runs inside one
 * SQLite transaction on this thread while a worker helps. The worker gets `remote` and `signal` and
 * posts with postCounted.
 */
export class BlockingChannel {
  readonly signal: ChannelSignal;
  private readonly port: MessagePort;
  readonly remote: MessagePort;

  constructor(slots = 1) {
    this.signal = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, slots)));
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.remote = port2;
  }

  /**
   * The next message, waiting for it. A worker silent for `silentMs` is taken for dead (a worker that
   * cannot load never says so to a thread that is blocked).
   */
  receive<T>(silentMs: number, what: string): T {
    for (;;) {
      const posted = Atomics.load(this.signal, 0);
      const m = receiveMessageOnPort(this.port);
      if (m) return m.message as T;
      if (Atomics.wait(this.signal, 0, posted, silentMs) === 'timed-out') throw new Error(`${what} stopped answering`);
    }
  }

  close(): void {
    this.port.close();
  }
}
