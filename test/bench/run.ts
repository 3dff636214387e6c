// `npm run bench [-- --rows N] [--json]`: the columnar engine against SQLite and DuckDB, and our import against sqlite3's.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseViewSpec } from '../../shared/spec';
import { openWorkspace } from '../../electron/core/db/open';
import { rootPath } from '../../electron/core/paths';
import { crossTab, sqlAggregator } from '../../electron/core/query/crosstab';
import { ColumnarEngine } from '../../electron/core/query/columnar/engine';
import { buildProjections, projectionBytes } from '../../electron/core/query/columnar/projection';
import { writeDeployments, writeFatalities } from './generate';
import { BENCH_SPECS } from './specs';

/** The part of @duckdb/node-api the bench uses. DuckDB is a peer installed on demand (test/bench/peers.mjs), not a dependency, so it is loaded by name. */
interface DuckConnection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<unknown>;
  closeSync(): void;
}

async function duckdbConnection(): Promise<DuckConnection> {
  const name = '@duckdb/node-api';
  const { DuckDBInstance } = (await import(name)) as { DuckDBInstance: { create(path: string): Promise<{ connect(): Promise<DuckConnection> }> } };
  return (await DuckDBInstance.create(':memory:')).connect();
}

const { values } = parseArgs({ options: { rows: { type: 'string' }, json: { type: 'boolean' } } });
const SIZES = values.rows ? [Number(values.rows)] : [1_000_000, 5_000_000];
const RUNS = 5;
const CLI = rootPath('electron', 'cli', 'bluehelm.mjs');
const log = (s: string) => process.stderr.write(s + '\n');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** Nearest-rank percentile. */
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)];

async function timed(run: () => unknown | Promise<unknown>, runs: number): Promise<number[]> {
  await run(); // warm-up: JIT, page cache
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    out.push(performance.now() - t);
  }
  return out;
}

function wall(cmd: string, args: string[]): number {
  const t = performance.now();
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  return performance.now() - t;
}

interface SpecResult {
  name: string;
  columnar: number[];
  sqlite: number[];
  duckdb: number[];
}

const IMPORT_RUNS = 3;

async function benchSize(rows: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bluehelm-bench-'));
  const deployments = path.join(dir, 'deployments.csv');
  const fatalities = path.join(dir, 'fatalities.csv');
  const fatalityRows = Math.round(rows / 10);
  log(`\n== ${rows.toLocaleString('en')} deployment rows + ${fatalityRows.toLocaleString('en')} fatality rows (${dir})`);
  writeDeployments(deployments, rows);
  writeFatalities(fatalities, fatalityRows);

  // (2) import: the real CLI into a fresh workspace file, against sqlite3 reading the same file into memory,
  // alternating, median of 3 each (single runs here vary by ±30 % with the page cache and fsync).
  const db = path.join(dir, 'workspace.sqlite');
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let run = 0; run < IMPORT_RUNS; run++) {
    for (const f of fs.readdirSync(dir)) if (f.startsWith('workspace.sqlite')) fs.rmSync(path.join(dir, f));
    ours.push(wall(process.execPath, [CLI, 'import', deployments, '--db', db, '--json']));
    theirs.push(wall('sqlite3', [':memory:', '-cmd', '.mode csv', `.import ${deployments} t`]));
  }
  const importMs = median(ours);
  const sqliteImportMs = median(theirs);
  log(`import: bluehelm ${ours.map((x) => x.toFixed(0)).join(' / ')} ms, sqlite3 .import ${theirs.map((x) => x.toFixed(0)).join(' / ')} ms (medians ${importMs.toFixed(0)} / ${sqliteImportMs.toFixed(0)})`);
  wall(process.execPath, [CLI, 'import', fatalities, '--db', db, '--json']);

  // (3), (4) projection memory and build time, on this thread.
  const ws = openWorkspace(db, { readonly: true });
  const builds = await timed(() => buildProjections(ws), 3);
  const oneThread = await timed(() => buildProjections(ws, { parallel: false }), 3);
  const projections = buildProjections(ws);
  const factRows = projections.deployments.rows + projections.fatalities.rows + projections.ied.rows;
  const bytes = Object.values(projections).reduce((n, p) => n + projectionBytes(p), 0);
  ws.close();

  // (1) cross-tabs: ours through the worker as the app asks; SQLite through the reference engine with a covering index; DuckDB in memory.
  const engine = new ColumnarEngine(db);
  const rw = openWorkspace(db, { skipReference: true });
  rw.exec(`CREATE INDEX IF NOT EXISTS bench_deployment_cover ON deployment (mission, month, country_iso3, personnel_type, service, female, male);
           CREATE INDEX IF NOT EXISTS bench_fatality_cover ON fatality (mission, incident_type, incident_date); ANALYZE;`);
  const sql = sqlAggregator(rw);
  const duck = await duckdbConnection();
  const ref = (f: string) => rootPath('data', 'reference', f).replace(/'/g, "''");
  await duck.run(`CREATE TABLE ref_mission AS SELECT acronym, host[1] AS host_iso3 FROM read_json('${ref('missions.json')}');
    CREATE TABLE ref_country AS SELECT iso3, region FROM read_json('${ref('countries.json')}');
    CREATE TABLE deployment AS SELECT mission_acronym AS mission, isocode3 AS country_iso3, personnel_type,
      CASE WHEN personnel_type IN ('Formed Police Units', 'Individual Police') THEN 'police' ELSE 'military' END AS service,
      female_personnel::INTEGER AS female, male_personnel::INTEGER AS male, last_day(last_reporting_date::DATE) AS month_end
      FROM read_csv('${deployments}', header = true);
    CREATE TABLE fatality AS SELECT incident_date::DATE AS incident_date, mission_acronym AS mission, type_of_incident AS incident_type
      FROM read_csv('${fatalities}', header = true);`);
  const context = { synthetic: true, sources: [] };
  const sqliteRuns = rows > 1_000_000 ? 1 : 3;
  const results: SpecResult[] = [];
  for (const b of BENCH_SPECS) {
    const spec = parseViewSpec(b.spec);
    const columnar = await timed(() => engine.crossTab(spec, context), RUNS);
    const duckdb = await timed(() => duck.runAndReadAll(b.duckdb), RUNS);
    const sqlite = await timed(() => crossTab(spec, sql, context), sqliteRuns);
    results.push({ name: b.name, columnar, sqlite, duckdb });
    log(`${b.name}: columnar ${median(columnar).toFixed(1)} ms, DuckDB ${median(duckdb).toFixed(1)} ms, SQLite ${median(sqlite).toFixed(0)} ms`);
  }
  await engine.close();
  rw.close();
  duck.closeSync();
  fs.rmSync(dir, { recursive: true, force: true });
  return { rows, fatalityRows, factRows, importMs, sqliteImportMs, buildMs: median(builds), buildOneThreadMs: median(oneThread), bytes, results };
}

type SizeResult = Awaited<ReturnType<typeof benchSize>>;

function summary(r: SizeResult) {
  return {
    rows: r.rows,
    crosstab_ms_median: median(r.results.map((s) => median(s.columnar))),
    crosstab_ms_p95: percentile(r.results.flatMap((s) => s.columnar), 95),
    duckdb_ms_median: median(r.results.map((s) => median(s.duckdb))),
    sqlite_ms_median: median(r.results.map((s) => median(s.sqlite))),
    import_rows_per_s: Math.round(r.rows / (r.importMs / 1000)),
    sqlite_import_rows_per_s: Math.round(r.rows / (r.sqliteImportMs / 1000)),
    projection_mb_per_million: r.bytes / 2 ** 20 / (r.factRows / 1e6),
    projection_build_ms: r.buildMs,
  };
}

const f1 = (n: number) => n.toFixed(1);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

function table(r: SizeResult): string {
  const s = summary(r);
  const target = r.rows > 1_000_000 ? 1.5 : 1.0;
  const lines = [
    `### ${r.rows.toLocaleString('en')} deployment rows (+ ${r.fatalityRows.toLocaleString('en')} fatality rows)`,
    '',
    `| Cross-tab | Columnar median / p95 (ms) | DuckDB median (ms) | SQLite median (ms) | Columnar ÷ DuckDB (target ≤ ${target.toFixed(1)}×) | SQLite ÷ columnar |`,
    '|---|---:|---:|---:|---:|---:|',
    ...r.results.map((x) => {
      const c = median(x.columnar);
      const d = median(x.duckdb);
      return `| ${x.name} | ${f1(c)} / ${f1(percentile(x.columnar, 95))} | ${f1(d)} | ${median(x.sqlite).toFixed(0)} | ${ratio(c, d)} ${c / d <= target ? '✓' : '✗ miss'} | ${(median(x.sqlite) / c).toFixed(0)}× |`;
    }),
    '',
    '| Measure | Measured | Target | |',
    '|---|---:|---:|---|',
    `| Cross-tab p95 over all runs | ${f1(s.crosstab_ms_p95)} ms | < 50 ms at 1M | ${r.rows > 1_000_000 ? '(target is at 1M)' : s.crosstab_ms_p95 < 50 ? '✓' : '✗ miss'} |`,
    `| Import, \`bluehelm import\` (validation on, WAL, synchronous=FULL) | ${s.import_rows_per_s.toLocaleString('en')} rows/s | ≥ 0.5 × sqlite3 | ${ratio(s.import_rows_per_s, s.sqlite_import_rows_per_s)} ${s.import_rows_per_s >= 0.5 * s.sqlite_import_rows_per_s ? '✓' : '✗ miss'} |`,
    `| Import, \`sqlite3 :memory: .import\` | ${s.sqlite_import_rows_per_s.toLocaleString('en')} rows/s | | |`,
    `| Projection memory | ${f1(s.projection_mb_per_million)} MB per million rows | ≤ 40 | ${s.projection_mb_per_million <= 40 ? '✓' : '✗ miss'} |`,
    `| Projection build (all tables, ${(r.factRows / 1e6).toFixed(2)}M rows; deployments read by two threads) | ${s.projection_build_ms.toFixed(0)} ms (${(s.projection_build_ms / (r.factRows / 1e6)).toFixed(0)} ms per million) | ≤ 1,500 ms per million | ${s.projection_build_ms / (r.factRows / 1e6) <= 1500 ? '✓' : '✗ miss'} |`,
    `| Projection build, one thread (for comparison) | ${r.buildOneThreadMs.toFixed(0)} ms (${(r.buildOneThreadMs / (r.factRows / 1e6)).toFixed(0)} ms per million) | | |`,
  ];
  return lines.join('\n');
}

function machine(): string {
  const cpu = /model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return `${os.cpus().length} cores (nproc), ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, ${os.platform()} ${os.release()}, ${new Date().toISOString().slice(0, 10)}`;
}

const all: SizeResult[] = [];
for (const rows of SIZES) all.push(await benchSize(rows));
const report = [`Machine: ${machine()}`, '', ...all.map(table)].join('\n\n');
log('\n' + report);
if (!values.rows) {
  const doc = rootPath('docs', 'BENCHMARKS.md');
  const text = fs.readFileSync(doc, 'utf8');
  const start = text.indexOf('<!-- bench:start -->');
  const end = text.indexOf('<!-- bench:end -->');
  if (start >= 0 && end > start) fs.writeFileSync(doc, `${text.slice(0, start)}<!-- bench:start -->\n${report}\n${text.slice(end)}`);
}
if (values.json) process.stdout.write(JSON.stringify(summary(all[all.length - 1])) + '\n');
