import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_START_URL,
  appUrlToFile,
  callFromFrame,
  contentType,
  ipcSenderAllowed,
  isAppUrl,
  menuTemplate,
  type MenuEntry,
  navigationAllowed,
  permissionAllowed,
  requestAllowed,
  webPreferences,
} from '../../electron/main/policy';
import { IPC_CHANNEL, createBridge, ipcErrorMessage } from '../../electron/preload/bridge';
import { OPERATION_NAMES } from '../../shared/contract';
import { FALLBACK_MESSAGE, MAIN_ENTRY, planStart, type StartFacts } from '../../electron/start.mjs';
import { tempDir } from '../helpers';

describe('webPreferences', () => {
  it('isolates, sandboxes and strips Node from every window', () => {
    const prefs = webPreferences('/app/dist/electron/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    // Nothing that re-opens a door.
    expect(prefs).not.toHaveProperty('enableRemoteModule');
    expect(prefs).not.toHaveProperty('nodeIntegration', true);
  });

  it('allows developer tools only in a development run, never in a packaged app', () => {
    expect(webPreferences('/p').devTools).toBe(false);
    expect(webPreferences('/p', true).devTools).toBe(false);
    expect(webPreferences('/p', false).devTools).toBe(true);
  });
});

describe('the application menu', () => {
  const roles = (entries: MenuEntry[]): string[] =>
    entries.flatMap((e) => ('submenu' in e ? [...(e.role ? [e.role] : []), ...roles(e.submenu)] : 'role' in e ? [e.role] : []));

  it('offers what an analyst needs and, packaged, no developer tools, reload or links out', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const packaged = roles(menuTemplate(platform, true));
      expect(packaged, platform).toEqual(expect.arrayContaining(['copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'minimize']));
      expect(packaged, platform).not.toContain('toggleDevTools');
      expect(packaged, platform).not.toContain('reload');
      expect(packaged, platform).not.toContain('forceReload');
      expect(packaged.some((r) => /help/i.test(r)), platform).toBe(false);
      expect(JSON.stringify(menuTemplate(platform, true))).not.toMatch(/electronjs|https?:/);
    }
    expect(roles(menuTemplate('linux', true))).toContain('quit');
    expect(roles(menuTemplate('darwin', true))).toEqual(expect.arrayContaining(['appMenu', 'quit', 'hide']));
    expect(roles(menuTemplate('linux', false))).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });
});

const REFUSED = [
  'http://127.0.0.1:8080/',
  'https://evil.example/',
  'http://bluehelm/',
  'file:///etc/passwd',
  'file:///C:/Windows/win.ini',
  'app://evil/index.html',
  'app://bluehelm.evil.example/',
  'app://bluehelm:8080/index.html',
  'app://user:pw@bluehelm/index.html',
  'appx://bluehelm/',
  'data:text/html,<script>alert(1)</script>',
  'javascript:alert(1)',
  'blob:https://evil.example/1234',
  'ws://127.0.0.1:9229/',
  'chrome://settings',
  'about:blank',
  '',
  'not a url',
];

describe('which URLs are ours', () => {
  it('allows app://bluehelm/ and nothing else', () => {
    expect(isAppUrl(APP_START_URL)).toBe(true);
    expect(isAppUrl('app://bluehelm/')).toBe(true);
    expect(isAppUrl('app://bluehelm/assets/index-abc.js?x=1#y')).toBe(true);
    for (const url of REFUSED) expect(isAppUrl(url), url).toBe(false);
  });

  it('lets the session request only our files, DevTools, and blobs our origin made', () => {
    expect(requestAllowed('app://bluehelm/assets/app.js')).toBe(true);
    expect(requestAllowed('devtools://devtools/bundled/devtools_app.html')).toBe(true);
    expect(requestAllowed('blob:app://bluehelm/6b1e9c1a-0000-4000-8000-000000000000')).toBe(true);
    for (const url of REFUSED) expect(requestAllowed(url), url).toBe(false);
  });

  it('refuses navigation anywhere outside the app', () => {
    expect(navigationAllowed('app://bluehelm/index.html#/crosstab')).toBe(true);
    for (const url of [...REFUSED, 'devtools://devtools/bundled/devtools_app.html']) expect(navigationAllowed(url), url).toBe(false);
  });

  it('accepts IPC only from a frame showing our own page', () => {
    expect(ipcSenderAllowed('app://bluehelm/index.html')).toBe(true);
    expect(ipcSenderAllowed(undefined)).toBe(false);
    expect(ipcSenderAllowed(null)).toBe(false);
    for (const url of REFUSED) expect(ipcSenderAllowed(url), url).toBe(false);
  });

  it('grants no permission', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) expect(permissionAllowed(p)).toBe(false);
  });
});

describe('app:// URL → file', () => {
  const base = tempDir('bluehelm-policy-');
  const root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), '');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'SECRET');

  it('maps our files inside the renderer folder', () => {
    expect(appUrlToFile('app://bluehelm/', root)).toBe(path.join(root, 'index.html'));
    expect(appUrlToFile('app://bluehelm/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(appUrlToFile('app://bluehelm/assets/app.js?v=2#x', root)).toBe(path.join(root, 'assets', 'app.js'));
    expect(appUrlToFile('app://bluehelm/assets/a%20b.js', root)).toBe(path.join(root, 'assets', 'a b.js'));
  });

  it('maps traversal attempts, raw or encoded, to no file', () => {
    const attacks = [
      'app://bluehelm/../../etc/passwd',
      'app://bluehelm/../secret.txt',
      'app://bluehelm/assets/../../secret.txt',
      'app://bluehelm/%2e%2e/%2e%2e/etc/passwd',
      'app://bluehelm/%2E%2E/secret.txt',
      'app://bluehelm/.%2e/secret.txt',
      'app://bluehelm/..%2f..%2fetc%2fpasswd',
      'app://bluehelm/..%2fsecret.txt',
      'app://bluehelm/%2e%2e%2fsecret.txt',
      'app://bluehelm/%2e%2e%5csecret.txt',
      'app://bluehelm/..%5c..%5cetc%5cpasswd',
      'app://bluehelm/..\\secret.txt',
      'app://bluehelm/%252e%252e/secret.txt',
      'app://bluehelm/index.html%00.js',
      'app://bluehelm/%E0%A4%A',
      'app://bluehelm//etc/passwd',
      'app://bluehelm/%2fetc%2fpasswd',
      'file:///etc/passwd',
      'app://evil/index.html',
    ];
    for (const url of attacks) {
      const file = appUrlToFile(url, root);
      // Either refused outright, or a path still strictly inside the renderer folder.
      if (file !== null) expect(file.startsWith(root + path.sep), `${url} → ${file}`).toBe(true);
      expect(file === null || !fs.existsSync(file) || file.startsWith(root + path.sep), url).toBe(true);
      expect(file).not.toBe(path.join(base, 'secret.txt'));
      expect(file).not.toBe(path.resolve('/etc/passwd'));
    }
    // The literal traversals are refused before URL parsing could normalise them away.
    expect(appUrlToFile('app://bluehelm/../../etc/passwd', root)).toBeNull();
    expect(appUrlToFile('app://bluehelm/%2e%2e/%2e%2e/etc/passwd', root)).toBeNull();
    expect(appUrlToFile('app://bluehelm/..%2f..%2fetc%2fpasswd', root)).toBeNull();
  });

  it('labels files by extension, unknown ones as opaque bytes', () => {
    expect(contentType('index.html')).toMatch(/^text\/html/);
    expect(contentType('a.JS')).toMatch(/^text\/javascript/);
    expect(contentType('f.woff2')).toBe('font/woff2');
    expect(contentType('x.exe')).toBe('application/octet-stream');
  });
});

describe('the IPC handler', () => {
  const ok = vi.fn(async (name: string, input: unknown) => ({ ok: true as const, value: { name, input } }));

  it('passes calls from our page to the core', async () => {
    await expect(callFromFrame(ok, 'app://bluehelm/index.html', 'workspaceInfo', {})).resolves.toEqual({ ok: true, value: { name: 'workspaceInfo', input: {} } });
  });

  it('refuses calls from any other frame without reaching the core, with a code', async () => {
    ok.mockClear();
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'data:text/html,x', undefined, null]) {
      await expect(callFromFrame(ok, url, 'workspaceInfo', {})).resolves.toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/^refused/) } });
    }
    await expect(callFromFrame(ok, 'app://bluehelm/', 42, {})).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/string/) } });
    expect(ok).not.toHaveBeenCalled();
  });

  it("hands the core's refusal back whole: its code and its message", async () => {
    const refuse = async () => ({ ok: false as const, error: { code: 'invalid_input' as const, message: 'rejects: datasetId: Invalid input' } });
    await expect(callFromFrame(refuse, 'app://bluehelm/', 'rejects', {})).resolves.toEqual({ ok: false, error: { code: 'invalid_input', message: 'rejects: datasetId: Invalid input' } });
  });
});

describe('the preload bridge', () => {
  it('exposes exactly one function, call', () => {
    const bridge = createBridge(async () => null, OPERATION_NAMES);
    expect(Object.keys(bridge)).toEqual(['call']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('refuses names outside the contract before any IPC', async () => {
    const invoke = vi.fn(async () => 'x');
    const bridge = createBridge(invoke, OPERATION_NAMES);
    for (const name of ['eval', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'bluehelm:call', '', 'workspaceinfo']) {
      await expect(bridge.call(name, {}), name).resolves.toEqual({ ok: false, error: { code: 'not_found', message: `no operation "${name}"` } });
    }
    await expect(bridge.call(1 as unknown as string)).resolves.toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('invokes the one channel for every operation of the contract and passes the envelope on', async () => {
    const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'value' }));
    const bridge = createBridge(invoke, OPERATION_NAMES);
    for (const name of OPERATION_NAMES) await expect(bridge.call(name, { a: 1 })).resolves.toEqual({ ok: true, value: 'value' });
    expect(invoke.mock.calls.every((c) => c[0] === IPC_CHANNEL)).toBe(true);
    expect(invoke).toHaveBeenCalledTimes(OPERATION_NAMES.length);
    const refused = { ok: false, error: { code: 'refused', message: 'importStart: the file is not a known layout' } };
    await expect(createBridge(async () => refused, OPERATION_NAMES).call('importStart', {})).resolves.toEqual(refused);
  });

  it("turns a failed IPC into an internal error with the message, without Electron's prefix", async () => {
    const bridge = createBridge(async () => {
      throw new Error("Error invoking remote method 'bluehelm:call': Error: reply was never sent");
    }, OPERATION_NAMES);
    await expect(bridge.call('crossTab', {})).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'reply was never sent' } });
    expect(ipcErrorMessage('plain')).toBe('plain');
  });
});

describe("start.mjs's plan", () => {
  const facts = (over: Partial<StartFacts> = {}): StartFacts => ({
    electronBinary: '/repo/node_modules/electron/dist/electron',
    electronVersion: '41.7.1',
    mainBuilt: true,
    rendererBuilt: true,
    bindingPresent: true,
    packageMain: MAIN_ENTRY,
    portAsked: false,
    ...over,
  });

  it('falls back to serve mode when the Electron binary is missing, whatever else is true', () => {
    expect(planStart(facts({ electronBinary: null }))).toMatchObject({ mode: 'serve', reason: expect.stringContaining('41.7.1') });
    // npm runs no Electron download script (allowScripts denies it): the reason says how to fetch the binary.
    expect(planStart(facts({ electronBinary: null }))).toMatchObject({ reason: expect.stringContaining('node node_modules/electron/install.js') });
    expect(planStart(facts({ electronBinary: null, mainBuilt: false, bindingPresent: false, packageMain: 'x' })).mode).toBe('serve');
    expect(planStart(facts({ electronBinary: null, electronVersion: null })).mode).toBe('serve');
    expect(FALLBACK_MESSAGE).toMatch(/^Electron is not installed on this machine \(its binary could not be downloaded\)\. Starting Bluehelm in serve mode instead/);
  });

  it('starts serve mode when a --port is given, even where Electron could start', () => {
    expect(planStart(facts({ portAsked: true }))).toEqual({ mode: 'serve', reason: 'a --port was given', asked: true });
    expect(planStart(facts({ portAsked: true, electronBinary: null }))).toMatchObject({ mode: 'serve', asked: true });
  });

  it('starts Electron straight away when everything is there', () => {
    expect(planStart(facts())).toEqual({ mode: 'electron', build: false, native: false });
  });

  it('builds dist/ first when the main bundle or the renderer is missing', () => {
    expect(planStart(facts({ mainBuilt: false }))).toEqual({ mode: 'electron', build: true, native: false });
    expect(planStart(facts({ rendererBuilt: false }))).toEqual({ mode: 'electron', build: true, native: false });
  });

  it('builds the Electron binding when native/electron-<version> lacks it', () => {
    expect(planStart(facts({ bindingPresent: false, mainBuilt: false }))).toEqual({ mode: 'electron', build: true, native: true });
  });

  it('refuses to start Electron on a package.json whose main is not the bundle', () => {
    expect(planStart(facts({ packageMain: 'dist/electron/main.cjs' }))).toMatchObject({ mode: 'error', message: expect.stringContaining(MAIN_ENTRY) });
  });
});
