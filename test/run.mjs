#!/usr/bin/env node
// `npm test`: unit, integration, security and reliability tests, then the browser (end-to-end) suite
// in Debian's Chromium. Ends with one line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CHROMIUM = process.env.BLUEHELM_CHROMIUM || '/usr/bin/chromium';
const hasBrowser = fs.existsSync(CHROMIUM);
const extra = process.argv.slice(2);
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bluehelm-test-')), 'results.json');

if (!fs.existsSync('dist/renderer/index.html')) {
  const built = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (built.status !== 0) {
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

const projects = hasBrowser ? ['--project', 'unit', '--project', 'e2e'] : ['--project', 'unit'];
const run = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra],
  { stdio: 'inherit', env: { ...process.env, BLUEHELM_CHROMIUM: CHROMIUM } },
);

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  // A file that failed without a failed test (it could not load, or a hook threw) counts once; a failed test
  // is counted once, not again for its file and its describe blocks.
  const brokenFiles = (r.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')).length;
  failed = r.numFailedTests + brokenFiles;
  skipped = r.numPendingTests + (r.numTodoTests ?? 0);
} catch {
  failed = 1;
}
if (!hasBrowser) {
  console.log(`\nBrowser suite skipped: ${CHROMIUM} not found. Install Debian's Chromium (sudo apt-get install chromium) or set BLUEHELM_CHROMIUM, then run npm test again.`);
}
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
