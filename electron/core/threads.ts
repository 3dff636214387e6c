import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a core worker. From TypeScript sources (CLI, server, tests) the worker is loaded through
 * tsx; in the Electron bundle it is a sibling .mjs file the build wrote next to main.
 */
export function startWorker(name: string, options: WorkerOptions): Worker {
  if (process.env.BLUEHELM_BUNDLED === '1') {
    // A worker inherits the process's flags, and --input-type (a process started from `node -e`) stops it loading a file.
    const execArgv = process.execArgv.filter((a) => !a.startsWith('--input-type'));
    return new Worker(new URL(`./${name}.mjs`, import.meta.url), { execArgv, ...options });
  }
  // Node 20 ignores `--import tsx` in a worker's execArgv for its entry module, so the worker registers tsx itself first.
  const entry = new URL(`./workers/${name}.ts`, import.meta.url).href;
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { ...options, eval: true });
}
