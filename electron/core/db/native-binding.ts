import fs from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3 is a native module built for one ABI. Node (CLI, server, tests) uses the
 * binding npm built in node_modules; Electron uses a copy built for its own ABI and kept in a
 * folder of its own, so an Electron rebuild can never replace the binding the tests load.
 */
export function electronBindingDir(root: string, electronVersion: string): string {
  return path.join(root, 'native', `electron-${electronVersion}`);
}

export interface BindingChoice {
  /** Path for better-sqlite3's nativeBinding option, or undefined for the default Node build. */
  nativeBinding: string | undefined;
  runtime: 'node' | 'electron';
}

export function chooseNativeBinding(
  versions: NodeJS.ProcessVersions & { electron?: string },
  root: string,
  exists: (p: string) => boolean = fs.existsSync,
): BindingChoice {
  if (!versions.electron) return { nativeBinding: undefined, runtime: 'node' };
  const file = path.join(electronBindingDir(root, versions.electron), 'better_sqlite3.node');
  if (!exists(file)) {
    throw new Error(
      `No better-sqlite3 binding for Electron ${versions.electron} at ${file}. Run "npm start" on a connected machine once: it builds it (see README, "One database driver, two runtimes").`,
    );
  }
  return { nativeBinding: file, runtime: 'electron' };
}
