import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../core/dispatch';
import { operationsFor } from '../core/operations';
import { Session } from '../core/session';
import { rootPath } from '../core/paths';
import { SECURITY_HEADERS, TOKEN_COOKIE, decoded, hostAllowed, isJsonMediaType, newToken, originAllowed, presentedTokens, tokenMatches } from './security';

export interface ServeOptions {
  dbPath: string;
  /** Per-user folder for the recent-workspaces list and the demo workspace. */
  dataDir?: string;
  port?: number;
  /** The built renderer; defaults to dist/renderer. */
  staticDir?: string;
  token?: string;
}

export interface Server {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

const MAX_BODY = 512 * 1024 * 1024;
/** vite's output names: assets/<name>-<8-character content hash>.js|css. */
const HASHED_ASSET = /^assets\/[\w.-]+-[\w-]{8}\.(js|css)$/;
const BAD_ESCAPE = 'a malformed % escape in the address';

function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...extra });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Serve mode: the renderer and the operation contract over HTTP on 127.0.0.1, behind a per-run token. */
export async function serve(options: ServeOptions): Promise<Server> {
  const session = new Session(options.dbPath, options.dataDir);
  const ops = operationsFor(session);
  const token = options.token ?? newToken();
  const staticDir = path.resolve(options.staticDir ?? rootPath('dist', 'renderer'));
  let port = 0;

  const server = http.createServer(async (req, res) => {
    try {
      if (!hostAllowed(req.headers.host, port)) return send(res, 421, 'wrong Host header');
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      const presented = presentedTokens(req, url).find((p) => tokenMatches(p.token, token));
      if (!presented) return send(res, 401, 'Bluehelm: a valid token is required. Open the URL printed by "bluehelm serve".');

      if (url.pathname.startsWith('/rpc/')) {
        if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain', { Allow: 'POST' });
        if (!originAllowed(req.headers.origin, port)) return send(res, 403, 'cross-origin request refused');
        if (!isJsonMediaType(req.headers['content-type'])) return send(res, 415, 'application/json only');
        const name = decoded(url.pathname.slice(5));
        if (name === null) return send(res, 400, BAD_ESCAPE);
        let input: unknown;
        try {
          const body = await readBody(req);
          input = body.length ? JSON.parse(body.toString('utf8')) : {};
        } catch (e) {
          return send(res, 400, JSON.stringify({ code: 'invalid_input', message: `request body: ${(e as Error).message}` }), 'application/json');
        }
        const result = await dispatch(ops, name, input);
        if (result.ok) return send(res, 200, JSON.stringify(result.value), 'application/json');
        return send(res, result.status, JSON.stringify(result.error), 'application/json');
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
      if (url.pathname.startsWith('/download/')) {
        // A finished pack export, as a download (the token cookie or header is required, like every route).
        let file;
        try {
          file = session.current.exports.file(decodeURIComponent(url.pathname.slice('/download/'.length)));
        } catch (e) {
          return send(res, 404, (e as Error).message);
        }
        return send(res, 200, Buffer.from(file.bytes), file.mime, {
          'Content-Disposition': `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        });
      }
      if (presented.via === 'query') {
        // Keep the token in a cookie and take it out of the address bar and history.
        url.searchParams.delete('token');
        return send(res, 303, '', 'text/plain', {
          Location: url.pathname + (url.search || ''),
          'Set-Cookie': `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
        });
      }
      const pathname = decoded(url.pathname);
      if (pathname === null) return send(res, 400, BAD_ESCAPE);
      const rel = url.pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
      const file = path.resolve(staticDir, rel);
      if (!file.startsWith(staticDir + path.sep)) return send(res, 404, 'not found');
      const target = fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(staticDir, 'index.html');
      if (!fs.existsSync(target)) return send(res, 503, 'The renderer is not built. Run "npm run build" (npm install does it for you).');
      // A built script or stylesheet is named by its content's hash, so it never changes under its name: the
      // browser may keep it (and its compiled code) for the next load of this address. It holds no data, only
      // the app; everything else, the page and every answer included, stays no-store.
      const fixed: Record<string, string> = target === file && HASHED_ASSET.test(rel) ? { 'Cache-Control': 'private, max-age=31536000, immutable' } : {};
      return send(res, 200, fs.readFileSync(target), MIME[path.extname(target)] ?? 'application/octet-stream', fixed);
    } catch (e) {
      if (!res.headersSent) send(res, 500, `internal error: ${(e as Error).message}`);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  // The engine reads the workspace while the browser loads the page, rather than when the page first asks.
  session.current.warmEngine();
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          session.close();
          resolve();
        });
      }),
  };
}
