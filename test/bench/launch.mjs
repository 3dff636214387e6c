#!/usr/bin/env node
// Launch to first numbers (issue 10): from starting `bluehelm serve` on a workspace holding the real UN
// fatalities and both contributions files to the first view's grid (its grand total) and chart (an ECharts
// SVG with its lines or bars) drawn in headless Chromium. Chromium is started before the clock runs (it is
// the analyst's browser, not Bluehelm); each run gets a fresh browser context, so nothing is cached.
// Target: under 1 s. Prints a JSON summary as its last line.
//
//   node test/bench/launch.mjs [--runs N] [--root DIR] [--grid-only]
// The app must be built (npm run build). --root measures another checkout (built, with node_modules), e.g.
// an older commit for a before/after pair at the same machine load; --grid-only waits for the grid alone,
// for a build whose first view has no chart.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServe } from './serve.mjs';

const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const root = path.resolve(arg('--root') ?? here);
const gridOnly = process.argv.includes('--grid-only');
const cli = path.join(root, 'electron', 'cli', 'bluehelm.mjs');
const datasets = process.env.BLUEHELM_DATASETS || path.resolve(here, '..', 'shared', 'datasets');
const files = [
  path.join(datasets, 'un-fatalities', 'DPPADPOSS-FATALITIES.csv'),
  path.join(datasets, 'un-contributions', 'contributions_2021-2025_psdh-layout.csv'),
  path.join(datasets, 'un-contributions', 'contributions_2009-2014_opendata-layout.csv'),
];
const RUNS = Number(arg('--runs') ?? 7);

if (!fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) throw new Error('build the app first: npm run build');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bluehelm-launch-bench-'));
const db = path.join(dir, 'workspace.sqlite');
const env = { ...process.env, BLUEHELM_DATA_DIR: dir };
const imported = spawnSync(process.execPath, [cli, 'import', ...files, '--db', db], { encoding: 'utf8', env });
if (imported.status !== 0) throw new Error(`import failed:\n${imported.stderr}`);


// Inside the page: the epoch time of the first frame in which the grid's grand total and the chart's
// drawn series are both on screen, with the milestones on the way (all epoch ms).
const DRAWN = (gridOnly) => {
  const total = document.querySelector('[data-testid="crosstab-grid"] .ag-row-pinned [col-id="total"]')?.textContent;
  const series = document.querySelector('[data-testid="crosstab-chart"] svg path[d]');
  if (!total || (!series && !gridOnly)) return false;
  const at = performance.timeOrigin + performance.now();
  const nav = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource');
  const end = (re) => {
    const r = resources.filter((e) => re.test(e.name));
    return r.length ? performance.timeOrigin + Math.max(...r.map((e) => e.responseEnd)) : null;
  };
  const start = (re) => {
    const r = resources.filter((e) => re.test(e.name));
    return r.length ? performance.timeOrigin + Math.min(...r.map((e) => e.startTime)) : null;
  };
  return {
    drawn: at,
    navigationStart: performance.timeOrigin,
    domContentLoaded: performance.timeOrigin + nav.domContentLoadedEventEnd,
    scripts: end(/\.js$/),
    workspaceInfoAsked: start(/\/rpc\/workspaceInfo$/),
    workspaceInfo: end(/\/rpc\/workspaceInfo$/),
    crossTabAsked: start(/\/rpc\/crossTab$/),
    crossTab: end(/\/rpc\/crossTab$/),
    transferred: resources.reduce((a, r) => a + (r.transferSize || 0), nav.transferSize || 0),
  };
};

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
const runs = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto('about:blank');
    const started = Date.now();
    const server = startServe(cli, db, env);
    try {
      const url = await server.url;
      const listening = Date.now();
      await page.goto(url, { waitUntil: 'commit' });
      const m = await (await page.waitForFunction(DRAWN, gridOnly, { polling: 'raf', timeout: 30_000 })).jsonValue();
      const rel = (t) => (t == null ? null : Math.round(t - started));
      runs.push({ total: rel(m.drawn), listening: listening - started, navigation: rel(m.navigationStart), domContentLoaded: rel(m.domContentLoaded), scripts: rel(m.scripts), workspaceInfoAsked: rel(m.workspaceInfoAsked), workspaceInfo: rel(m.workspaceInfo), crossTabAsked: rel(m.crossTabAsked), crossTab: rel(m.crossTab), transferred: m.transferred });
      console.log(`run ${i + 1}: ${JSON.stringify(runs[runs.length - 1])}`);
    } finally {
      server.child.kill('SIGTERM');
      await new Promise((r) => (server.child.exitCode !== null ? r() : server.child.once('exit', r)));
      await context.close();
    }
  }
} finally {
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const assets = fs.readdirSync(path.join(root, 'dist', 'renderer', 'assets')).map((f) => ({ f, kb: Math.round(fs.statSync(path.join(root, 'dist', 'renderer', 'assets', f)).size / 1024) }));
const summary = {
  bench: 'launch',
  root,
  waitedFor: gridOnly ? 'grid' : 'grid and chart',
  runs: RUNS,
  medianMs: median(runs.map((r) => r.total)),
  maxMs: Math.max(...runs.map((r) => r.total)),
  medianListeningMs: median(runs.map((r) => r.listening)),
  medianScriptsMs: median(runs.map((r) => r.scripts)),
  medianCrossTabMs: median(runs.map((r) => r.crossTab)),
  transferredKB: Math.round(median(runs.map((r) => r.transferred)) / 1024),
  assetsKB: assets,
  load: os.loadavg().map((l) => Number(l.toFixed(2))),
  machine: `${os.cpus().length} cores, ${os.cpus()[0].model}, Node ${process.version}`,
  date: new Date().toISOString(),
};
console.log(`launch → grid and chart drawn: median ${summary.medianMs} ms, max ${summary.maxMs} ms over ${RUNS} runs (serve listening at ${summary.medianListeningMs} ms, scripts loaded ${summary.medianScriptsMs} ms, crossTab answered ${summary.medianCrossTabMs} ms); load ${summary.load.join(' / ')}`);
console.log(JSON.stringify(summary));
