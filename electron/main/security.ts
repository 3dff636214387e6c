import fs from 'node:fs';
import { app, protocol, session, type Session, type WebContents } from 'electron';
import { SECURITY_HEADERS } from '../server/security';
import { APP_SCHEME, appUrlToFile, contentType, navigationAllowed, permissionAllowed, requestAllowed } from './policy';

/**
 * app://bluehelm/ is a standard, secure scheme: pages loaded from it get a real origin, relative
 * URLs resolve, fetch works — and it does not bypass CSP. Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

function notFound(): Response {
  return new Response('not found', { status: 404, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Serves dist/renderer under app://bluehelm/ with the same CSP and headers as serve mode. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('method not allowed', { status: 405, headers: SECURITY_HEADERS });
    const file = appUrlToFile(request.url, rendererDir);
    if (file === null) return notFound();
    try {
      const stat = await fs.promises.stat(file);
      if (!stat.isFile()) return notFound();
      // Read with fs, not net.fetch(file://): file:// requests are cancelled by the session guard.
      const body = await fs.promises.readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'Content-Type': contentType(file) },
      });
    } catch {
      return notFound();
    }
  });
}

/** The session refuses every request but our own files and DevTools, and every permission. */
export function guardSession(ses: Session = session.defaultSession): void {
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = requestAllowed(details.url);
    if (!allowed) console.warn(`Bluehelm: blocked request to ${details.url}`);
    callback({ cancel: !allowed });
  });
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionAllowed(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => permissionAllowed(permission));
  ses.setDevicePermissionHandler(() => false);
  // Chromium's spell checker fetches dictionaries from a Google CDN: off, on an offline machine.
  ses.setSpellCheckerEnabled(false);
  ses.on('will-download', (event, item) => {
    // Saving a file the page built itself (a blob: of our origin) is allowed; anything else is not.
    if (!requestAllowed(item.getURL())) event.preventDefault();
  });
}

/** Applied to every webContents ever created (windows, DevTools, anything a bug might open). */
export function guardWebContents(contents: WebContents): void {
  const refuse = (event: { preventDefault(): void }, url: string) => {
    if (!navigationAllowed(url)) {
      event.preventDefault();
      console.warn(`Bluehelm: blocked navigation to ${url}`);
    }
  };
  contents.on('will-navigate', (event) => refuse(event, event.url));
  contents.on('will-redirect', (event) => refuse(event, event.url));
  contents.on('will-frame-navigate', (event) => refuse(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
