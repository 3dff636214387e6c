import { MessageChannelMain, utilityProcess } from 'electron';
import { connectCore, electronEndpoint, type CoreConnection, type DoorHandlers } from '../core/transport';

/**
 * The core in an Electron utility process, so better-sqlite3's synchronous calls and the helpers'
 * Atomics.wait never run on the main process, which handles every window's input. The main process
 * keeps one end of a MessageChannelMain; the utility process gets the other and serves the contract
 * on it (electron/core/workers/core-worker.ts, the same host code the tests run in a worker thread).
 */
export function startCoreProcess(entry: string, named: string | undefined, door: DoorHandlers, onStopped: (reason: string) => void): CoreConnection {
  const child = utilityProcess.fork(entry, [], { serviceName: 'Bluehelm core', env: { ...process.env }, stdio: 'inherit' });
  const { port1, port2 } = new MessageChannelMain();
  child.postMessage(null, [port2]);
  const connection = connectCore(electronEndpoint(port1), { named }, door);
  let closing = false;
  child.on('exit', (code: number) => {
    const reason = `Bluehelm's data engine stopped unexpectedly (exit code ${code}).`;
    connection.stopped(reason);
    if (!closing) onStopped(reason);
  });
  return {
    ...connection,
    async close(timeoutMs) {
      closing = true;
      await connection.close(timeoutMs);
      child.kill();
    },
  };
}
