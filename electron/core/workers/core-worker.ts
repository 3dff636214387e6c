import os from 'node:os';
import { workerData, type MessagePort } from 'node:worker_threads';
import { dispatch } from '../dispatch';
import { operationsFor } from '../operations';
import { openSession, startupWorkspace } from '../session';
import { electronEndpoint, nodeEndpoint, serveCore, type CoreOpen, type MessagePortMainLike, type OpenedCore } from '../transport';
import type { DoorCapabilities } from '../operations';

/**
 * The core host: the session, the engines and the imports, away from the thread that serves the UI.
 * Two hosts run this same file: an Electron utility process (the desktop app; its port arrives on
 * process.parentPort) and a Node worker thread (tests; its port arrives in workerData).
 */

// The core gives way to the window: below normal priority, for the utility process on Windows and
// macOS, and on Linux for this thread and every helper thread it starts (they inherit it), so an
// import or a projection build never takes a core from the thread that answers the analyst.
try {
  os.setPriority(0, os.constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // Not permitted here (some sandboxes): normal priority still works, only less politely.
}

export interface CoreWorkerData {
  port: MessagePort;
}

async function openCore(request: CoreOpen, door: DoorCapabilities): Promise<OpenedCore> {
  // A damaged workspace with a backup is offered back where the caller can ask (the app's dialog).
  const session = await openSession(startupWorkspace(request.named).path, (problem, backup) => door.offerRestore?.(problem, backup.takenAt) ?? Promise.resolve(false));
  const ops = operationsFor(session, door);
  return {
    // dispatch is the contract's one boundary: the name, the input's schema, errors as { code, message }.
    async call(name, input) {
      const r = await dispatch(ops, name, input);
      return r.ok ? { ok: true, value: r.value } : { ok: false, error: r.error };
    },
    close: () => session.close(),
  };
}

interface UtilityParentPort {
  once(event: 'message', listener: (event: { data: unknown; ports: MessagePortMainLike[] }) => void): unknown;
}

const utilityParent = (process as NodeJS.Process & { parentPort?: UtilityParentPort }).parentPort;
if (utilityParent) {
  // The utility process lives for the core alone: once the caller has closed it, it ends.
  utilityParent.once('message', (e) => serveCore(electronEndpoint(e.ports[0]), openCore, () => process.exit(0)));
} else {
  serveCore(nodeEndpoint((workerData as CoreWorkerData).port), openCore);
}
