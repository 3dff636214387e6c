#!/usr/bin/env node
// Bundles the Electron side into dist/electron/ (the renderer is vite's job):
//   main.mjs          the main process (ESM), from electron/main/app.ts
//   preload.cjs       the preload (CommonJS: a sandboxed preload cannot be ESM)
//   <name>.mjs        each worker of electron/core/workers/<name>.ts (core-worker, the core host the
//                     main process starts as a utility process; import-worker, crosstab-worker…),
//                     a sibling of main.mjs as electron/core/threads.ts expects
// What stays external is package.json's "dependencies", and only that: the packaged app carries
// those in its node_modules (better-sqlite3, native; the export libraries, which read their own data
// files at run time). Everything else is bundled and is a devDependency, so electron-builder packs
// no second copy of it. electron itself is the runtime.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist', 'electron');

// ESM bundles that still contain CommonJS dependencies (zod is ESM; this is for anything that is not)
// need require, __filename and __dirname.
const ESM_BANNER = [
  "import { createRequire as __bluehelmCreateRequire } from 'node:module';",
  "import { fileURLToPath as __bluehelmFileURLToPath } from 'node:url';",
  "import { dirname as __bluehelmDirname } from 'node:path';",
  'const require = __bluehelmCreateRequire(import.meta.url);',
  'const __filename = __bluehelmFileURLToPath(import.meta.url);',
  'const __dirname = __bluehelmDirname(__filename);',
].join('\n');

// No source maps in what the app ships (main, preload, workers): electron-builder leaves .map files
// out, and a sourceMappingURL pointing at a missing file is noise. Only the CLI, never packaged, has one.
const common = {
  absWorkingDir: ROOT,
  bundle: true,
  sourcemap: false,
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'none',
};

const RUNTIME_DEPENDENCIES = Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).dependencies ?? {});

/**
 * The world atlas the briefing packs draw maps from (electron/core/packs/world.ts), bundled as gzip in
 * base64: 0.3 MB in each bundle that carries the pack code instead of 0.76 MB of JSON, which the app's
 * own files could not afford twice; unpacked (a few ms) when a map is first computed or drawn.
 */
const gzippedAtlas = {
  name: 'gzipped-atlas',
  setup(build) {
    build.onResolve({ filter: /^world-atlas\/countries-50m\.json$/ }, (args) => ({ path: createRequire(import.meta.url).resolve(args.path), namespace: 'gzipped-atlas' }));
    build.onLoad({ filter: /.*/, namespace: 'gzipped-atlas' }, (args) => ({
      contents: `export default ${JSON.stringify(zlib.gzipSync(fs.readFileSync(args.path), { level: 9 }).toString('base64'))};`,
      loader: 'js',
    }));
  },
};

const nodeEsm = {
  ...common,
  platform: 'node',
  format: 'esm',
  external: ['electron', ...RUNTIME_DEPENDENCIES],
  banner: { js: ESM_BANNER },
  define: { 'process.env.BLUEHELM_BUNDLED': '"1"' },
  plugins: [gzippedAtlas],
};

/**
 * The preload needs only OPERATION_NAMES from shared/contract.ts, not zod and the schemas behind
 * it (~750 kB, evaluated on every page load). The names are read from the contract itself at build
 * time and the preload's import of shared/contract is answered with just that list.
 */
async function operationNames() {
  const out = await esbuild.build({ ...common, sourcemap: false, platform: 'node', format: 'esm', entryPoints: ['shared/contract.ts'], write: false });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  if (!Array.isArray(mod.OPERATION_NAMES) || mod.OPERATION_NAMES.length === 0) throw new Error('shared/contract.ts exports no OPERATION_NAMES');
  return mod.OPERATION_NAMES;
}

const contractNamesOnly = (names) => ({
  name: 'contract-names-only',
  setup(b) {
    b.onResolve({ filter: /\/shared\/contract(\.ts)?$/ }, () => ({ path: 'operation-names', namespace: 'bluehelm-contract' }));
    b.onLoad({ filter: /.*/, namespace: 'bluehelm-contract' }, () => ({
      contents: `export const OPERATION_NAMES = Object.freeze(${JSON.stringify(names)});`,
      loader: 'js',
    }));
  },
});

/** The worker entry points: every electron/core/workers/*.ts. */
export function workers() {
  return fs
    .readdirSync(path.join(ROOT, 'electron', 'core', 'workers'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

/**
 * Bundles one more Node entry next to the others (so its workers are found as siblings, as in the app).
 * @param {string} entry a path from the repository root
 * @param {string} outfile
 */
export async function bundleNodeEntry(entry, outfile) {
  await esbuild.build({ ...nodeEsm, entryPoints: [entry], outfile, external: [...nodeEsm.external, '@duckdb/node-api'] });
}

/** @param {{ outDir?: string }} [options] outDir defaults to dist/electron (tests build elsewhere). */
export async function build({ outDir = OUT } = {}) {
  const started = Date.now();
  const names = await operationNames();
  // The command's chunks are named by their hash: the ones an earlier build wrote are removed first.
  if (fs.existsSync(outDir)) for (const f of fs.readdirSync(outDir)) if (/^cli-.*\.mjs(\.map)?$/.test(f)) fs.rmSync(path.join(outDir, f));
  await Promise.all([
    esbuild.build({ ...nodeEsm, entryPoints: ['electron/main/app.ts'], outfile: path.join(outDir, 'main.mjs') }),
    // The bluehelm command, so it starts without transpiling (electron/cli/bluehelm.mjs uses it while it is fresh).
    // Split at dynamic imports, so the code only a pack export needs (ECharts' server-side renderer, the
    // slide drawing, the world atlas) is a chunk read when a pack is exported, not by every command as it
    // starts: `serve` listened ~30 % later when it compiled all of it first.
    esbuild.build({
      ...nodeEsm,
      sourcemap: 'linked',
      entryPoints: { cli: 'electron/cli/main.ts' },
      splitting: true,
      outdir: outDir,
      chunkNames: 'cli-[name]-[hash]',
      outExtension: { '.js': '.mjs' },
    }),
    ...workers().map((name) =>
      esbuild.build({ ...nodeEsm, entryPoints: [`electron/core/workers/${name}.ts`], outfile: path.join(outDir, `${name}.mjs`) }),
    ),
    esbuild.build({
      ...common,
      // A sandboxed preload runs in a renderer with a tiny require ('electron', 'events', 'timers', 'url'):
      // everything else must be inlined, and nothing may need Node built-ins.
      platform: 'browser',
      format: 'cjs',
      target: 'chrome130',
      external: ['electron'],
      entryPoints: ['electron/preload/preload.ts'],
      plugins: [contractNamesOnly(names)],
      outfile: path.join(outDir, 'preload.cjs'),
    }),
  ]);
  return Date.now() - started;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const ms = await build();
    console.log(`electron: built dist/electron/{main.mjs,cli.mjs,preload.cjs,${workers().map((w) => `${w}.mjs`).join(',')}} in ${ms} ms`);
  } catch (e) {
    console.error(`electron build failed: ${e instanceof Error ? e.message : e}`);
    process.exitCode = 1;
  }
}
