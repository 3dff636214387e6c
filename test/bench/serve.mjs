// `bluehelm serve` started as a user starts it, for the browser benches (launch, change latency).
import { spawn } from 'node:child_process';

/** Starts `bluehelm serve` on a free port; `url` resolves with its address once it prints it. */
export function startServe(cli, db, env) {
  const child = spawn(process.execPath, [cli, 'serve', '--db', db, '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /serving at (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  return { child, url };
}
