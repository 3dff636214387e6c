import type { DatasetEntry, WorkspaceInfo } from '../../shared/contract';
import { parseViewSpec, type CrossTab, type ViewSpec } from '../../shared/spec';
import { openWorkspace, type Db, type OpenOptions } from './db/open';
import { ImportJobs } from './import/jobs';
import { PackExports } from './packs/jobs';
import { crossTab, sqlAggregator, subjectsOf, type CrossTabContext } from './query/crosstab';
import { ColumnarEngine } from './query/columnar/engine';
import { factRows } from './datasets/counts';
import { lastView } from './views/store';

export type WorkspaceKind = 'empty' | 'real' | 'demo';

/** A workspace is real or a synthetic demo for its whole life; the first import decides which. */
export function workspaceKind(db: Db): WorkspaceKind {
  const row = db.prepare(`SELECT value FROM workspace_meta WHERE key = 'kind'`).pluck().get() as string | undefined;
  if (row === 'demo' || row === 'real') return row;
  const any = db.prepare(`SELECT synthetic FROM dataset LIMIT 1`).pluck().get() as number | undefined;
  if (any === undefined) return 'empty';
  return any === 1 ? 'demo' : 'real';
}

export function isSynthetic(db: Db): boolean {
  return workspaceKind(db) === 'demo';
}


/** While the engine warms up, a view over at most this many fact rows is answered by SQL (a few ms). */
const SQL_WHILE_WARMING = 20_000;

/**
 * When the worker starts in serve mode: once the views answered by SQL have paused this long (the page has
 * drawn the first view by then, and a quick run of filter clicks is still answered by SQL), or this long
 * after listening if no view is asked. Started with the server, the worker (~0.6 s of CPU: its bundle
 * compiled, then the projections read) took one of the two cores from the browser loading and drawing the
 * first view. A view over more rows starts it at once, and so does a start on a kept last view over more rows.
 */
const WARM_WHEN_QUIET_MS = 1000;
const WARM_AFTER_LISTENING_MS = 2000;

/** One open workspace and everything the doors can ask of it. */
export class Workspace {
  readonly db: Db;
  readonly jobs: ImportJobs;
  readonly exports = new PackExports();
  private readonly engine: ColumnarEngine;
  private sqlWhileWarming = false;
  /** The worker's start, planned by warmEngine. */
  private warming: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly path: string,
    options: Pick<OpenOptions, 'create'> = {},
  ) {
    this.db = openWorkspace(path, options);
    this.engine = new ColumnarEngine(path);
    this.jobs = new ImportJobs(path, () => this.refreshEngine());
  }

  close(): void {
    clearTimeout(this.warming);
    void this.engine.close();
    this.db.close();
  }

  /** Closes every connection to the file, the cross-tab worker's included, before the file may be replaced. */
  async closeFully(): Promise<void> {
    clearTimeout(this.warming);
    this.db.close();
    await this.engine.close();
  }

  /**
   * Has the columnar engine read the workspace soon, ahead of the cross-tabs after the first one (serve mode,
   * as it starts listening; when, see WARM_WHEN_QUIET_MS). Until the worker is ready, a view over few
   * rows is answered at once by SQL on this thread: the app's first numbers (the real fatalities file: 4,400
   * rows) need not wait for the worker to start and read the 90,000 deployment rows. Both engines give equal
   * tables (columnar-differential.test.ts, which never warms, so it always compares the worker with SQL).
   */
  warmEngine(): void {
    this.sqlWhileWarming = true;
    // A workspace that reopens on a view SQL does not answer needs the worker for its first numbers: started now.
    const last = lastView(this.db);
    if (last && this.factRows(subjectsOf(last.spec)) > SQL_WHILE_WARMING) this.engine.warm();
    else this.warmIn(WARM_AFTER_LISTENING_MS);
  }

  /** Starts the worker in `ms` (a start planned before is put off). */
  private warmIn(ms: number): void {
    clearTimeout(this.warming);
    this.warming = setTimeout(() => this.engine.warm(), ms);
  }

  /** Whether the columnar engine's worker has read the workspace. */
  get engineReady(): boolean {
    return this.engine.ready;
  }

  /** Tells the columnar engine the workspace changed (an import committed); cross-tabs asked later see the new rows. */
  refreshEngine(): void {
    this.engine.refresh().catch(() => undefined);
  }

  datasets(): DatasetEntry[] {
    const keptFrom = Number(this.db.prepare(`SELECT value FROM workspace_meta WHERE key = 'versions_kept_from'`).pluck().get() ?? 1);
    return (this.db.prepare(`SELECT * FROM dataset ORDER BY id`).all() as (Omit<DatasetEntry, 'synthetic' | 'versions_kept'> & { synthetic: number })[]).map((d) => ({
      ...d,
      synthetic: d.synthetic === 1,
      versions_kept: d.id >= keptFrom,
    }));
  }

  info(): WorkspaceInfo {
    const kind = workspaceKind(this.db);
    const datasets = this.datasets();
    // From the registry, not a COUNT(*) over millions of rows, which would hold up the thread that serves the UI.
    const count = (k: DatasetEntry['kind']) => factRows(this.db, k);
    return {
      path: this.path,
      kind,
      synthetic: kind === 'demo',
      counts: { fatalities: count('fatalities'), deployments: count('deployments'), ied: count('ied') },
      datasets,
    };
  }

  private crossTabContext(spec: ViewSpec): CrossTabContext {
    const subjects = subjectsOf(spec);
    const sources = this.datasets()
      .filter((d) => subjects.includes(d.kind))
      .map((d) => ({ id: d.id, fileName: d.file_name, sha256: d.sha256, synthetic: d.synthetic }));
    return { synthetic: workspaceKind(this.db) === 'demo', sources, subtotals: true };
  }

  /** The reference engine: compiled SQL on this thread (the CLI, and the yardstick of the differential test). */
  crossTab(input: unknown): CrossTab {
    const spec: ViewSpec = parseViewSpec(input);
    return crossTab(spec, sqlAggregator(this.db), this.crossTabContext(spec));
  }

  /** The columnar engine in its worker thread: what the app and serve mode use, so pivoting never blocks them. */
  crossTabAsync(input: unknown): Promise<CrossTab> {
    const spec: ViewSpec = parseViewSpec(input);
    if (this.sqlWhileWarming && !this.engine.ready && this.factRows(subjectsOf(spec)) <= SQL_WHILE_WARMING) {
      // One read transaction, so the several queries of a rate see the same commit (as in the worker).
      const table = this.db.transaction(() => this.crossTab(spec))();
      this.warmIn(WARM_WHEN_QUIET_MS);
      return Promise.resolve(table);
    }
    return this.engine.crossTab(spec, this.crossTabContext(spec));
  }

  /** The fact rows of these subjects, from the registry of imported files (no scan of the tables). */
  private factRows(subjects: readonly DatasetEntry['kind'][]): number {
    return this.datasets()
      .filter((d) => subjects.includes(d.kind))
      .reduce((n, d) => n + d.inserted, 0);
  }
}
