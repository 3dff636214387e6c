import path from 'node:path';
import type { Envelope } from '../core/transport';

/**
 * The Electron main process's security decisions as pure functions, so they run (and are tested)
 * on plain Node. This module must never import 'electron' (test/security/electron-main.test.ts
 * checks it): window.ts, security.ts and ipc.ts only wire these answers into Electron's hooks.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'bluehelm';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window opens. */
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** The flags every Bluehelm window is created with (a subset of Electron's WebPreferences). */
export interface HardenedWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  spellcheck: false;
  experimentalFeatures: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  devTools: boolean;
}

/** devTools only in a development run (`npm start`): a packaged app cannot open them. */
export function webPreferences(preload: string, packaged = true): HardenedWebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: !packaged,
  };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for app://bluehelm/… (no credentials, no port): our own origin and nothing else. */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.hostname.toLowerCase() === APP_HOST &&
    u.port === '' &&
    u.username === '' &&
    u.password === '' &&
    u.pathname.startsWith('/')
  );
}

/**
 * Whether the session may make a request at all (webRequest.onBeforeRequest). Our own files, the
 * DevTools' own pages, and blob: URLs our own origin minted (a Blob the renderer built, e.g. a CSV
 * to save). Everything else — http(s), file, ws, ftp, other custom schemes — is cancelled, so even
 * a compromised renderer cannot reach the network or the disk.
 */
export function requestAllowed(url: string): boolean {
  if (isAppUrl(url)) return true;
  if (url.startsWith('devtools://')) return true;
  if (url.startsWith(`blob:${APP_ORIGIN}/`)) return true;
  return false;
}

/** Whether a frame may navigate (will-navigate, will-redirect, will-frame-navigate) to url. */
export function navigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/** Whether an IPC call comes from our own page (the sender frame's URL). */
export function ipcSenderAllowed(frameUrl: string | null | undefined): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

/** Every permission (camera, geolocation, notifications, clipboard-read, …) is refused. */
export function permissionAllowed(_permission: string): boolean {
  return false;
}

// A `..` segment, raw or percent-encoded (%2e), delimited by /, \ (raw or %2f / %5c) or the ends.
const DOT_DOT = /(^|[/\\]|%2f|%5c)(\.|%2e){2}($|[/\\?#]|%2f|%5c)/i;

/**
 * The file under rendererDir that an app://bluehelm/ URL names, or null when it names none:
 * another scheme or host, any `..` segment (raw or encoded, even though URL parsing would have
 * removed it), a backslash, a NUL byte, a malformed escape, or a path resolving outside rendererDir.
 * `/` is index.html. Whether the file exists is for the caller to check.
 */
export function appUrlToFile(url: string, rendererDir: string): string | null {
  if (!isAppUrl(url)) return null;
  const rawPath = url.slice(APP_ORIGIN.length).replace(/[?#].*$/s, '');
  if (DOT_DOT.test(rawPath)) return null;
  const u = new URL(url);
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  if (rel.split('/').some((seg) => seg === '..' || seg === '.')) return null;
  rel = rel.replace(/^\/+/, '');
  if (rel === '') rel = 'index.html';
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, rel);
  if (!file.startsWith(root + path.sep)) return null;
  return file;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The IPC handler's logic: refuse a call unless it comes from a frame of our own origin, and pass it
 * to the core (whose dispatch validates the name and the input against shared/contract.ts). Always an
 * envelope, never a throw: Electron would turn a thrown error into a bare message and lose its code.
 */
export async function callFromFrame(
  call: (name: string, rawInput: unknown) => Promise<Envelope>,
  frameUrl: string | null | undefined,
  name: unknown,
  input: unknown,
): Promise<Envelope> {
  if (!ipcSenderAllowed(frameUrl)) return { ok: false, error: { code: 'refused', message: `refused: call from ${frameUrl ?? 'an unknown frame'}` } };
  if (typeof name !== 'string') return { ok: false, error: { code: 'invalid_input', message: 'operation name must be a string' } };
  return call(name, input);
}

/**
 * Chromium's own profile (caches, local storage), in a folder of its own under the app-data folder:
 * on Windows and macOS the workspaces live in <appData>/Bluehelm itself (electron/core/paths.ts), and
 * Chromium's files should never sit among them.
 */
export function browserProfileDir(appData: string): string {
  return path.join(appData, 'Bluehelm', 'browser-profile');
}

/** One entry of Electron's menu template (the subset Bluehelm uses). */
export type MenuEntry = { role: string } | { type: 'separator' } | { label: string; role?: string; submenu: MenuEntry[] };

/**
 * The application menu: what an analyst needs (quit, clipboard, zoom, full screen, window) and
 * nothing that leads out of the app: no Help links to electronjs.org, and no developer tools or
 * reload in a packaged app.
 */
export function menuTemplate(platform: NodeJS.Platform, packaged: boolean): MenuEntry[] {
  const mac = platform === 'darwin';
  const developer: MenuEntry[] = packaged ? [] : [{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }];
  return [
    ...(mac ? [{ label: 'Bluehelm', role: 'appMenu', submenu: [{ role: 'about' }, { type: 'separator' as const }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' as const }, { role: 'quit' }] }] : []),
    { label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    { label: 'Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: 'View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }, ...developer] },
    { label: 'Window', submenu: [{ role: 'minimize' }, ...(mac ? [{ role: 'zoom' }] : []), { role: 'close' }] },
  ];
}
