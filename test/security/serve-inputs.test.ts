import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../electron/core/db/open';
import { serve, type Server } from '../../electron/server/serve';
import { viewSpecSchema } from '../../shared/spec';
import { tempDb, tempDir } from '../helpers';

// Findings 4 (a bad % escape answered 500) and 6 (unbounded inputs, a loose media type), against a real server.

let server: Server;

function request(method: string, rawPath: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method, path: rawPath, headers: { Host: `127.0.0.1:${server.port}`, Authorization: `Bearer ${server.token}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const rpc = (name: string, input: unknown, type = 'application/json') => request('POST', `/rpc/${name}`, { 'Content-Type': type }, JSON.stringify(input));

beforeAll(async () => {
  const db = tempDb();
  openWorkspace(db).close();
  server = await serve({ dbPath: db, port: 0, staticDir: tempDir(), dataDir: tempDir() });
});

afterAll(async () => {
  await server?.close();
});

describe('serve: malformed addresses are 400, not 500 (finding 4)', () => {
  it.each(['/rpc/%E0%A4%A', '/rpc/workspace%', '/%', '/assets/%ZZ.js', '/%C0%AF'])('%s', async (p) => {
    const r = await request(p.startsWith('/rpc/') ? 'POST' : 'GET', p, { 'Content-Type': 'application/json' }, p.startsWith('/rpc/') ? '{}' : undefined);
    expect(r.status).toBe(400);
    expect(r.body).toBe('a malformed % escape in the address');
  });

  it('a malformed % escape in the token cookie is a refused token (401), not a 500', async () => {
    const r = await request('GET', '/', { Authorization: '', Cookie: 'bluehelm_token=%E0%A4%A' });
    expect(r.status).toBe(401);
  });
});

describe('serve: bounded inputs and exact media types (finding 6)', () => {
  it('refuses a where list of a million values quickly, without echoing it', async () => {
    const values = Array.from({ length: 1_000_000 }, (_, i) => `M${i}`);
    const started = performance.now();
    const r = await rpc('crossTab', { measure: 'fatalities', rows: ['mission'], where: { mission: values } });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toEqual({ code: 'invalid_input', message: 'crossTab: where.mission: Too big: expected array to have <=1000 items' });
  });

  it('refuses a filter value longer than 200 characters', async () => {
    const r = await rpc('crossTab', { measure: 'fatalities', where: { mission: ['x'.repeat(201)] } });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).message).toBe('crossTab: where.mission.0: Too big: expected string to have <=200 characters');
  });

  it('takes application/json, with or without a charset, and nothing that merely starts with it', async () => {
    expect((await rpc('workspaceInfo', {}, 'application/json')).status).toBe(200);
    expect((await rpc('workspaceInfo', {}, 'application/json; charset=utf-8')).status).toBe(200);
    expect((await rpc('workspaceInfo', {}, 'Application/JSON')).status).toBe(200);
    for (const type of ['application/jsonfoo', 'application/json-patch+json', 'application/json5', 'text/plain', 'application/x-www-form-urlencoded']) {
      const r = await rpc('workspaceInfo', {}, type);
      expect(r.status, type).toBe(415);
    }
  });

  it('every string and list a view spec takes is bounded', () => {
    const spec = { measure: 'fatalities', where: { mission: ['a'] } };
    expect(viewSpecSchema.safeParse(spec).success).toBe(true);
    expect(viewSpecSchema.safeParse({ ...spec, where: { mission: Array(1001).fill('a') } }).success).toBe(false);
    expect(viewSpecSchema.safeParse({ ...spec, from: '2020-01-01'.repeat(2) }).success).toBe(false);
  });
});
