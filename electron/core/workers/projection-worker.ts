import { workerData, type MessagePort } from 'node:worker_threads';
import { openWorkspace } from '../db/open';
import { readDeploymentMonths } from '../query/columnar/deployment-months';
import { postCounted, type ChannelSignal } from '../threads';
import type { ProjectionHelperData, ProjectionHelperMessage } from '../query/columnar/projection';

const { dbPath, months, capacity, port, signal } = workerData as ProjectionHelperData & { port: MessagePort; signal: ChannelSignal };
const post = (message: ProjectionHelperMessage, transfer: ArrayBuffer[] = []) => postCounted(port, signal, message, transfer);

try {
  const db = openWorkspace(dbPath, { readonly: true });
  try {
    const part = db.transaction(() => readDeploymentMonths(db, months, capacity))();
    post({ type: 'part', part }, [part.comboOf.buffer, part.female.buffer, part.strength.buffer] as ArrayBuffer[]);
  } finally {
    db.close();
  }
} catch (e) {
  post({ type: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
