import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a core worker. From TypeScript sources (CLI, server, tests) the worker is loaded through
 * tsx; in the Electron bundle it is a sibling .mjs file the build wrote next to main.
 */
export function startWorker(name: string, options: WorkerOptions): Worker {
  if (process.env.BLUEHELM_BUNDLED === '1') {
    return new Worker(new URL(`./${name}.mjs`, import.meta.url), options);
  }
  const entry = new URL(`./workers/${name}.ts`, import.meta.url);
  return new Worker(entry, { ...options, execArgv: [...(options.execArgv ?? []), '--import', import.meta.resolve('tsx')] });
}
