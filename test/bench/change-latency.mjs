#!/usr/bin/env node
// Change to new numbers (issue 10): the time from a change in the builder (ticking or unticking MINUSMA
// in the Mission filter) to the frame in which the grid's grand total AND the chart beside it show the
// new numbers, measured inside the page in headless Chromium, p95 over 20 changes, on two workspaces:
//   real  the UN fatalities file and both contributions files; Fatalities by Year   (target p95 < 100 ms)
//   1M    1,000,000 generated deployment rows (+ 100,000 fatalities, test/bench/generate.ts);
//         Person-months by Year, the deployments every change re-reads              (target p95 < 150 ms)
// Also the part of each change spent on the crossTab request (HTTP and engine), from resource timings.
// Prints a JSON summary as its last line.
//
//   node test/bench/change-latency.mjs [--only real|1M] [--changes N] [--root DIR] [--grid-only]
// The app must be built (npm run build); --root measures another built checkout, --grid-only waits for
// the grid alone, for a build with no chart in the cross-tab (see launch.mjs).
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
const cli = path.join(root, 'electron', 'cli', 'bluehelm.mjs');
const datasets = process.env.BLUEHELM_DATASETS || path.resolve(here, '..', 'shared', 'datasets');
const CHANGES = Number(arg('--changes') ?? 20);
const only = arg('--only');
const gridOnly = process.argv.includes('--grid-only');
if (!fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) throw new Error('build the app first: npm run build');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bluehelm-change-bench-'));
const env = { ...process.env, BLUEHELM_DATA_DIR: dir };

function importInto(db, files) {
  const r = spawnSync(process.execPath, [cli, 'import', ...files, '--db', db], { encoding: 'utf8', env, maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`import failed:\n${r.stderr.slice(-2000)}`);
}

async function generated(rows) {
  const { register } = await import('tsx/esm/api');
  register();
  const { writeDeployments, writeFatalities } = await import('./generate.ts');
  const deployments = path.join(dir, `deployments-${rows}.csv`);
  const fatalities = path.join(dir, `fatalities-${rows / 10}.csv`);
  writeDeployments(deployments, rows);
  writeFatalities(fatalities, rows / 10);
  return [deployments, fatalities];
}

const WORKSPACES = [
  {
    name: 'real',
    target: 100,
    spec: { measure: 'fatalities', rows: ['year'], where: {} },
    files: async () => [
      path.join(datasets, 'un-fatalities', 'DPPADPOSS-FATALITIES.csv'),
      path.join(datasets, 'un-contributions', 'contributions_2021-2025_psdh-layout.csv'),
      path.join(datasets, 'un-contributions', 'contributions_2009-2014_opendata-layout.csv'),
    ],
  },
  { name: '1M', target: 150, spec: { measure: 'person_months', rows: ['year'], where: {} }, files: () => generated(1_000_000) },
].filter((w) => !only || w.name === only);


// Inside the page: tick the box, then wait for the first frame in which the grid's grand total reads
// differently and the chart's SVG has been redrawn (a mutation under it since the click).
const ONE_CHANGE = (gridOnly) =>
  new Promise((resolve) => {
    const TOTAL = '[data-testid="crosstab-grid"] .ag-row-pinned [col-id="total"]';
    const before = document.querySelector(TOTAL)?.textContent;
    const svg = document.querySelector('[data-testid="crosstab-chart"]');
    let chartDrawn = gridOnly;
    const observer = new MutationObserver(() => {
      chartDrawn = true;
    });
    if (svg) observer.observe(svg, { subtree: true, childList: true, attributes: true, characterData: true });
    const input = document.querySelector('[data-testid="filter-mission"] input[value="MINUSMA"]');
    const t0 = performance.now();
    const check = () => {
      const now = document.querySelector(TOTAL)?.textContent;
      if (now && now !== before && chartDrawn) {
        const total = performance.now() - t0;
        observer.disconnect();
        const rpc = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/rpc/crossTab') && e.startTime >= t0);
        resolve({ total, request: rpc.length ? rpc[rpc.length - 1].responseEnd - rpc[rpc.length - 1].startTime : null });
      } else requestAnimationFrame(check);
    };
    input.click();
    requestAnimationFrame(check);
  });

const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.ceil(0.95 * xs.length) - 1];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const results = [];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
try {
  for (const w of WORKSPACES) {
    const db = path.join(dir, `${w.name}.sqlite`);
    importInto(db, await w.files());
    const server = startServe(cli, db, env);
    try {
      const url = await server.url;
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      // The view is in the address, as a pasted link would give it.
      await page.goto(`${url}#${new URLSearchParams({ tab: 'crossTab', spec: JSON.stringify(w.spec) })}`);
      await page.locator(gridOnly ? '[data-testid="crosstab-grid"] .ag-row-pinned' : '[data-testid="crosstab-chart"] svg').waitFor({ timeout: 60_000 });
      const filter = page.getByTestId('filter-mission');
      await filter.locator('summary').click();
      await filter.locator('input[type="checkbox"][value="MINUSMA"]').waitFor();
      const load = os.loadavg()[0];
      const changes = [];
      for (let i = 0; i < CHANGES; i++) changes.push(await page.evaluate(ONE_CHANGE, gridOnly));
      const times = changes.map((c) => c.total);
      const requests = changes.map((c) => c.request).filter((r) => r !== null);
      const r = { workspace: w.name, waitedFor: gridOnly ? 'grid' : 'grid and chart', changes: CHANGES, p95: Math.round(p95(times)), median: Math.round(median(times)), requestMedian: Math.round(median(requests)), target: w.target, met: p95(times) < w.target, times: times.map(Math.round), load: [load, ...os.loadavg()].map((l) => Number(l.toFixed(2))) };
      results.push(r);
      console.log(`${w.name}: change → grid and chart: p95 ${r.p95} ms, median ${r.median} ms (the crossTab request ${r.requestMedian} ms) over ${CHANGES} changes; target < ${w.target} ms ${r.met ? '✓' : '✗'}; load ${r.load.join(' / ')}`);
      await page.close();
    } finally {
      server.child.kill('SIGTERM');
      await new Promise((r) => (server.child.exitCode !== null ? r() : server.child.once('exit', r)));
    }
  }
} finally {
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify({ bench: 'change-latency', root, machine: `${os.cpus().length} cores, ${os.cpus()[0].model}, Node ${process.version}`, date: new Date().toISOString(), results }));
