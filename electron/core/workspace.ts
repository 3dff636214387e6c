import type { DatasetEntry, WorkspaceInfo } from '../../shared/contract';
import { parseViewSpec, type CrossTab, type ViewSpec } from '../../shared/spec';
import { openWorkspace, type Db, type OpenOptions } from './db/open';
import { ImportJobs } from './import/jobs';
import { PackExports } from './packs/jobs';
import { crossTab, sqlAggregator, subjectsOf } from './query/crosstab';
import { ColumnarEngine } from './query/columnar/engine';

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


/** One open workspace and everything the doors can ask of it. */
export class Workspace {
  readonly db: Db;
  readonly jobs: ImportJobs;
  readonly exports = new PackExports();
  private readonly engine: ColumnarEngine;

  constructor(
    readonly path: string,
    options: Pick<OpenOptions, 'create'> = {},
  ) {
    this.db = openWorkspace(path, options);
    this.engine = new ColumnarEngine(path);
    this.jobs = new ImportJobs(path, () => this.refreshEngine());
  }

  close(): void {
    void this.engine.close();
    this.db.close();
  }

  /** Closes every connection to the file, the cross-tab worker's included, before the file may be replaced. */
  async closeFully(): Promise<void> {
    this.db.close();
    await this.engine.close();
  }

  /** Has the columnar engine read the workspace now, ahead of the first cross-tab. */
  warmEngine(): void {
    this.engine.warm();
  }

  /** Tells the columnar engine the workspace changed (an import committed); cross-tabs asked later see the new rows. */
  refreshEngine(): void {
    this.engine.refresh().catch(() => undefined);
  }

  datasets(): DatasetEntry[] {
    return (this.db.prepare(`SELECT * FROM dataset ORDER BY id`).all() as (Omit<DatasetEntry, 'synthetic'> & { synthetic: number })[]).map((d) => ({
      ...d,
      synthetic: d.synthetic === 1,
    }));
  }

  info(): WorkspaceInfo {
    const kind = workspaceKind(this.db);
    const datasets = this.datasets();
    // Fact rows are inserted or updated, never deleted, so the registry's inserted counts are the row
    // counts; a COUNT(*) over millions of rows would hold up the thread that serves the UI.
    const count = (k: DatasetEntry['kind']) => datasets.filter((d) => d.kind === k).reduce((n, d) => n + d.inserted, 0);
    return {
      path: this.path,
      kind,
      synthetic: kind === 'demo',
      counts: { fatalities: count('fatalities'), deployments: count('deployments'), ied: count('ied') },
      datasets,
    };
  }

  private crossTabContext(spec: ViewSpec): { synthetic: boolean; sources: CrossTab['sources'] } {
    const subjects = subjectsOf(spec);
    const sources = this.datasets()
      .filter((d) => subjects.includes(d.kind))
      .map((d) => ({ id: d.id, fileName: d.file_name, sha256: d.sha256, synthetic: d.synthetic }));
    return { synthetic: workspaceKind(this.db) === 'demo', sources };
  }

  /** The reference engine: compiled SQL on this thread (the CLI, and the yardstick of the differential test). */
  crossTab(input: unknown): CrossTab {
    const spec: ViewSpec = parseViewSpec(input);
    return crossTab(spec, sqlAggregator(this.db), this.crossTabContext(spec));
  }

  /** The columnar engine in its worker thread: what the app and serve mode use, so pivoting never blocks them. */
  crossTabAsync(input: unknown): Promise<CrossTab> {
    const spec: ViewSpec = parseViewSpec(input);
    return this.engine.crossTab(spec, this.crossTabContext(spec));
  }
}
