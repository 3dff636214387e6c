#!/usr/bin/env node
// `npm start`: the desktop app when Electron is installed, serve mode when it is not.
//
//   node electron/start.mjs [args…]       start (extra args go to Electron, or to `bluehelm serve`)
//   node electron/start.mjs --native-only build native/electron-<version>/<platform>-<arch>/better_sqlite3.node if missing
//                                          (`npm run native:electron`; needs only the network, not the
//                                          Electron binary), --force to rebuild it, --arch=arm64 for
//                                          another architecture of this platform
//
// What to do is decided by planStart(), a pure function of the facts gathered here (tested in
// test/unit/electron-policy.test.ts); the rest of this file only carries the plan out.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { electronBindingFile } from './packaging/binding.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));

export const MAIN_ENTRY = 'dist/electron/main.mjs';

export const FALLBACK_MESSAGE =
  'Electron is not installed on this machine (its binary could not be downloaded). Starting Bluehelm in serve mode instead: open the address below in a browser.';

export const SERVE_ASKED_MESSAGE = 'Starting Bluehelm in serve mode (a --port was given): open the address below in a browser.';

export { electronBindingFile };

/**
 * @typedef {object} StartFacts
 * @property {string | null} electronBinary  the Electron executable, or null when it is missing
 * @property {string | null} electronVersion the installed electron package's version
 * @property {boolean} mainBuilt     dist/electron/main.mjs exists
 * @property {boolean} rendererBuilt dist/renderer/index.html exists
 * @property {boolean} bindingPresent native/electron-<version>/<platform>-<arch>/better_sqlite3.node exists
 * @property {string | undefined} packageMain package.json's "main"
 * @property {boolean} portAsked     the command line names a --port, which only serve mode listens on
 *
 * @typedef {{ mode: 'serve', reason: string, asked?: boolean }
 *   | { mode: 'electron', build: boolean, native: boolean }
 *   | { mode: 'error', message: string }} StartPlan
 */

/** @param {StartFacts} f @returns {StartPlan} */
export function planStart(f) {
  // `npm start -- --port 8080 --db my.sqlite`: the analyst asks for the app in a browser, Electron or not.
  if (f.portAsked) return { mode: 'serve', reason: 'a --port was given', asked: true };
  if (!f.electronBinary || !f.electronVersion) {
    // npm does not run Electron's download script (package.json "allowScripts" denies it: nothing but the
    // database driver and esbuild runs code at install), so a developer fetches the binary on purpose.
    return {
      mode: 'serve',
      reason: f.electronVersion
        ? `the Electron ${f.electronVersion} binary is missing; on a connected machine, download it with: node node_modules/electron/install.js`
        : 'the electron package is not installed',
    };
  }
  if (f.packageMain !== MAIN_ENTRY) {
    return { mode: 'error', message: `package.json "main" is ${JSON.stringify(f.packageMain)}; Electron needs "${MAIN_ENTRY}".` };
  }
  return { mode: 'electron', build: !f.mainBuilt || !f.rendererBuilt, native: !f.bindingPresent };
}

/** @param {string} root @param {string[]} argv the arguments after `npm start --` @returns {StartFacts} */
export function gatherFacts(root = ROOT, argv = []) {
  let electronBinary = null;
  let electronVersion = null;
  try {
    electronVersion = require('electron/package.json').version;
  } catch {
    /* not installed */
  }
  try {
    // The electron package's main is the path of its binary; it throws when the download never happened.
    const p = require('electron');
    if (typeof p === 'string' && fs.existsSync(p)) electronBinary = p;
  } catch {
    /* binary missing */
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return {
    electronBinary,
    electronVersion,
    mainBuilt: fs.existsSync(path.join(root, MAIN_ENTRY)),
    rendererBuilt: fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html')),
    bindingPresent: electronVersion !== null && fs.existsSync(electronBindingFile(root, electronVersion)),
    packageMain: pkg.main,
    portAsked: argv.some((a) => a === '--port' || a.startsWith('--port=')),
  };
}

function resolveBin(spec) {
  try {
    return require.resolve(spec);
  } catch {
    return null;
  }
}

function run(command, args, cwd) {
  console.log(`$ ${[command, ...args].join(' ')}`);
  const r = spawnSync(command, args, { cwd, stdio: 'inherit', env: process.env, shell: process.platform === 'win32' && !command.endsWith('.exe') });
  return r.status === 0;
}

/**
 * Builds better-sqlite3 for Electron's ABI into native/electron-<version>/<platform>-<arch>/, in a temporary copy of
 * the package: node_modules/better-sqlite3/build (the Node binding the tests and the CLI load) is
 * never touched. A prebuilt binary is tried first (prebuild-install), then a compile (node-gyp
 * against Electron's headers). Needs the network; not the Electron binary.
 */
export function buildElectronBinding({ root = ROOT, version, arch = process.arch }) {
  const dest = electronBindingFile(root, version, process.platform, arch);
  const src = path.dirname(require.resolve('better-sqlite3/package.json'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bluehelm-native-'));
  const work = path.join(tmp, 'better-sqlite3');
  try {
    const skip = path.join(src, 'build');
    fs.cpSync(src, work, { recursive: true, filter: (p) => p !== skip && !p.startsWith(skip + path.sep) });
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    const node = process.execPath;
    const prebuild = resolveBin('prebuild-install/bin.js');
    const gyp = resolveBin('node-gyp/bin/node-gyp.js');
    const electronArgs = ['--runtime=electron', `--target=${version}`, `--arch=${arch}`];
    let ok =
      (prebuild ? run(node, [prebuild, ...electronArgs], work) : run('npx', ['--yes', 'prebuild-install', ...electronArgs], work)) && fs.existsSync(built);
    if (!ok) {
      console.log('No prebuilt binary for this Electron; compiling better-sqlite3 against Electron headers.');
      const gypArgs = ['rebuild', '--release', ...electronArgs, '--dist-url=https://electronjs.org/headers'];
      ok = (gyp ? run(node, [gyp, ...gypArgs], work) : run('npx', ['--yes', 'node-gyp', ...gypArgs], work)) && fs.existsSync(built);
    }
    if (!ok) throw new Error(`could not build better-sqlite3 for Electron ${version} (see the output above)`);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    const partial = `${dest}.partial-${process.pid}`;
    fs.copyFileSync(built, partial);
    fs.renameSync(partial, dest);
    console.log(`Built ${path.relative(root, dest)}`);
    return dest;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Runs a child with stdio inherited, forwarding Ctrl-C and termination, and exits with its code. */
function runForwarding(command, args, options = {}) {
  const child = spawn(command, args, { stdio: 'inherit', ...options });
  const forward = (signal) => () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  const handlers = ['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => [s, forward(s)]);
  if (process.platform === 'win32') handlers.pop();
  for (const [s, h] of handlers) process.on(s, h);
  child.on('error', (e) => {
    console.error(`Could not start ${command}: ${e.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    for (const [s, h] of handlers) process.off(s, h);
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

function startServe(args) {
  runForwarding(process.execPath, [path.join(ROOT, 'electron', 'cli', 'bluehelm.mjs'), 'serve', ...args], { cwd: ROOT });
}

function startElectron(binary, args) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make the binary a plain Node
  // The package folder, so app.getAppPath() is the repo root and Electron loads package.json "main".
  runForwarding(binary, [ROOT, ...args], { cwd: ROOT, env });
}

async function main(argv) {
  const facts = gatherFacts(ROOT, argv);
  if (argv.includes('--native-only')) {
    if (!facts.electronVersion) {
      console.error('The electron package is not installed (npm install).');
      return 1;
    }
    // --arch=arm64 (or ia32…) fetches a prebuilt binding for another architecture of this platform.
    const arch = argv.find((a) => a.startsWith('--arch='))?.slice('--arch='.length) || process.arch;
    const file = electronBindingFile(ROOT, facts.electronVersion, process.platform, arch);
    if (fs.existsSync(file) && !argv.includes('--force')) {
      console.log(`${path.relative(ROOT, file)} is already built.`);
      return 0;
    }
    buildElectronBinding({ version: facts.electronVersion, arch });
    return 0;
  }

  const plan = planStart(facts);
  if (plan.mode === 'serve') {
    // Every argument goes on to `bluehelm serve`: --port N, --db PATH.
    if (plan.asked) console.log(SERVE_ASKED_MESSAGE);
    else {
      console.log(FALLBACK_MESSAGE);
      console.log(`(${plan.reason}.)`);
    }
    startServe(argv);
    return undefined;
  }
  if (plan.mode === 'error') {
    console.error(plan.message);
    return 1;
  }
  if (plan.build) {
    console.log('Building Bluehelm (dist/ is missing)…');
    if (!run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], ROOT)) return 1;
  }
  if (plan.native) {
    console.log(`Building the database driver for Electron ${facts.electronVersion} (once per Electron version)…`);
    try {
      buildElectronBinding({ version: facts.electronVersion });
    } catch (e) {
      console.error(`${e.message}\nBluehelm can still run in a browser: npm run serve`);
      return 1;
    }
  }
  startElectron(facts.electronBinary, argv);
  return undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const code = await main(process.argv.slice(2));
  if (code !== undefined) process.exitCode = code;
}
