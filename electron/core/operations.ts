import type { Api, DatasetEntry, OperationInput, OperationName, OperationOutput, WorkspaceInfo } from '../../shared/contract';
import { parseViewSpec, type ViewSpec } from '../../shared/spec';
import type { CrossTab } from '../../shared/spec';
import { checkWorkspace, openWorkspace, type Db } from './db/open';
import { ImportJobs } from './import/jobs';
import { crossTab, sqlAggregator, subjectsOf } from './query/crosstab';
import { referenceTables } from './reference/tables';
import { workspaceKind } from './workspace';

type Impl = { [K in OperationName]: (input: OperationOutputInput<K>) => OperationOutput<K> | Promise<OperationOutput<K>> };
/** Inputs arrive already parsed by the contract's schema, so defaults are filled in. */
type OperationOutputInput<K extends OperationName> = import('zod').infer<import('../../shared/contract').Operations[K]['input']>;

const KIND_TABLE = { fatalities: 'fatality', deployments: 'deployment', ied: 'ied_incident' } as const;

/** One open workspace and everything the doors can ask of it. */
export class Workspace {
  readonly db: Db;
  readonly jobs: ImportJobs;

  constructor(readonly path: string) {
    this.db = openWorkspace(path);
    this.jobs = new ImportJobs(path, () => undefined);
  }

  close(): void {
    this.db.close();
  }

  datasets(): DatasetEntry[] {
    return (this.db.prepare(`SELECT * FROM dataset ORDER BY id`).all() as (Omit<DatasetEntry, 'synthetic'> & { synthetic: number })[]).map((d) => ({
      ...d,
      synthetic: d.synthetic === 1,
    }));
  }

  info(): WorkspaceInfo {
    const kind = workspaceKind(this.db);
    const count = (table: string) => {
      const exists = this.db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(table);
      return exists ? (this.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number) : 0;
    };
    return {
      path: this.path,
      kind,
      synthetic: kind === 'demo',
      counts: { fatalities: count(KIND_TABLE.fatalities), deployments: count(KIND_TABLE.deployments), ied: count(KIND_TABLE.ied) },
      datasets: this.datasets(),
    };
  }

  crossTab(input: unknown): CrossTab {
    const spec: ViewSpec = parseViewSpec(input);
    const subjects = subjectsOf(spec);
    const sources = this.datasets()
      .filter((d) => subjects.includes(d.kind))
      .map((d) => ({ id: d.id, fileName: d.file_name, sha256: d.sha256, synthetic: d.synthetic }));
    return crossTab(spec, sqlAggregator(this.db), { synthetic: workspaceKind(this.db) === 'demo', sources });
  }
}

export class NotFound extends Error {}

/** Implements every operation of shared/contract.ts over one workspace. */
export function operationsFor(ws: Workspace): Impl {
  return {
    workspaceInfo: () => ws.info(),
    reference: () => referenceTables().tables,
    crossTab: (spec) => ws.crossTab(spec),
    dimensionValues: ({ measure, dimension }) => {
      const t = ws.crossTab({ measure, rows: [dimension] });
      return t.rows.map((r) => ({ key: r.key[0], value: r.total }));
    },
    importStart: ({ fileName, contentBase64, kind }) => ({ jobId: ws.jobs.start(fileName, Buffer.from(contentBase64, 'base64'), kind).id }),
    importStatus: ({ jobId }) => {
      const job = ws.jobs.status(jobId);
      if (!job) throw new NotFound(`no import job ${jobId}`);
      return job;
    },
    importCancel: ({ jobId }) => {
      const job = ws.jobs.cancel(jobId);
      if (!job) throw new NotFound(`no import job ${jobId}`);
      return job;
    },
    rejects: ({ datasetId, limit }) =>
      ws.db.prepare(`SELECT line, field, reason, raw FROM reject WHERE dataset_id = ? ORDER BY line LIMIT ?`).all(datasetId, limit) as OperationOutput<'rejects'>,
    checkWorkspace: () => checkWorkspace(ws.db),
  };
}

export type { Api, OperationInput };
