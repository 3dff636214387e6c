import { MessageChannel } from 'node:worker_threads';
import { startWorker } from './threads';
import { connectCore, nodeEndpoint, type CoreConnection, type CoreOpen, type DoorHandlers } from './transport';
import type { CoreWorkerData } from './workers/core-worker';

/**
 * The core in a Node worker thread, reached through the same transport as the desktop app's utility
 * process (electron/main/core-process.ts): what a Node caller uses to keep its own thread free.
 */
export function startCoreThread(open: Omit<CoreOpen, 'doors'> = {}, door: DoorHandlers = {}): CoreConnection & { terminate(): Promise<void> } {
  const { port1, port2 } = new MessageChannel();
  const worker = startWorker('core-worker', { workerData: { port: port2 } satisfies CoreWorkerData, transferList: [port2] });
  const connection = connectCore(nodeEndpoint(port1), open, door);
  worker.on('error', (e) => connection.stopped(`the Bluehelm core stopped: ${e.message}`));
  worker.on('exit', (code) => connection.stopped(`the Bluehelm core stopped (exit code ${code})`));
  return {
    ...connection,
    async terminate() {
      await connection.close();
      await worker.terminate();
    },
  };
}
