#!/usr/bin/env node
// The benchmark's peers are not project dependencies: DuckDB's npm package lists per-platform optional
// packages that npm 11 leaves out of package-lock.json, which then breaks `npm ci`. Install it on demand.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const DUCKDB = '@duckdb/node-api@1.5.6-r.1';
try {
  createRequire(import.meta.url).resolve('@duckdb/node-api');
} catch {
  console.error(`bench: installing the DuckDB peer (${DUCKDB}) without saving it…`);
  const r = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', DUCKDB], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const sqlite = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
if (sqlite.status !== 0) console.error('bench: the sqlite3 command is missing (apt-get install sqlite3): the import comparison needs it');
