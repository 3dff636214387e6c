#!/usr/bin/env node
// The `bluehelm` command. It runs the bundle `npm run build` wrote (dist/electron/cli.mjs) while that is
// newer than every source it was built from, else the TypeScript itself through tsx: quick to start
// after npm install, and never stale after an edit. BLUEHELM_FROM_SOURCE=1 always takes the sources.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bundle = path.join(root, 'dist', 'electron', 'cli.mjs');
const SOURCES = ['electron/core', 'electron/cli', 'electron/server', 'shared'];

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.m?ts$/.test(entry.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  if (process.env.BLUEHELM_FROM_SOURCE === '1' || !fs.existsSync(bundle)) return false;
  const built = fs.statSync(bundle).mtimeMs;
  return SOURCES.every((dir) => newestSource(path.join(root, dir)) <= built);
}

let main;
if (bundleIsFresh()) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
