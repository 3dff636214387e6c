import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../electron/build.mjs';
import { OPERATION_NAMES } from '../../shared/contract';
import { REPO, tempDir } from '../helpers';

// Electron cannot run on every machine that runs the tests, so the main process is checked three
// ways: statically (who may import 'electron'), by running the shipped preload bundle the way a
// sandboxed preload runs, and by running the shipped main bundle on Node against a stub 'electron'
// that records every hook the app installs, then attacking those hooks.

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : sourceFiles(p);
    return SOURCE.test(e.name) ? [p] : [];
  });
}

// import … from 'electron', import 'electron', export … from 'electron', import('electron'),
// require('electron'), and 'electron/…' subpaths; a comment that merely mentions them does not count.
const IMPORTS_ELECTRON = /^\s*(?:import|export)\b[^;'"()=]*?(?:\bfrom\s*)?['"]electron(?:\/[^'"]*)?['"]|\b(?:require|import)\s*\(\s*['"]electron(?:\/[^'"]*)?['"]\s*\)/m;

function importsElectron(file: string): boolean {
  return IMPORTS_ELECTRON.test(fs.readFileSync(file, 'utf8'));
}

describe('only electron/main and the preload import electron', () => {
  it('recognises every form of import', () => {
    for (const s of ["import { app } from 'electron';", 'import "electron";', "const e = require('electron')", "await import('electron/main')", 'export { app } from "electron"', "import {\n  app,\n  BrowserWindow,\n} from 'electron';", "import type { App } from 'electron';"]) {
      expect(IMPORTS_ELECTRON.test(s), s).toBe(true);
    }
    for (const s of ["import x from 'electron-builder'", "import { x } from './electron'", "// electron/core never imports electron", " * This module must never import 'electron'", "import { p } from '../electron/core/paths'"]) {
      expect(IMPORTS_ELECTRON.test(s), s).toBe(false);
    }
  });

  it('the core, the server, the CLI, shared and the renderer never import electron', () => {
    const dirs = ['electron/core', 'electron/server', 'electron/cli', 'shared', 'renderer'].map((d) => path.join(REPO, d));
    const files = dirs.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter(importsElectron).map((f) => path.relative(REPO, f));
    expect(offenders).toEqual([]);
  });

  it('the pure modules of main and preload do not import electron (they are tested on Node)', () => {
    // (electron/start.mjs does require('electron'), on plain Node: that is the npm package's path to its binary, not the API.)
    for (const f of ['electron/main/policy.ts', 'electron/preload/bridge.ts', 'electron/build.mjs']) {
      expect(importsElectron(path.join(REPO, f)), f).toBe(false);
    }
    // The bridge is inlined into a sandboxed preload, which cannot require Node built-ins.
    expect(fs.readFileSync(path.join(REPO, 'electron/preload/bridge.ts'), 'utf8')).not.toMatch(/from\s*['"](node:|fs|path|os|child_process)/);
  });

  it('nothing anywhere uses the remote module', () => {
    const files = ['electron', 'shared', 'renderer'].flatMap((d) => sourceFiles(path.join(REPO, d)));
    const offenders = files.filter((f) => /['"]@electron\/remote|['"]electron\/remote|enableRemoteModule/.test(fs.readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(REPO, f))).toEqual([]);
  });

  it('the preload source exposes exactly one key, bluehelm', () => {
    const src = fs.readFileSync(path.join(REPO, 'electron/preload/preload.ts'), 'utf8');
    const exposed = [...src.matchAll(/exposeInMainWorld\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    expect(exposed).toEqual(['bluehelm']);
    expect(src.match(/exposeInMainWorld|exposeInIsolatedWorld/g)).toHaveLength(1);
  });
});

describe('the built bundles', () => {
  const tmp = tempDir('bluehelm-electron-main-');
  const out = path.join(tmp, 'dist', 'electron');

  beforeAll(async () => {
    await build({ outDir: out });
  });

  it('the preload, run as a sandboxed preload, exposes exactly window.bluehelm = { call }', async () => {
    const code = fs.readFileSync(path.join(out, 'preload.cjs'), 'utf8');
    const exposed: Record<string, unknown>[] = [];
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push({ key, api }) },
      ipcRenderer: { invoke: async (...args: unknown[]) => (invoked.push(args), { ok: true, value: 'ok' }), send: () => undefined, on: () => undefined },
    };
    // A sandboxed preload's require knows 'electron' and a few others; no fs, no path, no child_process.
    const required: string[] = [];
    const sandboxRequire = (id: string) => {
      required.push(id);
      if (id === 'electron') return electron;
      throw new Error(`module not found: ${id}`);
    };
    const module = { exports: {} };
    vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports, Promise, Object, Set, Error, String });
    expect(required).toEqual(['electron']);
    expect(exposed).toHaveLength(1);
    expect(exposed[0].key).toBe('bluehelm');
    const api = exposed[0].api as { call: (n: string, i?: unknown) => Promise<unknown> };
    expect(Object.keys(api)).toEqual(['call']);
    expect(api).not.toHaveProperty('invoke');
    // Every call answers an envelope, so the page gets an error's code as well as its message.
    await expect(api.call('workspaceInfo', {})).resolves.toEqual({ ok: true, value: 'ok' });
    await expect(api.call('require', 'child_process')).resolves.toEqual({ ok: false, error: { code: 'not_found', message: 'no operation "require"' } });
    expect(invoked).toEqual([['bluehelm:call', 'workspaceInfo', {}]]);
    // The list the preload checks is the contract's own: every operation passes.
    for (const name of OPERATION_NAMES) await expect(api.call(name, {}), name).resolves.toEqual({ ok: true, value: 'ok' });
    expect(code.length).toBeLessThan(20_000);
  });

  it('the main process, run against a stub electron, installs every guard and serves only the app', () => {
    // A Node package folder around the bundle: a stub 'electron', the real better-sqlite3.
    const modules = path.join(tmp, 'node_modules');
    fs.mkdirSync(path.join(modules, 'electron'), { recursive: true });
    fs.writeFileSync(path.join(modules, 'electron', 'package.json'), JSON.stringify({ name: 'electron', type: 'module', main: 'index.js' }));
    fs.writeFileSync(path.join(modules, 'electron', 'index.js'), STUB_ELECTRON);
    fs.symlinkSync(path.join(REPO, 'node_modules', 'better-sqlite3'), path.join(modules, 'better-sqlite3'), 'junction');
    // The app folder: a built renderer, and the data and migrations of the repo.
    const appDir = path.join(tmp, 'app');
    fs.mkdirSync(path.join(appDir, 'dist', 'renderer', 'assets'), { recursive: true });
    fs.writeFileSync(path.join(appDir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Bluehelm</title>');
    fs.writeFileSync(path.join(appDir, 'dist', 'renderer', 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(appDir, 'secret.txt'), 'TOP-SECRET');
    fs.symlinkSync(path.join(REPO, 'data'), path.join(appDir, 'data'), 'junction');
    fs.mkdirSync(path.join(appDir, 'electron', 'core', 'db'), { recursive: true });
    fs.symlinkSync(path.join(REPO, 'electron', 'core', 'db', 'migrations'), path.join(appDir, 'electron', 'core', 'db', 'migrations'), 'junction');
    fs.writeFileSync(path.join(tmp, 'driver.mjs'), DRIVER);

    const dbPath = path.join(tmp, 'workspace.sqlite');
    const chosenDb = path.join(tmp, 'chosen', 'Mali analysis.sqlite');
    const stdout = execFileSync(process.execPath, [path.join(tmp, 'driver.mjs')], {
      cwd: tmp,
      env: { ...process.env, BLUEHELM_DB: dbPath, BLUEHELM_DATA_DIR: path.join(tmp, 'userdata'), BLUEHELM_ROOT: '', BLUEHELM_BUNDLED: '', STUB_APP_PATH: appDir, CHOSEN_DB: chosenDb, MAIN: path.join(out, 'main.mjs') },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const r = JSON.parse(stdout.trim().split('\n').pop()!);

    expect(r.errors).toEqual([]);
    expect(r.sandbox).toBe(true);
    expect(r.env).toEqual({ root: appDir, bundled: '1' });
    expect(r.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

    // The window.
    expect(r.windows).toHaveLength(1);
    expect(r.windows[0].url).toBe('app://bluehelm/index.html');
    expect(r.windows[0].prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(r.windows[0].preload).toBe(path.join(out, 'preload.cjs'));
    expect(r.windows[0].preloadExists).toBe(true);

    // app:// serves our files, with the CSP, and nothing outside the renderer folder.
    expect(r.files['app://bluehelm/']).toMatchObject({ status: 200, body: '<!doctype html><title>Bluehelm</title>' });
    expect(r.files['app://bluehelm/'].type).toMatch(/^text\/html/);
    expect(r.files['app://bluehelm/'].csp).toContain("default-src 'none'");
    expect(r.files['app://bluehelm/'].nosniff).toBe('nosniff');
    expect(r.files['app://bluehelm/assets/app.js']).toMatchObject({ status: 200, body: 'console.log(1)' });
    for (const url of ['app://bluehelm/../secret.txt', 'app://bluehelm/%2e%2e/secret.txt', 'app://bluehelm/..%2fsecret.txt', 'app://bluehelm/..%2f..%2f..%2fetc%2fpasswd', 'app://evil/index.html', 'app://bluehelm/nope.js']) {
      expect(r.files[url].status, url).toBe(404);
      expect(r.files[url].body).not.toContain('TOP-SECRET');
      expect(r.files[url].csp, url).toContain("default-src 'none'");
    }
    expect(r.files['POST app://bluehelm/'].status).toBe(405);

    // The session: every request but ours cancelled, every permission refused.
    expect(r.requests).toEqual({
      'app://bluehelm/index.html': false,
      'devtools://devtools/bundled/devtools_app.html': false,
      'https://evil.example/x.js': true,
      'http://127.0.0.1:8080/rpc/workspaceInfo': true,
      'file:///etc/passwd': true,
      'ws://127.0.0.1:9229/': true,
      'app://evil/': true,
    });
    expect(r.permissions).toEqual({ request: false, check: false, device: false });
    expect(r.downloads).toEqual({ 'https://evil.example/x.exe': true, 'blob:app://bluehelm/1234': false });

    // Every webContents: navigation away refused, window.open denied, <webview> refused.
    expect(r.contents).toEqual({
      'will-navigate https://evil.example/': true,
      'will-redirect https://evil.example/': true,
      'will-frame-navigate file:///etc/passwd': true,
      'will-navigate app://bluehelm/index.html#/x': false,
      'will-attach-webview': true,
      windowOpen: { action: 'deny' },
    });

    // IPC: one channel, our frames only, every call through dispatch.
    expect(r.ipcChannels).toEqual(['bluehelm:call']);
    expect(r.ipc.info.ok).toBe(true);
    expect(r.ipc.info.value.path).toBe(dbPath);
    expect(r.ipc.evil).toEqual({ ok: false, code: 'refused', message: 'refused: call from https://evil.example/' });
    expect(r.ipc.destroyed).toMatchObject({ ok: false, code: 'refused' });
    expect(r.ipc.unknown).toEqual({ ok: false, code: 'not_found', message: 'no operation "dropEverything"' });
    expect(r.ipc.invalid).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(r.ipc.invalid.message).toContain('datasetId');
    // An import runs in the bundled worker (dist/electron/import-worker.mjs) and lands in the workspace.
    expect(r.ipc.imported).toMatchObject({ state: 'done', error: null });
    expect(r.ipc.imported.result.inserted).toBe(2);
    // The Open dialog is the main process's: the file it returns opens, a cancel opens nothing.
    expect(r.ipc.chosen).toMatchObject({ ok: true, value: { path: chosenDb, kind: 'empty' } });
    expect(r.ipc.cancelled).toEqual({ ok: true, value: null });
    expect(r.dialogs[0]).toMatchObject({ properties: ['openFile'], filters: [{ extensions: ['sqlite', 'bluehelm', 'db'] }] });
    expect(r.ipc.after.value.counts.fatalities).toBe(2);
    // Cross-tabs run in the bundled cross-tab worker when the core uses one; an injected filter value is a
    // value that matches nothing known: refused as bad input, across the worker too.
    expect(r.ipc.crossTab).toMatchObject({ ok: true, value: { grandTotal: 2 } });
    expect(r.ipc.injection.ok).toBe(false);
    expect(r.ipc.injection.message).toContain(`'x') OR 1=1 --' matches nothing`);

    // The core ran in its own (utility) process, from the bundled host beside main.mjs; the main
    // process holds no database: its bundle has neither better-sqlite3 nor a blocking wait.
    expect(r.forks).toEqual([{ entry: path.join(out, 'core-worker.mjs'), serviceName: 'Bluehelm core', root: appDir }]);
    const main = fs.readFileSync(path.join(out, 'main.mjs'), 'utf8');
    expect(main).not.toMatch(/better-sqlite3|Atomics\.wait/);
    // A reduced menu (no developer tools once packaged: the stub app is not), the spell checker off.
    expect(JSON.stringify(r.menu)).not.toMatch(/https?:|electronjs/);
    expect(r.spellChecker).toBe(false);
    // Chromium's profile in a folder of its own, never among the workspaces.
    expect(r.paths).toEqual({ userData: path.join('/home/analyst/.config', 'Bluehelm', 'browser-profile') });
    // Quitting closed the workspace in the core first, then quit.
    expect(r.quit).toEqual({ deferred: true, quit: true });
  });
});

const STUB_ELECTRON = String.raw`
import { MessageChannel, Worker } from 'node:worker_threads';
class Emitter {
  constructor() { this.listeners = {}; }
  on(e, f) { (this.listeners[e] ??= []).push(f); return this; }
  once(e, f) { return this.on(e, f); }
  emit(e, ...a) { for (const f of this.listeners[e] ?? []) f(...a); }
}
const s = (globalThis.__electronStub = { errors: [], windows: [], protocolHandlers: {}, ipc: {}, sandbox: false, schemes: null, session: {}, dialogs: [], dialogAnswers: [] });
let ready;
const whenReady = new Promise((r) => (ready = r));
s.ready = () => ready();
export const app = Object.assign(new Emitter(), {
  getAppPath: () => process.env.STUB_APP_PATH,
  isPackaged: false,
  enableSandbox() { s.sandbox = true; },
  getPath(name) { if (name !== 'appData') throw new Error('unexpected getPath ' + name); return '/home/analyst/.config'; },
  setPath(name, value) { (s.paths ??= {})[name] = value; },
  requestSingleInstanceLock: () => true,
  whenReady: () => whenReady,
  quit() { s.quit = true; },
  exit(code) { s.exit = code; },
});
export const protocol = {
  registerSchemesAsPrivileged(schemes) { s.schemes = schemes; },
  handle(scheme, fn) { s.protocolHandlers[scheme] = fn; },
};
const ses = Object.assign(new Emitter(), {
  webRequest: { onBeforeRequest(fn) { s.session.onBeforeRequest = fn; } },
  setPermissionRequestHandler(fn) { s.session.permissionRequest = fn; },
  setPermissionCheckHandler(fn) { s.session.permissionCheck = fn; },
  setDevicePermissionHandler(fn) { s.session.device = fn; },
  setSpellCheckerEnabled(on) { s.session.spellChecker = on; },
});
s.session.emitter = ses;
export const session = { defaultSession: ses };
export const ipcMain = {
  handle(channel, fn) { s.ipc[channel] = fn; },
  removeHandler(channel) { delete s.ipc[channel]; },
};
export const dialog = {
  showErrorBox(title, message) { s.errors.push(title + ': ' + message); },
  // The Open dialog answers what the driver queued: a chosen file, or a cancel.
  async showOpenDialog(...args) { s.dialogs.push(args[args.length - 1]); const next = s.dialogAnswers.shift(); return next ? { canceled: false, filePaths: [next] } : { canceled: true, filePaths: [] }; },
};
export class BrowserWindow extends Emitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new Emitter();
    s.windows.push(this);
  }
  loadURL(url) { this.url = url; return Promise.resolve(); }
  show() {}
  isMinimized() { return false; }
  focus() {}
}
export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu(menu) { s.menu = menu.template; },
};
// Electron's MessagePortMain delivers { data } events and waits for start(); a Node port, so wrapped.
const wrapPort = (port) => ({
  __port: port,
  on(event, fn) { port.on(event, (data) => fn({ data, ports: [] })); return this; },
  postMessage(m) { port.postMessage(m); },
  start() {},
  close() { port.close(); },
});
export class MessageChannelMain {
  constructor() { const c = new MessageChannel(); this.port1 = wrapPort(c.port1); this.port2 = wrapPort(c.port2); }
}
// A utility process stood in for by a worker thread running the same entry, with the utility process's
// process.parentPort (messages as { data, ports } with MessagePortMain ports) installed first.
const UTILITY_SHIM = [
  "const wt = require('node:worker_threads');",
  'const wrapPort = ' + wrapPort.toString() + ';',
  "process.parentPort = { once(event, fn) { wt.parentPort.once('message', (m) => fn({ data: m.data, ports: m.port ? [wrapPort(m.port)] : [] })); } };",
  "import(require('node:url').pathToFileURL(wt.workerData.entry).href);",
].join('\n');
s.forks = [];
export const utilityProcess = {
  fork(entry, args, options) {
    s.forks.push({ entry, serviceName: options.serviceName, root: options.env.BLUEHELM_ROOT });
    const worker = new Worker(UTILITY_SHIM, { eval: true, workerData: { entry }, env: options.env });
    const child = new Emitter();
    worker.on('exit', (code) => { s.coreExit = code; child.emit('exit', code); });
    worker.on('error', (e) => s.errors.push('core: ' + e.stack));
    child.postMessage = (data, ports = []) => worker.postMessage({ data, port: ports[0]?.__port }, ports.map((p) => p.__port));
    child.kill = () => { void worker.terminate(); return true; };
    return child;
  },
};
export default { app, protocol, session, ipcMain, dialog, BrowserWindow, Menu, MessageChannelMain, utilityProcess };
`;

const DRIVER = String.raw`
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { app } from 'electron';
const s = globalThis.__electronStub;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
process.on('uncaughtException', (e) => s.errors.push('uncaught: ' + e.stack));
console.error = (...a) => s.errors.push(a.map((x) => (x instanceof Error ? x.stack : typeof x === 'object' ? JSON.stringify(x) : String(x))).join(' '));
console.warn = () => undefined;

await import(pathToFileURL(process.env.MAIN).href);
s.ready();
for (let i = 0; i < 400 && s.windows.length === 0 && s.errors.length === 0; i++) await sleep(25);

const out = { errors: s.errors, sandbox: s.sandbox, schemes: s.schemes, env: { root: process.env.BLUEHELM_ROOT, bundled: process.env.BLUEHELM_BUNDLED } };
out.windows = s.windows.map((w) => ({
  url: w.url,
  prefs: w.options.webPreferences,
  preload: w.options.webPreferences.preload,
  preloadExists: fs.existsSync(w.options.webPreferences.preload),
}));

out.files = {};
const handler = s.protocolHandlers.app;
for (const [method, url] of [
  ['GET', 'app://bluehelm/'], ['GET', 'app://bluehelm/assets/app.js'], ['GET', 'app://bluehelm/../secret.txt'],
  ['GET', 'app://bluehelm/%2e%2e/secret.txt'], ['GET', 'app://bluehelm/..%2fsecret.txt'], ['GET', 'app://bluehelm/..%2f..%2f..%2fetc%2fpasswd'],
  ['GET', 'app://evil/index.html'], ['GET', 'app://bluehelm/nope.js'], ['POST', 'app://bluehelm/'],
]) {
  const r = await handler({ url, method });
  out.files[(method === 'GET' ? '' : method + ' ') + url] = {
    status: r.status, type: r.headers.get('content-type'), csp: r.headers.get('content-security-policy'),
    nosniff: r.headers.get('x-content-type-options'), body: await r.text(),
  };
}

out.requests = {};
for (const url of ['app://bluehelm/index.html', 'devtools://devtools/bundled/devtools_app.html', 'https://evil.example/x.js', 'http://127.0.0.1:8080/rpc/workspaceInfo', 'file:///etc/passwd', 'ws://127.0.0.1:9229/', 'app://evil/']) {
  s.session.onBeforeRequest({ url }, (r) => (out.requests[url] = r.cancel));
}
out.permissions = {
  request: await new Promise((r) => s.session.permissionRequest(null, 'media', r)),
  check: s.session.permissionCheck(null, 'clipboard-read'),
  device: s.session.device({}),
};
out.downloads = {};
for (const url of ['https://evil.example/x.exe', 'blob:app://bluehelm/1234']) {
  let prevented = false;
  s.session.emitter.emit('will-download', { preventDefault: () => (prevented = true) }, { getURL: () => url });
  out.downloads[url] = prevented;
}

const contents = Object.assign(new (Object.getPrototypeOf(app).constructor)(), { setWindowOpenHandler(f) { this.openHandler = f; } });
app.emit('web-contents-created', {}, contents);
out.contents = {};
for (const [event, url] of [['will-navigate', 'https://evil.example/'], ['will-redirect', 'https://evil.example/'], ['will-frame-navigate', 'file:///etc/passwd'], ['will-navigate', 'app://bluehelm/index.html#/x']]) {
  let prevented = false;
  contents.emit(event, { url, preventDefault: () => (prevented = true) });
  out.contents[event + ' ' + url] = prevented;
}
{
  let prevented = false;
  contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, {});
  out.contents['will-attach-webview'] = prevented;
}
out.contents.windowOpen = contents.openHandler({ url: 'https://evil.example/' });

out.ipcChannels = Object.keys(s.ipc);
const ipc = s.ipc['bluehelm:call'];
// The handler answers an envelope; a refusal keeps its code.
const call = async (frame, name, input) => {
  const r = await ipc({ senderFrame: frame === null ? null : { url: frame } }, name, input);
  return r.ok ? { ok: true, value: r.value } : { ok: false, code: r.error.code, message: r.error.message };
};
const APP = 'app://bluehelm/index.html';
out.ipc = {
  info: await call(APP, 'workspaceInfo', {}),
  evil: await call('https://evil.example/', 'workspaceInfo', {}),
  destroyed: await call(null, 'workspaceInfo', {}),
  unknown: await call(APP, 'dropEverything', {}),
  invalid: await call(APP, 'rejects', { datasetId: 'x' }),
};
const csv = [
  'id,incident_date,casualty_id,mission_acronym,type_of_casualty,gender,casualty_nationality,casualty_personnel_type,type_of_incident,m49_code,isocode3,last_update',
  '1,1948-07-06,UNTSO-1948-07-02408,UNTSO,Fatality,M,France,Military,Malicious Act,250.0,FRA,2025-04-04',
  '2,1948-07-13,UNTSO-1948-07-02401,UNTSO,Fatality,M,Norway,International Civilian,Malicious Act,578.0,NOR,2025-04-04',
].join('\n');
const started = await call(APP, 'importStart', { fileName: 'f.csv', contentBase64: Buffer.from(csv).toString('base64') });
let job = started;
for (let i = 0; i < 400 && started.ok; i++) {
  job = await call(APP, 'importStatus', { jobId: started.value.jobId });
  if (!job.ok || job.value.state !== 'running') break;
  await sleep(25);
}
out.ipc.imported = job.ok ? job.value : job;
out.ipc.after = await call(APP, 'workspaceInfo', {});
out.ipc.crossTab = await call(APP, 'crossTab', { measure: 'fatalities', rows: ['mission'] });
out.ipc.injection = await call(APP, 'crossTab', { measure: 'fatalities', rows: ['mission'], where: { mission: ["x') OR 1=1 --"] } });
// A workspace file the analyst picks in the main process's Open dialog opens; a cancel changes nothing.
s.dialogAnswers.push(process.env.CHOSEN_DB);
out.ipc.chosen = await call(APP, 'workspaceChooseFile', {});
out.ipc.cancelled = await call(APP, 'workspaceChooseFile', {});
out.dialogs = s.dialogs;
out.menu = s.menu;
out.spellChecker = s.session.spellChecker;
out.forks = s.forks;
out.paths = s.paths;
// Quitting waits for the core to close the workspace, then quits for real.
let deferred = false;
app.emit('will-quit', { preventDefault: () => (deferred = true) });
for (let i = 0; i < 200 && !s.quit; i++) await sleep(25);
out.quit = { deferred, quit: s.quit === true };
console.log(JSON.stringify(out));
process.exit(0);
`;
