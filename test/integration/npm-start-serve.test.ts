import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SERVE_ASKED_MESSAGE } from '../../electron/start.mjs';
import { REPO, tempDir } from '../helpers';

/** A port nothing listens on now: the system hands one out, and it is let go again. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

// `npm start -- --port N --db PATH`, exactly as typed: npm, start.mjs and `bluehelm serve` in turn.
/** Whether something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('npm start -- --port N --db PATH', () => {
  let child: ChildProcess | undefined;
  let port = 0;

  afterEach(async () => {
    if (!child?.pid) return;
    // npm, start.mjs and serve share the process group the test gave npm: all three are stopped, and the
    // test waits until the port is closed, so no server outlives it.
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    for (let i = 0; i < 100 && (await listening(port)); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await listening(port)).toBe(false);
  });

  it('serves the named workspace on the named port', async () => {
    const dir = tempDir('bluehelm-npm-start-');
    const db = path.join(dir, 'analyst.sqlite');
    port = await freePort();
    child = spawn('npm', ['start', '--silent', '--', '--port', String(port), '--db', db], { cwd: REPO, env: { ...process.env, BLUEHELM_DATA_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child!.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /serving at (\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child!.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      child!.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)));
    });
    expect(out).toContain(SERVE_ASKED_MESSAGE);
    const address = new URL(url);
    expect(address.host).toBe(`127.0.0.1:${port}`);
    // The workspace is the file named by --db: serve created it, and the page's core answers from it.
    expect(fs.existsSync(db)).toBe(true);
    const token = address.searchParams.get('token')!;
    const res = await fetch(`http://127.0.0.1:${port}/rpc/workspaceInfo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { path: string }).path).toBe(db);
  }, 60_000);
});
