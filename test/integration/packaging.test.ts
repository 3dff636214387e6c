import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, workers } from '../../electron/build.mjs';
import { REPO, tempDir } from '../helpers';
import { asar, filesUnder, FUSES, makeStandInElectron, packLinuxDir, readFuses, type PackResult } from '../packaging/stand-in';

// electron-builder packs the app exactly as `npm run dist` does (electron-builder.yml, the beforePack
// hook, the fuses, app.asar), with a stand-in Electron folder instead of Electron's binary, which
// cannot be had here. The binding packed is the Node build of better-sqlite3: a real ELF x64
// library, as the header check wants; only its ABI differs from the one a release carries.

const ELECTRON_VERSION = JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules', 'electron', 'package.json'), 'utf8')).version as string;
const NODE_BINDING = path.join(REPO, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const BINDING = `native/electron-${ELECTRON_VERSION}/linux-x64/better_sqlite3.node`;

const MB = 1_000_000;
/**
 * The size app.asar may reach, in three shares, each held to its own limit. Measured on this
 * commit: the app's own files (renderer and Electron bundles, data/, the migrations) 4.1 MB; Noto
 * Sans SC, the two weights the exports read at run time, 10.56 + 10.55 = 21.1 MB; the export
 * libraries' dependency trees (pdfkit and its standard fonts, fontkit, brotli, pptxgenjs, exceljs and
 * its zip and polyfill packages, svg-to-pdfkit; ~190 packages) with better-sqlite3's loader 18.1 MB,
 * plus the archive's index of all their files 1.4 MB = 19.5 MB. Budgets: 10 MB for the app, 21.2 MB
 * for the font, 22 MB for the libraries: 10 + 21.2 + 22 = 53.2 MB in all. (Before this packaging,
 * app.asar was 257.6 MB: every bundled library packed again, and all nine font weights.)
 * The app's own files grew to 8.5 MB with the briefing packs and the grid's exports: the pack worker
 * carries ECharts to draw slides (2.4 MB), and the renderer loads exceljs as a chunk of its own (0.9 MB)
 * only when a table is exported. 10 MB leaves room for the rest of the workbench, not for a second
 * copy of a library (the test below refuses those).
 */
const APP_OWN_LIMIT = 10 * MB;
const FONT_BYTES = 21.2 * MB;
const EXPORT_LIBRARIES_LIMIT = 22 * MB;
const ASAR_LIMIT = APP_OWN_LIMIT + FONT_BYTES + EXPORT_LIBRARIES_LIMIT;

/** A project folder like the repository, holding what electron-builder reads; node_modules is the repository's. */
function project(root: string, binding: Buffer | null): string {
  fs.mkdirSync(root, { recursive: true });
  for (const f of ['package.json', 'package-lock.json', 'electron-builder.yml']) fs.copyFileSync(path.join(REPO, f), path.join(root, f));
  for (const d of ['build', 'data', 'electron/packaging', 'electron/core/db/migrations', 'dist/renderer']) fs.cpSync(path.join(REPO, d), path.join(root, d), { recursive: true });
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'junction');
  // electron-builder asks `npm list` which packages the app needs. npm answers from its record of the
  // installed tree (node_modules/.package-lock.json) only while nothing in node_modules is newer; the test
  // runner's cache (node_modules/.vite) is, and npm then walks the linked folder and calls every package
  // extraneous, so almost nothing would be packed. The tree is as npm ci installed it: say so.
  const record = path.join(REPO, 'node_modules', '.package-lock.json');
  if (fs.existsSync(record)) fs.utimesSync(record, new Date(), new Date());
  if (binding) {
    fs.mkdirSync(path.dirname(path.join(root, BINDING)), { recursive: true });
    fs.writeFileSync(path.join(root, BINDING), binding);
  }
  return root;
}

/** electronFuses in electron-builder.yml, by name. */
function configuredFuses(): Record<string, boolean> {
  const yaml = fs.readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8');
  const block = yaml.slice(yaml.indexOf('electronFuses:')).split('\n').slice(1);
  const out: Record<string, boolean> = {};
  for (const line of block) {
    const m = /^\s+(\w+):\s*(true|false)\s*$/.exec(line);
    if (!m) break;
    out[m[1]] = m[2] === 'true';
  }
  return out;
}

describe('the packaged app (electron-builder --linux dir, stand-in Electron)', () => {
  const tmp = tempDir('bluehelm-packaging-');
  let electronDist: string;
  let packed: PackResult;
  let resources: string;
  let entries: string[];

  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO, 'dist', 'renderer', 'index.html'))) {
      expect(spawnSync('npm', ['run', 'build', '--silent'], { cwd: REPO, stdio: 'inherit' }).status).toBe(0);
    }
    electronDist = await makeStandInElectron(path.join(tmp, 'electron'), ELECTRON_VERSION);
    const root = project(path.join(tmp, 'app'), fs.readFileSync(NODE_BINDING));
    // Fresh bundles of this checkout, as `npm run dist` builds them (cli.mjs and its chunks included, to be left out).
    await build({ outDir: path.join(root, 'dist', 'electron') });
    packed = packLinuxDir(electronDist, path.join(tmp, 'out'), [], root);
    resources = path.join(packed.appDir, 'resources');
    entries = packed.status === 0 ? asar.list(path.join(resources, 'app.asar')).map((e) => e.replace(/^\//, '')) : [];
  }, 300_000);

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('packs', () => {
    expect(packed.status, packed.output.slice(-3000)).toBe(0);
  });

  it('writes the fuse wire as electron-builder.yml configures it', () => {
    const wire = readFuses(path.join(packed.appDir, 'bluehelm'));
    const configured = configuredFuses();
    expect(Object.keys(configured).length).toBeGreaterThanOrEqual(7);
    for (const [name, on] of Object.entries(configured)) expect(wire[name as (typeof FUSES)[number]], name).toBe(on);
    expect(wire).toMatchObject({ runAsNode: false, onlyLoadAppFromAsar: true, enableEmbeddedAsarIntegrityValidation: true, enableNodeOptionsEnvironmentVariable: false });
  });

  it(`keeps app.asar under ${(ASAR_LIMIT / MB).toFixed(1)} MB, the app's own files under ${APP_OWN_LIMIT / MB} MB`, () => {
    const size = fs.statSync(path.join(resources, 'app.asar')).size;
    const header = asar.header(path.join(resources, 'app.asar')).header as AsarDir;
    const own = sizeOf(header, (p) => !p.startsWith('node_modules/') && !p.startsWith('native/'));
    const font = sizeOf(header, (p) => p.startsWith('node_modules/@expo-google-fonts/'));
    console.log(`app.asar ${(size / MB).toFixed(1)} MB: the app's own ${(own / MB).toFixed(1)} MB, Noto Sans SC ${(font / MB).toFixed(1)} MB, other runtime packages ${((size - own - font) / MB).toFixed(1)} MB`);
    expect(size).toBeLessThan(ASAR_LIMIT);
    expect(own).toBeLessThan(APP_OWN_LIMIT);
    expect(font).toBeLessThan(FONT_BYTES);
    expect(size - own - font).toBeLessThan(EXPORT_LIBRARIES_LIMIT);
  });

  it('holds the renderer, the Electron bundles (no cli.mjs), data/ and the migrations, and no source maps', () => {
    expect(entries).toEqual(expect.arrayContaining(['package.json', 'dist/renderer/index.html', 'dist/electron/main.mjs', 'dist/electron/preload.cjs', 'data/reference/missions.json', 'data/templates/ied-template.csv']));
    for (const w of workers()) expect(entries, w).toContain(`dist/electron/${w}.mjs`);
    const migrations = fs.readdirSync(path.join(REPO, 'electron', 'core', 'db', 'migrations')).filter((f) => f.endsWith('.sql'));
    expect(migrations.length).toBeGreaterThanOrEqual(3);
    for (const m of migrations) expect(entries).toContain(`electron/core/db/migrations/${m}`);
    expect(entries).not.toContain('dist/electron/cli.mjs');
    // …nor the chunks the command loads when asked (a pack export's drawing code).
    expect(entries.filter((e) => /^dist\/electron\/cli-/.test(e))).toEqual([]);
    expect(entries.filter((e) => e.endsWith('.map'))).toEqual([]);
    const preload = asar.read(path.join(resources, 'app.asar'), 'dist/electron/preload.cjs').toString('utf8');
    expect(preload).not.toContain('sourceMappingURL');
    const pkg = JSON.parse(asar.read(path.join(resources, 'app.asar'), 'package.json').toString('utf8'));
    expect(pkg).toMatchObject({ main: 'dist/electron/main.mjs', productName: 'Bluehelm', desktopName: 'bluehelm.desktop' });
  });

  it('carries no second copy of what the bundles hold, and no build tools', () => {
    const packages = new Set(entries.filter((e) => e.startsWith('node_modules/')).map((e) => e.split('/').slice(1, e.split('/')[1].startsWith('@') ? 3 : 2).join('/')));
    for (const name of ['react', 'react-dom', 'echarts', 'zrender', 'ag-grid-community', 'ag-grid-react', 'zod', 'zustand', 'i18next', 'react-i18next', 'tsx', 'esbuild', '@esbuild/linux-x64', 'electron', 'prebuild-install', 'node-gyp']) {
      expect(packages.has(name), name).toBe(false);
    }
    expect(entries).toContain('node_modules/better-sqlite3/lib/database.js');
    expect(entries.filter((e) => /^node_modules\/better-sqlite3\/(build|deps|src)\//.test(e))).toEqual([]);
    const fonts = entries.filter((e) => e.endsWith('.ttf'));
    expect(fonts.filter((e) => e.includes('noto-sans-sc'))).toEqual([
      'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
      'node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
    ]);
  });

  it('packs every package the runtime dependencies load (all but the install-time prebuild-install and what only it needs)', () => {
    const tree = JSON.parse(spawnSync('npm', ['ls', '--omit', 'dev', '--all', '--json'], { cwd: REPO, encoding: 'utf8' }).stdout) as NpmTree;
    const needed = new Set<string>();
    const walk = (deps: NpmTree['dependencies']) => {
      for (const [name, dep] of Object.entries(deps ?? {})) {
        if (name === 'prebuild-install') continue;
        needed.add(name);
        walk(dep.dependencies);
      }
    };
    walk(tree.dependencies);
    expect(needed.size).toBeGreaterThan(50);
    const packedManifests = new Set(entries.filter((e) => e.endsWith('/package.json')).map((e) => e.replace(/\/package\.json$/, '').replace(/^.*node_modules\//, '')));
    expect([...needed].filter((name) => !packedManifests.has(name)).sort()).toEqual([]);
  });

  it('unpacks only the native binding beside app.asar', () => {
    expect(filesUnder(path.join(resources, 'app.asar.unpacked'))).toEqual([BINDING]);
    expect(fs.readFileSync(path.join(resources, 'app.asar.unpacked', BINDING)).equals(fs.readFileSync(NODE_BINDING))).toBe(true);
  });

  it('names the executable and keeps only the English and Chinese locales', () => {
    expect(fs.existsSync(path.join(packed.appDir, 'bluehelm'))).toBe(true);
    expect(fs.readdirSync(path.join(packed.appDir, 'locales')).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
  });

  it('refuses to package without the binding, or with one for another platform', () => {
    const missing = packLinuxDir(electronDist, path.join(tmp, 'out-missing'), [], project(path.join(tmp, 'app-missing'), null));
    expect(missing.status).not.toBe(0);
    expect(missing.output).toContain(`Refusing to package Bluehelm for linux x64: ${BINDING} is missing`);
    expect(fs.existsSync(path.join(tmp, 'out-missing', 'linux-unpacked', 'resources', 'app.asar'))).toBe(false);

    // A Windows library where the Linux one belongs: the first bytes of a PE file.
    const windows = Buffer.alloc(512);
    windows.write('MZ', 0, 'latin1');
    windows.writeUInt32LE(0x80, 0x3c);
    windows.writeUInt32BE(0x50450000, 0x80);
    windows.writeUInt16LE(0x8664, 0x84);
    const wrong = packLinuxDir(electronDist, path.join(tmp, 'out-wrong'), [], project(path.join(tmp, 'app-wrong'), windows));
    expect(wrong.status).not.toBe(0);
    expect(wrong.output).toContain('cannot be loaded there: it is a PE library; linux needs ELF');
  }, 120_000);
});

interface NpmTree {
  dependencies?: Record<string, NpmTree>;
}

interface AsarDir {
  files: Record<string, AsarDir | { size: number; unpacked?: boolean }>;
}

/** Bytes stored inside the archive for the paths `keep` accepts (unpacked files are not stored in it). */
function sizeOf(dir: AsarDir, keep: (p: string) => boolean, prefix = ''): number {
  let n = 0;
  for (const [name, entry] of Object.entries(dir.files)) {
    const p = prefix + name;
    if ('files' in entry) n += sizeOf(entry, keep, `${p}/`);
    else if (!entry.unpacked && keep(p)) n += entry.size;
  }
  return n;
}
