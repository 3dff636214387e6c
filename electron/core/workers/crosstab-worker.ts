import { parentPort, workerData } from 'node:worker_threads';
import { SpecError, type CrossTab, type ViewSpec } from '../../../shared/spec';
import { openWorkspace } from '../db/open';
import { crossTab, sqlAggregator, type CrossTabContext } from '../query/crosstab';
import { ColumnarQueries } from '../query/columnar/aggregate';
import { buildProjections, projectionBytes } from '../query/columnar/projection';
import { REMOVALS_KEY } from '../datasets/counts';

export interface CrossTabWorkerData {
  dbPath: string;
}

export type CrossTabRequest =
  | { type: 'crossTab'; id: number; spec: ViewSpec; context: CrossTabContext }
  | { type: 'refresh'; id: number };

export type CrossTabReply =
  | { type: 'crossTab'; id: number; table: CrossTab }
  | { type: 'refreshed'; id: number; buildMs: number; bytes: number; rows: number }
  /** Sent once, unasked, when the projections of the worker's start are read (id 0: no request's answer). */
  | { type: 'ready'; id: 0 }
  | { type: 'failed'; id: number; error: string; refusedSpec?: boolean };

const { dbPath } = workerData as CrossTabWorkerData;
const db = openWorkspace(dbPath, { readonly: true });
const dataVersion = () => db.pragma('data_version', { simple: true }) as number;
/**
 * What the projections are read from, in one value: facts change only through an import, which
 * registers its file in dataset, or a removal, which counts itself (a file removed and imported again
 * leaves the registry's count and largest id as they were); host countries and regions change only
 * with the reference tables. A commit that leaves this as it was (a pack saved, a setting) changes no number.
 */
const factsPrint = db.prepare(
  `SELECT (SELECT count(*) || ':' || coalesce(max(id), 0) FROM dataset) || ':' || coalesce((SELECT value FROM workspace_meta WHERE key = 'reference_hash'), '')
     || ':' || coalesce((SELECT value FROM workspace_meta WHERE key = '${REMOVALS_KEY}'), '0')`,
).pluck();

// The projections answer only while the workspace is as it was when they were read. PRAGMA
// data_version changes on this connection whenever any other connection commits (this process's
// importer, the CLI, another app): then, unless what the facts are read from is unchanged, a
// cross-tab is answered by SQL, which reads the file as it is now, and the projections are read
// again once the answer is sent.
let queries: ColumnarQueries | null = null;
let builtAt = -1;
let builtFrom = '';
let buildError: string | null = null;
let rebuildQueued = false;

function build(): Omit<Extract<CrossTabReply, { type: 'refreshed' }>, 'type' | 'id'> {
  const started = performance.now();
  queries = null;
  const version = dataVersion();
  const print = factsPrint.get() as string;
  const projections = buildProjections(db);
  queries = new ColumnarQueries(projections);
  builtAt = version;
  builtFrom = print;
  buildError = null;
  const all = Object.values(projections);
  return { buildMs: performance.now() - started, bytes: all.reduce((n, p) => n + projectionBytes(p), 0), rows: all.reduce((n, p) => n + p.rows, 0) };
}

// A failed build is remembered instead of ending the worker (an uncaught error crosses to the main
// thread as a bare { code } object, without its message); cross-tabs then go to SQL.
function tryBuild(): void {
  try {
    build();
  } catch (e) {
    buildError = e instanceof Error ? e.message : String(e);
  }
}

function queueRebuild(): void {
  if (rebuildQueued) return;
  rebuildQueued = true;
  setImmediate(() => {
    rebuildQueued = false;
    tryBuild();
  });
}

/** Whether the projections still hold what the file holds (a cheap check first, then what the facts are read from). */
function current(): boolean {
  if (!queries) return false;
  const version = dataVersion();
  if (version === builtAt) return true;
  if (factsPrint.get() !== builtFrom) return false;
  builtAt = version;
  return true;
}

function answer(m: Extract<CrossTabRequest, { type: 'crossTab' }>): CrossTab {
  if (current()) return crossTab(m.spec, queries!.aggregator(), m.context);
  queueRebuild();
  try {
    // One read transaction, so the several queries of a rate see the same commit.
    return db.transaction(() => crossTab(m.spec, sqlAggregator(db), m.context))();
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(`the cross-tab engine could not read the workspace: ${buildError ?? why}`);
  }
}

tryBuild();
parentPort!.postMessage({ type: 'ready', id: 0 } satisfies CrossTabReply);

parentPort!.on('message', (m: CrossTabRequest) => {
  try {
    const reply: CrossTabReply = m.type === 'refresh' ? { type: 'refreshed', id: m.id, ...build() } : { type: 'crossTab', id: m.id, table: answer(m) };
    parentPort!.postMessage(reply);
  } catch (e) {
    // A refused spec (an unknown filter value) stays a refusal across the thread: the doors answer it as bad input.
    parentPort!.postMessage({ type: 'failed', id: m.id, error: e instanceof Error ? e.message : String(e), refusedSpec: e instanceof SpecError } satisfies CrossTabReply);
  }
});
