#!/usr/bin/env node
// Briefing-pack export speed (issue 9): the shipped monthly brief on a workspace holding the real UN
// fatalities and both contributions files, written as PPTX, PDF and XLSX. Measured two ways, as an
// analyst meets it: one `bluehelm pack export --format pptx,pdf,xlsx` (one process, the pack computed
// once), and three separate runs of the command (one per format). Target: under 3 s for the three files.
// Tableau, Power BI and Metabase, the tools the issue compares with, cannot run on this machine; their
// decks hold pictures of charts, which is what Bluehelm's native charts are compared with in docs/BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../../electron/build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'electron', 'cli', 'bluehelm.mjs');
const datasets = process.env.BLUEHELM_DATASETS || path.resolve(root, '..', 'shared', 'datasets');
const files = [
  path.join(datasets, 'un-fatalities', 'DPPADPOSS-FATALITIES.csv'),
  path.join(datasets, 'un-contributions', 'contributions_2021-2025_psdh-layout.csv'),
  path.join(datasets, 'un-contributions', 'contributions_2009-2014_opendata-layout.csv'),
];
const brief = path.join(root, 'data', 'packs', 'monthly-brief.json');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bluehelm-pack-bench-'));
const db = path.join(dir, 'workspace.sqlite');
const env = { ...process.env, BLUEHELM_DATA_DIR: dir };

function run(args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`bluehelm ${args.join(' ')} failed:\n${r.stderr}`);
  return { ms, stdout: r.stdout };
}

// The command runs its bundle only while it is newer than the sources: build it, as npm install does.
await build();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
run(['import', ...files, '--db', db]);
const runs = Number(process.env.BLUEHELM_BENCH_RUNS || 5);
const oneProcess = [];
const threeRuns = [];
const perFormat = { pptx: [], pdf: [], xlsx: [] };
for (let i = 0; i < runs; i++) {
  oneProcess.push(run(['pack', 'export', '--spec', brief, '--format', 'pptx,pdf,xlsx', '--out', dir, '--db', db]).ms);
  let total = 0;
  for (const f of ['pptx', 'pdf', 'xlsx']) {
    const { ms } = run(['pack', 'export', '--spec', brief, '--format', f, '--out', dir, '--db', db]);
    perFormat[f].push(ms);
    total += ms;
  }
  threeRuns.push(total);
}
const sizes = Object.fromEntries(fs.readdirSync(dir).filter((f) => /\.(pptx|pdf|xlsx)$/.test(f)).map((f) => [path.extname(f).slice(1), fs.statSync(path.join(dir, f)).size]));
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`\nBriefing pack export: monthly brief (13 slides) on the real UN files; ${os.cpus().length} cores, ${os.cpus()[0].model}, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
console.log(`| how | median of ${runs} | runs | target |`);
console.log('|---|---:|---|---|');
console.log(`| one \`pack export --format pptx,pdf,xlsx\` (wall clock, process start included) | ${fmt(median(oneProcess))} | ${oneProcess.map(fmt).join(', ')} | < 3 s ${median(oneProcess) < 3000 ? '✓' : '✗'} |`);
console.log(`| three CLI runs, one per format (sum) | ${fmt(median(threeRuns))} | ${threeRuns.map(fmt).join(', ')} | < 3 s ${median(threeRuns) < 3000 ? '✓' : '✗'} |`);
for (const f of ['pptx', 'pdf', 'xlsx']) console.log(`| … of which ${f} (${(sizes[f] / 1024).toFixed(0)} KB) | ${fmt(median(perFormat[f]))} | ${perFormat[f].map(fmt).join(', ')} | |`);
fs.rmSync(dir, { recursive: true, force: true });
