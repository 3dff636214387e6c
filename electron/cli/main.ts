import { parseArgs, type ParseArgsConfig } from 'node:util';
import path from 'node:path';
import { SpecError, parseViewSpec, type ViewSpec, type ViewSpecInput } from '../../shared/spec';
import { sourceRows } from '../core/query/drill';
import { checkWorkspace, openWorkspace, verifyWorkspaceFile } from '../core/db/open';
import { listBackups, restoreBackup, RestoreRefused } from '../core/db/backup';
import { WorkspaceDamaged, workspaceProblem } from '../core/db/errors';
import { defaultDbPath } from '../core/paths';
import { importFile, ImportRefused, replaceDataset } from '../core/import/run';
import { removeDataset } from '../core/datasets/remove';
import { Workspace } from '../core/operations';
import { crossTabCsv, crossTabTable, reconciliationCsv, reconciliationTable, sourceRowsText, SYNTHETIC_BANNER } from './format';
import { reconcile } from '../core/reconcile/reconcile';
import { serve } from '../server/serve';
import { PACK_USAGE, packCommand, PackUsageError } from './pack';
import { VIEWS_USAGE, viewsCommand, ViewsUsageError } from './views';
import { PackInvalid } from '../core/packs/store';
import { OutputRefused } from '../core/packs/write';
import { NotFound } from '../core/errors';
import { demoWorkspacePath, startupWorkspace } from '../core/session';
import { rejectText } from '../../shared/rejects';
import { writeDemoWorkspace } from '../core/demo/workspace';

export const USAGE = `Usage: bluehelm <command> [options]

Commands:
  import <file>... [--kind auto|fatalities|deployments|ied] [--json] [--progress]
  crosstab --measure M [--rows d1,d2] [--cols d] [--where dim=v1|v2]... [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format table|csv|json] [--ci]
                                    --ci: beside each fatality_rate value, its exact Poisson 95 % interval
  sources --measure M [--rows …] [--cols d] [--where …] --row k1,k2 [--col k] [--limit N] [--format table|csv|json]
                                    the source file lines behind one cell (omit --row/--col for totals)
  datasets [--json]
  dataset remove ID [--json]        take a file out (ID as listed by datasets; a backup is taken first)
  dataset replace ID FILE [--json] [--progress]
                                    import FILE in place of dataset ID, all or nothing
  db check | db backups | db restore BACKUP
                                    soundness; the backups kept beside the workspace; bring one back
  reconcile [--format table|csv|json]   every published UN figure recomputed from the workspace
  demo [--db PATH]                  write the SYNTHETIC demo workspace (default: the per-user demo file)
${PACK_USAGE}
${VIEWS_USAGE}
  serve [--port N]                  the app in a browser: http://127.0.0.1 with a per-run token

Every command takes --db PATH (default: $BLUEHELM_DB, else workspace.sqlite in the per-user app-data folder;
serve with neither opens the synthetic demo workspace on a first start).
Exit codes: 0 done, 1 refused input, 2 usage.`;

class UsageError extends Error {}

const out = (s: string) => process.stdout.write(s);
const err = (s: string) => process.stderr.write(s);

type Values = Record<string, string | boolean | string[] | undefined>;


/** `--progress`: a line "progress FILE N%" on stderr each time the whole percentage changes. */
function progressLines(file: string): (done: number, total: number) => void {
  let lastPct = -1;
  return (done, total) => {
    const pct = total ? Math.floor((100 * done) / total) : 100;
    if (pct !== lastPct) err(`progress ${file} ${pct}%\n`);
    lastPct = pct;
  };
}

function args(argv: string[], options: ParseArgsConfig['options']): { values: Values; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: argv, options: { db: { type: 'string' }, ...options }, allowPositionals: true, strict: true });
    return { values: parsed.values as Values, positionals: parsed.positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function dbPath(v: unknown): string {
  return typeof v === 'string' && v !== '' ? v : defaultDbPath();
}

function importCommand(argv: string[]): number {
  const { values, positionals } = args(argv, { kind: { type: 'string', default: 'auto' }, json: { type: 'boolean' }, progress: { type: 'boolean' } });
  if (positionals.length === 0) throw new UsageError('import needs at least one file');
  const kind = values.kind as string;
  if (!['auto', 'fatalities', 'deployments', 'ied'].includes(kind)) throw new UsageError(`--kind must be auto, fatalities, deployments or ied (got "${kind}")`);
  const db = openWorkspace(dbPath(values.db));
  try {
    for (const file of positionals) {
      const result = importFile(db, { path: path.resolve(file) }, { kind: kind as 'auto', onProgress: values.progress ? progressLines(file) : undefined });
      if (values.json) {
        const { kind: k, file: _f, sha256, rows_read, inserted, updated, unchanged, rejected, matched_by_name } = result;
        out(JSON.stringify({ kind: k, file, sha256, rows_read, inserted, updated, unchanged, rejected, matched_by_name, already_imported: result.already_imported, rejects: result.rejects.map((r) => ({ ...r, text: rejectText(r.reason, 'en', r.line) })), changes: result.changes }) + '\n');
      } else {
        out(
          `${file}: ${result.kind} (${result.layout}) — ${result.rows_read} rows read, ${result.inserted} inserted, ${result.updated} updated, ${result.unchanged} unchanged, ${result.rejected} rejected${result.matched_by_name ? `, matched by name: ${result.matched_by_name} rows` : ''}${result.already_imported ? ' (already imported: nothing changed)' : ''}\n`,
        );
        for (const c of result.changes.slice(0, 20)) out(`  updated ${c.key}: ${c.fields.join(', ')}\n`);
      }
      for (const r of result.rejects.slice(0, 20)) err(`${file}:${r.line}: ${r.field}: ${rejectText(r.reason, 'en', r.line)}\n`);
      if (result.rejected > 20) err(`${file}: … ${result.rejected - 20} more rejected rows (see the rejects table)\n`);
    }
  } finally {
    db.close();
  }
  return 0;
}

function parseWhere(items: string[]): Record<string, string[]> {
  const where: Record<string, string[]> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--where takes dim=value1|value2 (got "${item}")`);
    const dim = item.slice(0, eq).trim();
    where[dim] = [...(where[dim] ?? []), ...item.slice(eq + 1).split('|').map((v) => v.trim())];
  }
  return where;
}

const VIEW_OPTIONS: ParseArgsConfig['options'] = {
  measure: { type: 'string' },
  rows: { type: 'string' },
  cols: { type: 'string' },
  where: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  format: { type: 'string', default: 'table' },
  ci: { type: 'boolean', default: false },
};

/** The view spec the crosstab and sources commands share, from --measure, --rows, --cols, --where, --from, --to. */
function viewSpecFrom(values: Values, command: string): ViewSpec {
  if (!values.measure) throw new UsageError(`${command} needs --measure`);
  return parseViewSpec({
    measure: values.measure as ViewSpecInput['measure'],
    rows: values.rows ? ((values.rows as string).split(',').map((s) => s.trim()).filter(Boolean) as ViewSpecInput['rows']) : [],
    cols: (values.cols as ViewSpecInput['cols']) || undefined,
    where: parseWhere((values.where as string[] | undefined) ?? []),
    from: values.from as string | undefined,
    to: values.to as string | undefined,
  });
}

function formatOf(values: Values, allowed: string[]): string {
  const format = values.format as string;
  if (!allowed.includes(format)) throw new UsageError(`--format must be ${allowed.join(', ')} (got "${format}")`);
  return format;
}

/**
 * The one way a command opens the workspace named by --db (never creating a file for a command that
 * only reads) and closes it, whatever the command does with it.
 */
function withWorkspace<T>(values: Values, use: (ws: Workspace) => T): T {
  const ws = new Workspace(dbPath(values.db), { create: false });
  let result: T;
  try {
    result = use(ws);
  } catch (e) {
    ws.close();
    throw e;
  }
  if (result instanceof Promise) return result.finally(() => ws.close()) as T;
  ws.close();
  return result;
}

function crosstabCommand(argv: string[]): number {
  const { values } = args(argv, VIEW_OPTIONS);
  const format = formatOf(values, ['table', 'csv', 'json']);
  const spec = viewSpecFrom(values, 'crosstab');
  const t = withWorkspace(values, (ws) => ws.crossTab(spec));
  if (format === 'table') out(crossTabTable(t, values.ci as boolean));
  else {
    if (t.synthetic) err(SYNTHETIC_BANNER + '\n');
    out(format === 'csv' ? crossTabCsv(t, values.ci as boolean) : JSON.stringify(t) + '\n');
  }
  return 0;
}

function sourcesCommand(argv: string[]): number {
  const { values } = args(argv, { ...VIEW_OPTIONS, row: { type: 'string' }, col: { type: 'string' }, limit: { type: 'string', default: '200' } });
  const format = formatOf(values, ['table', 'csv', 'json']);
  const spec = viewSpecFrom(values, 'sources');
  const rowKey = values.row ? (values.row as string).split(',').map((s) => s.trim()) : [];
  if (rowKey.length > spec.rows.length) throw new UsageError(`--row has ${rowKey.length} values; --rows names ${spec.rows.length} dimensions`);
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a whole number (got "${values.limit}")`);
  const { parts, synthetic } = withWorkspace(values, (ws) => ({ parts: sourceRows(ws.db, { spec, rowKey, colKey: values.col as string | undefined, limit }), synthetic: ws.info().synthetic }));
  if (synthetic) (format === 'table' ? out : err)(SYNTHETIC_BANNER + '\n');
  if (format === 'json') out(JSON.stringify(parts) + '\n');
  else out(parts.map((p) => sourceRowsText(p, format as 'table' | 'csv')).join('\n'));
  return 0;
}

function datasetsCommand(argv: string[]): number {
  const { values } = args(argv, { json: { type: 'boolean' } });
  const list = withWorkspace(values, (ws) => ws.datasets());
  if (values.json) out(JSON.stringify(list) + '\n');
  else if (list.length === 0) out('No datasets yet. Import one: bluehelm import FILE\n');
  else
    for (const d of list)
      out(
        `#${d.id} ${d.file_name}  ${d.kind} (${d.layout})  ${d.rows_read} rows, ${d.rejected} rejected  sha256 ${d.sha256.slice(0, 16)}…  imported ${d.imported_at}${d.synthetic ? '  SYNTHETIC' : ''}${d.last_update ? `  last_update ${d.last_update}` : ''}\n`,
      );
  return 0;
}

function datasetId(raw: string | undefined): number {
  const id = Number((raw ?? '').replace(/^#/, ''));
  if (!Number.isInteger(id) || id < 1) throw new UsageError(`a dataset is named by its number, as bluehelm datasets lists it (got "${raw ?? ''}")`);
  return id;
}

function datasetCommand(argv: string[]): number {
  const [sub, ...rest] = argv;
  if (sub === 'remove') {
    const { values, positionals } = args(rest, { json: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('dataset remove needs one dataset number');
    const id = datasetId(positionals[0]);
    const removed = withWorkspace(values, (ws) => removeDataset(ws.db, id));
    if (values.json) out(JSON.stringify(removed) + '\n');
    else
      out(
        `removed #${removed.dataset_id} ${removed.file_name} (${removed.kind}): ${removed.rows_removed} rows out, ${removed.rows_restored} rows back as an earlier file has them, ${removed.rejects_removed} rejected rows\n`,
      );
    return 0;
  }
  if (sub === 'replace') {
    const { values, positionals } = args(rest, { json: { type: 'boolean' }, progress: { type: 'boolean' } });
    if (positionals.length !== 2) throw new UsageError('dataset replace needs a dataset number and a file');
    const id = datasetId(positionals[0]);
    const file = positionals[1];
    const result = withWorkspace(values, (ws) => replaceDataset(ws.db, id, { path: path.resolve(file) }, { onProgress: values.progress ? progressLines(file) : undefined }));
    if (values.json) out(JSON.stringify(result) + '\n');
    else if (result.already_imported) out(`${file}: already in the workspace as #${result.dataset_id}; nothing changed\n`);
    else
      out(
        `${file}: replaced #${result.replaced!.dataset_id} ${result.replaced!.file_name} (${result.replaced!.rows_removed} rows out); ${result.rows_read} rows read, ${result.inserted} inserted, ${result.updated} updated, ${result.unchanged} unchanged, ${result.rejected} rejected\n`,
      );
    return 0;
  }
  throw new UsageError('dataset takes remove or replace');
}

function dbCommand(argv: string[]): number {
  const [sub, ...rest] = argv;
  if (sub === 'backups' || sub === 'restore') return backupCommand(sub, rest);
  if (sub !== 'check') throw new UsageError('db takes a subcommand: check, backups or restore BACKUP');
  const { values } = args(rest, {});
  const db = openWorkspace(dbPath(values.db), { create: false });
  try {
    const report = checkWorkspace(db);
    out(`${report.ok ? 'ok' : 'PROBLEMS FOUND'}: integrity_check ${report.integrity.join('; ')}; foreign keys ${report.foreignKeys.length} problems; schema version ${report.userVersion}\n`);
    // The report says what is wrong; the last line, the way back.
    if (!report.ok) err(`bluehelm: ${new WorkspaceDamaged(dbPath(values.db), 'integrity_check found problems').message}\n`);
    return report.ok ? 0 : 1;
  } finally {
    db.close();
  }
}

/** db backups: the workspace's backups, newest first; db restore BACKUP: brings one back, the current file kept aside. */
function backupCommand(sub: 'backups' | 'restore', argv: string[]): number {
  const { values, positionals } = args(argv, {});
  const workspace = path.resolve(dbPath(values.db));
  if (sub === 'backups') {
    const list = listBackups(workspace);
    if (list.length === 0) out(`No backups of ${workspace} yet (one is taken before each import into it and before each migration).\n`);
    for (const b of list) out(`${b.file}  taken ${b.takenAt}  ${(b.bytes / 1024 / 1024).toFixed(1)} MB\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('db restore takes one backup file (see bluehelm db backups)');
  const { keptAside } = restoreBackup(workspace, positionals[0], verifyWorkspaceFile);
  out(`Restored ${workspace} from ${path.resolve(positionals[0])}${keptAside ? `; the workspace as it was is kept as ${keptAside}` : ''}\n`);
  return 0;
}

function reconcileCommand(argv: string[]): number {
  const { values } = args(argv, { format: { type: 'string', default: 'table' } });
  const format = values.format as string;
  if (!['table', 'csv', 'json'].includes(format)) throw new UsageError(`--format must be table, csv or json (got "${format}")`);
  const r = withWorkspace(values, (ws) => reconcile(ws));
  if (format === 'table') out(reconciliationTable(r));
  else {
    if (r.synthetic) err(SYNTHETIC_BANNER + '\n');
    out(format === 'csv' ? reconciliationCsv(r) : JSON.stringify(r) + '\n');
  }
  return 0;
}

function demoCommand(argv: string[]): number {
  const { values } = args(argv, {});
  const file = typeof values.db === 'string' && values.db !== '' ? values.db : demoWorkspacePath();
  const db = openWorkspace(file);
  try {
    const results = writeDemoWorkspace(db, file);
    out(`${SYNTHETIC_BANNER}\n\nDemo workspace: ${path.resolve(file)}\n`);
    for (const r of results) out(`  ${r.file}: ${r.kind}, ${r.rows_read} rows${r.already_imported ? ' (already there)' : ''}\n`);
    out(`Try: bluehelm crosstab --db ${file} --measure ied_incidents --rows year --where mission=MINUSMA\n`);
  } finally {
    db.close();
  }
  return 0;
}

async function serveCommand(argv: string[]): Promise<number> {
  const { values } = args(argv, { port: { type: 'string' } });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number (got "${values.port}")`);
  const named = typeof values.db === 'string' && values.db !== '' ? values.db : process.env.BLUEHELM_DB || undefined;
  const start = startupWorkspace(named);
  const server = await serve({ dbPath: start.path, port });
  if (start.firstStart) err(`No workspace yet: opening the SYNTHETIC demo workspace (${start.path}). Import the UN files into a new workspace of your own from the app.\n`);
  out(`Bluehelm serving at ${server.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

/** The workspace a command line names (for messages about the file when SQLite fails under a command). */
function workspaceNamed(argv: string[]): string {
  const i = argv.findIndex((a) => a === '--db' || a.startsWith('--db='));
  return dbPath(i < 0 ? undefined : argv[i].startsWith('--db=') ? argv[i].slice(5) : argv[i + 1]);
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'import':
        return importCommand(rest);
      case 'crosstab':
        return crosstabCommand(rest);
      case 'sources':
        return sourcesCommand(rest);
      case 'datasets':
        return datasetsCommand(rest);
      case 'dataset':
        return datasetCommand(rest);
      case 'db':
        return dbCommand(rest);
      case 'reconcile':
        return reconcileCommand(rest);
      case 'demo':
        return demoCommand(rest);
      case 'pack':
        return await packCommand(rest, (db, use) => withWorkspace({ db }, use), out, err);
      case 'views':
        return viewsCommand(rest, (db, use) => withWorkspace({ db }, use), out);
      case 'serve':
        return await serveCommand(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out(USAGE + '\n');
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof PackUsageError || e instanceof ViewsUsageError || (e instanceof Error && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      err(`bluehelm: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof ImportRefused || e instanceof SpecError || e instanceof PackInvalid || e instanceof OutputRefused || e instanceof NotFound || e instanceof RestoreRefused) {
      err(`bluehelm: ${e.message}\n`);
      return 1;
    }
    const problem = workspaceProblem(e, workspaceNamed(rest));
    if (problem) {
      err(`bluehelm: ${problem.message}\n`);
      return 1;
    }
    throw e;
  }
}
