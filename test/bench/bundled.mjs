#!/usr/bin/env node
// Runs the benchmark as the app runs: bundled next to the app's own bundles (dist/electron), so the
// engine's worker threads start from their built files, not through tsx as they do from the sources.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, bundleNodeEntry } from '../../electron/build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'dist', 'electron', 'bench.mjs');
await build();
await bundleNodeEntry('test/bench/run.ts', out);
await import(pathToFileURL(out).href);
