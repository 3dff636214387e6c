import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding data/, the migrations and the built renderer. The Electron main sets
 * BLUEHELM_ROOT to the app path because bundling moves this module away from the repo layout.
 */
export function appRoot(): string {
  if (process.env.BLUEHELM_ROOT) return process.env.BLUEHELM_ROOT;
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
}

export function rootPath(...parts: string[]): string {
  return path.join(appRoot(), ...parts);
}

/** The per-user app-data folder of each OS, where the default workspace lives. */
export function userDataDir(platform = process.platform, env = process.env, home = os.homedir()): string {
  if (env.BLUEHELM_DATA_DIR) return env.BLUEHELM_DATA_DIR;
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Bluehelm');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Bluehelm');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'bluehelm');
}

export function defaultDbPath(env = process.env): string {
  return env.BLUEHELM_DB || path.join(userDataDir(), 'workspace.sqlite');
}

/** One setting for where the UN datasets live; tests and benchmarks read them only through this. */
export function datasetsDir(env = process.env): string {
  return env.BLUEHELM_DATASETS || path.resolve(appRoot(), '..', 'shared', 'datasets');
}
