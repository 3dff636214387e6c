import { parentPort, workerData } from 'node:worker_threads';
import { SpecError, type CrossTab, type ViewSpec } from '../../../shared/spec';
import { openWorkspace } from '../db/open';
import { crossTab } from '../query/crosstab';
import { ColumnarQueries } from '../query/columnar/aggregate';
import { buildProjections, projectionBytes, type Projections } from '../query/columnar/projection';

export interface CrossTabWorkerData {
  dbPath: string;
}

export type CrossTabRequest =
  | { type: 'crossTab'; id: number; spec: ViewSpec; context: { synthetic: boolean; sources: CrossTab['sources'] } }
  | { type: 'refresh'; id: number };

export type CrossTabReply =
  | { type: 'crossTab'; id: number; table: CrossTab }
  | { type: 'refreshed'; id: number; buildMs: number; bytes: number; rows: number }
  | { type: 'failed'; id: number; error: string; refusedSpec?: boolean };

const { dbPath } = workerData as CrossTabWorkerData;
const db = openWorkspace(dbPath, { readonly: true });
let projections: Projections;
let queries: ColumnarQueries;

function build(): Omit<Extract<CrossTabReply, { type: 'refreshed' }>, 'type' | 'id'> {
  const started = performance.now();
  projections = buildProjections(db);
  queries = new ColumnarQueries(projections);
  const all = Object.values(projections);
  return { buildMs: performance.now() - started, bytes: all.reduce((n, p) => n + projectionBytes(p), 0), rows: all.reduce((n, p) => n + p.rows, 0) };
}

// A failed first build is answered to every request with its message, instead of ending the worker
// (an uncaught error crosses to the main thread as a bare { code } object, without its message).
let buildError: string | null = null;
try {
  build();
} catch (e) {
  buildError = e instanceof Error ? e.message : String(e);
}

parentPort!.on('message', (m: CrossTabRequest) => {
  try {
    if (m.type === 'refresh') buildError = null;
    if (buildError !== null) throw new Error(`the cross-tab engine could not read the workspace: ${buildError}`);
    const reply: CrossTabReply =
      m.type === 'refresh' ? { type: 'refreshed', id: m.id, ...build() } : { type: 'crossTab', id: m.id, table: crossTab(m.spec, queries.aggregator(), m.context) };
    parentPort!.postMessage(reply);
  } catch (e) {
    // A refused spec (an unknown filter value) stays a refusal across the thread: the doors answer it as bad input.
    parentPort!.postMessage({ type: 'failed', id: m.id, error: e instanceof Error ? e.message : String(e), refusedSpec: e instanceof SpecError } satisfies CrossTabReply);
  }
});
