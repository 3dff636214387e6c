import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../electron/core/db/open';
import { importFile } from '../../electron/core/import/run';
import { serve, type Server } from '../../electron/server/serve';
import { tempDb, tempDir } from '../helpers';

// One exploit spec per attack surface of serve mode, against a real server on a real socket.
// Requests are made with node:http, not fetch, so the Host header and the raw path (`/../..`)
// go on the wire exactly as an attacker would send them.

const FATALITIES = [
  'id,incident_date,casualty_id,mission_acronym,type_of_casualty,gender,casualty_nationality,casualty_personnel_type,type_of_incident,m49_code,isocode3,last_update',
  '1,1948-07-06,UNTSO-1948-07-02408,UNTSO,Fatality,M,France,Military,Malicious Act,250.0,FRA,2025-04-04',
  '2,1948-07-13,UNTSO-1948-07-02401,UNTSO,Fatality,M,Norway,International Civilian,Malicious Act,578.0,NOR,2025-04-04',
  '3,1948-07-15,UNTSO-1948-07-02402,UNTSO,Fatality,M,France,Military,Accident,250.0,FRA,2025-04-04',
].join('\n');

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let server: Server;
let base: string;
let staticDir: string;

function request(
  method: string,
  rawPath: string,
  { headers = {}, body, auth = true, host }: { headers?: Record<string, string>; body?: string; auth?: boolean; host?: string | null } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path: rawPath,
        // host: null sends no Host header at all (HTTP/1.0 style).
        setHost: false,
        headers: {
          ...(host === null ? {} : { Host: host ?? `127.0.0.1:${server.port}` }),
          ...(auth ? { Authorization: `Bearer ${server.token}` } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function rpc(name: string, input: unknown, extra: { headers?: Record<string, string>; auth?: boolean } = {}): Promise<Reply> {
  return request('POST', `/rpc/${name}`, { ...extra, headers: { 'Content-Type': 'application/json', ...extra.headers }, body: JSON.stringify(input) });
}

beforeAll(async () => {
  const dbPath = tempDb();
  const db = openWorkspace(dbPath);
  try {
    importFile(db, { fileName: 'fatalities.csv', bytes: Buffer.from(FATALITIES) });
  } finally {
    db.close();
  }
  // The renderer folder sits next to a secret the traversal attacks try to read.
  base = tempDir('bluehelm-serve-sec-');
  staticDir = path.join(base, 'www');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Bluehelm</title>');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'TOP-SECRET-CONTENT');
  server = await serve({ dbPath, port: 0, staticDir });
});

afterAll(async () => {
  await server?.close();
});

describe('authentication: the per-run token', () => {
  it('refuses a request without a token (401)', async () => {
    expect((await request('GET', '/', { auth: false })).status).toBe(401);
    expect((await rpc('workspaceInfo', {}, { auth: false })).status).toBe(401);
  });

  it('refuses a wrong token, in any place it can be presented (401)', async () => {
    const wrong = 'A'.repeat(server.token.length);
    expect((await request('GET', '/', { auth: false, headers: { Authorization: `Bearer ${wrong}` } })).status).toBe(401);
    expect((await request('GET', '/', { auth: false, headers: { Cookie: `bluehelm_token=${wrong}` } })).status).toBe(401);
    expect((await request('GET', `/?token=${wrong}`, { auth: false })).status).toBe(401);
    expect((await request('GET', '/?token=', { auth: false })).status).toBe(401);
    expect((await rpc('workspaceInfo', {}, { auth: false, headers: { Authorization: 'Bearer ' } })).status).toBe(401);
  });

  it('moves a first-load ?token= into an HttpOnly SameSite=Strict cookie and out of the address', async () => {
    const first = await request('GET', `/?token=${server.token}`, { auth: false });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    expect(first.headers.location).not.toContain('token');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const pair = cookie.split(';')[0];
    const next = await request('GET', '/', { auth: false, headers: { Cookie: pair } });
    expect(next.status).toBe(200);
  });

  it('takes the printed address beside a stale cookie of an earlier run (a restart on another port)', async () => {
    // Cookies are per host, not per port: the browser still sends the token of a serve stopped earlier.
    const stale = `bluehelm_token=${'B'.repeat(server.token.length)}`;
    const restarted = await request('GET', `/?token=${server.token}`, { auth: false, headers: { Cookie: stale } });
    expect(restarted.status).toBe(303);
    expect(String(restarted.headers['set-cookie']).split(';')[0]).toBe(`bluehelm_token=${server.token}`);
    // Neither matching is refused as before.
    expect((await request('GET', `/?token=${'A'.repeat(server.token.length)}`, { auth: false, headers: { Cookie: stale } })).status).toBe(401);
  });
});

describe('DNS rebinding and cross-site requests', () => {
  it('refuses a request whose Host is not 127.0.0.1 / localhost (421)', async () => {
    for (const host of [`evil.example:${server.port}`, 'evil.example', `127.0.0.1.evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, `localhost.evil.example:${server.port}`, null]) {
      const r = await request('GET', '/', { host });
      // No Host at all is refused earlier still, by Node's HTTP/1.1 parser (400).
      if (host === null) expect(r.status).toBe(400);
      else expect(r.status, `Host: ${host}`).toBe(421);
      expect(r.body).not.toContain('Bluehelm</title>');
    }
    expect((await rpc('workspaceInfo', {}, { headers: { Host: `evil.example:${server.port}` } })).status).toBe(421);
  });

  it('refuses a cross-origin POST even with a valid token (403)', async () => {
    for (const origin of ['http://evil.example', `http://evil.example:${server.port}`, 'null', `https://127.0.0.1:${server.port}`]) {
      const r = await rpc('workspaceInfo', {}, { headers: { Origin: origin } });
      expect(r.status, origin).toBe(403);
    }
    expect((await rpc('workspaceInfo', {}, { headers: { Origin: `http://127.0.0.1:${server.port}` } })).status).toBe(200);
  });

  it('refuses GET on an operation (405): no operation is reachable by a link or an <img>', async () => {
    const r = await request('GET', '/rpc/workspaceInfo');
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('POST');
  });

  it('refuses a body that is not JSON (415): an HTML form cannot post to an operation', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await request('POST', '/rpc/workspaceInfo', { headers: { 'Content-Type': type }, body: '{}' });
      expect(r.status, type).toBe(415);
    }
    expect((await request('POST', '/rpc/workspaceInfo', { body: '{}' })).status).toBe(415);
  });
});

describe('the operation boundary', () => {
  it('answers an unknown operation with a 404 JSON error', async () => {
    for (const name of ['dropEverything', '__proto__', 'constructor', 'toString', '..%2f..%2fetc%2fpasswd']) {
      const r = await rpc(name, {});
      expect(r.status, name).toBe(404);
      expect(r.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(r.body)).toMatchObject({ code: 'not_found' });
    }
  });

  it('answers invalid input with a 400 naming the field', async () => {
    const r = await rpc('rejects', { datasetId: 'one' });
    expect(r.status).toBe(400);
    const error = JSON.parse(r.body);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('datasetId');

    const date = await rpc('crossTab', { measure: 'fatalities', from: '1948-07-06; DROP TABLE fatality' });
    expect(date.status).toBe(400);
    expect(JSON.parse(date.body).message).toContain('from');

    const extra = await rpc('workspaceInfo', { sql: 'SELECT 1' });
    expect(extra.status).toBe(400);
    expect(JSON.parse(extra.body).message).toMatch(/sql/);

    const broken = await request('POST', '/rpc/workspaceInfo', { headers: { 'Content-Type': 'application/json' }, body: '{"a":' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).code).toBe('invalid_input');
  });

  it('treats an SQL injection in a filter value as a value: one matching nothing known is refused (400), never all rows', async () => {
    const all = JSON.parse((await rpc('crossTab', { measure: 'fatalities', rows: ['mission'] })).body);
    expect(all.grandTotal).toBe(3);

    for (const value of ["x') OR 1=1 --", "x' OR '1'='1", 'UNTSO" OR 1=1 --', "'; DROP TABLE fatality; --"]) {
      const r = await rpc('crossTab', { measure: 'fatalities', rows: ['mission'], where: { mission: [value] } });
      expect(r.status, value).toBe(400);
      const error = JSON.parse(r.body);
      expect(error.code, value).toBe('invalid_input');
      expect(error.message, value).toContain(`'${value}' matches nothing`);
      expect(error.message, value).toMatch(/Known values: .*'UNTSO'/);
    }
    // The filter still works for a real value, and the table is still there.
    const untso = JSON.parse((await rpc('crossTab', { measure: 'fatalities', rows: ['mission'], where: { mission: ['UNTSO'] } })).body);
    expect(untso.grandTotal).toBe(3);
    expect(JSON.parse((await rpc('workspaceInfo', {})).body).counts.fatalities).toBe(3);
  });

  it('refuses a dimension name carrying SQL (400), and the data survives', async () => {
    const attempts = [
      { measure: 'fatalities', rows: ['year; DROP TABLE fatality'] },
      { measure: 'fatalities', cols: 'year; DROP TABLE fatality' },
      { measure: 'fatalities', where: { 'year; DROP TABLE fatality': ['2020'] } },
      { measure: 'fatalities) FROM sqlite_schema --' },
    ];
    for (const spec of attempts) {
      const r = await rpc('crossTab', spec);
      expect(r.status, JSON.stringify(spec)).toBe(400);
      expect(JSON.parse(r.body).code).toBe('invalid_input');
    }
    const dv = await rpc('dimensionValues', { measure: 'fatalities', dimension: 'year; DROP TABLE fatality' });
    expect(dv.status).toBe(400);
    expect(JSON.parse(dv.body).message).toContain('dimension');
    expect(JSON.parse((await rpc('workspaceInfo', {})).body).counts.fatalities).toBe(3);
  });
});

describe('static files', () => {
  const attacks = [
    '/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/..%5c..%5cetc%5cpasswd',
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    '/index.html%00/../../secret.txt',
  ];

  it('never serves a file outside the renderer folder', async () => {
    const passwd = fs.existsSync('/etc/passwd') ? fs.readFileSync('/etc/passwd', 'utf8') : null;
    for (const p of attacks) {
      const r = await request('GET', p);
      expect(r.body, p).not.toContain('TOP-SECRET-CONTENT');
      expect(r.body, p).not.toMatch(/root:.*:0:0:/);
      if (passwd) expect(r.body, p).not.toBe(passwd);
      expect([200, 400, 404], p).toContain(r.status);
    }
  });

  it('sends the CSP, nosniff and anti-framing headers with the HTML', async () => {
    const r = await request('GET', '/');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
  });

  it('lets the browser keep only the app’s content-hashed scripts; the page, answers and refusals are never stored', async () => {
    fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'assets', 'index-C56kgaG3.js'), 'export {};');
    fs.writeFileSync(path.join(staticDir, 'assets', 'notes.js'), 'export {};');
    const hashed = await request('GET', '/assets/index-C56kgaG3.js');
    expect(hashed.status).toBe(200);
    expect(hashed.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(hashed.headers['x-content-type-options']).toBe('nosniff');
    for (const p of ['/', '/index.html', '/assets/notes.js', '/assets/missing-AAAAAAAA.js']) expect((await request('GET', p)).headers['cache-control'], p).toBe('no-store');
    expect((await request('GET', '/assets/index-C56kgaG3.js', { auth: false })).headers['cache-control']).toBe('no-store');
    expect((await request('POST', '/rpc/workspaceInfo', { headers: { 'content-type': 'application/json' }, body: '{}' })).headers['cache-control']).toBe('no-store');
  });

  it('sends the same headers on refusals', async () => {
    const r = await request('GET', '/', { auth: false });
    expect(r.status).toBe(401);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['content-security-policy']).toBeDefined();
  });
});

describe('the network surface', () => {
  it('listens on 127.0.0.1 only', async () => {
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((a): a is os.NetworkInterfaceInfo => !!a && a.address !== '127.0.0.1' && a.address !== '::1' && !a.address.startsWith('fe80'))
      .map((a) => a.address);
    // 127.0.0.2 is another local address on Linux (the whole 127/8 is loopback), not on macOS.
    if (process.platform === 'linux') others.push('127.0.0.2');
    if (others.length === 0) {
      console.warn('serve.test: this machine has no other local address; skipping the bind-address check');
      return;
    }
    for (const address of others) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = net.connect({ host: address, port: server.port, timeout: 2000 });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('timeout', () => {
          socket.destroy();
          resolve('timeout');
        });
        socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
      expect(outcome, address).not.toBe('connected');
    }
  });
});

describe('workspace files', () => {
  it('refuses to open or create a workspace file the page names outside the app-data folder', async () => {
    const outside = path.join(tempDir('bluehelm-planted-'), 'planted.sqlite');
    const open = await rpc('workspaceOpen', { path: outside });
    expect(open.status).toBe(400);
    expect(JSON.parse(open.body).message).toMatch(/not a workspace Bluehelm has opened/);
    expect(fs.existsSync(outside)).toBe(false);
    for (const name of ['../../escape', '/etc/cron.d/x', 'a\u0000b']) {
      const created = await rpc('workspaceNew', { name });
      expect(created.status, name).toBe(400);
    }
    expect(JSON.parse((await rpc('workspaceInfo', {})).body).counts.fatalities).toBe(3);
  });
});
