import fs from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3 is a native module built for one ABI. Node (CLI, server, tests) uses the
 * binding npm built in node_modules; Electron uses a copy built for its own ABI, platform and
 * architecture and kept in a folder of its own (native/electron-<version>/<platform>-<arch>/), so
 * an Electron rebuild can never replace the binding the tests load, and a package built for one
 * computer can never carry another's. The build side of this rule is electron/packaging/binding.mjs.
 */
export function electronBindingDir(root: string, electronVersion: string, platform: string = process.platform, arch: string = process.arch): string {
  return path.join(root, 'native', `electron-${electronVersion}`, `${platform}-${arch}`);
}

/**
 * Where native files are on disk. In a packaged app the root is app.asar, which Electron reads like
 * a folder; a native library cannot be loaded from inside it, so electron-builder unpacks native/
 * (and only native/) into app.asar.unpacked beside it.
 */
export function unpackedRoot(root: string): string {
  return root.endsWith('.asar') ? `${root}.unpacked` : root;
}

export interface BindingChoice {
  /** Path for better-sqlite3's nativeBinding option, or undefined for the default Node build. */
  nativeBinding: string | undefined;
  runtime: 'node' | 'electron';
}

/** The binding is missing: said for the analyst in a packaged app, for the developer otherwise. */
export class MissingBinding extends Error {}

export function chooseNativeBinding(
  versions: NodeJS.ProcessVersions & { electron?: string },
  root: string,
  exists: (p: string) => boolean = fs.existsSync,
  platform: string = process.platform,
  arch: string = process.arch,
): BindingChoice {
  if (!versions.electron) return { nativeBinding: undefined, runtime: 'node' };
  const file = path.join(electronBindingDir(unpackedRoot(root), versions.electron, platform, arch), 'better_sqlite3.node');
  if (!exists(file)) {
    if (root.endsWith('.asar')) {
      throw new MissingBinding(
        `This copy of Bluehelm is incomplete: the part that reads and writes workspace files is missing for this computer (${platform} ${arch}). Your data is not affected. Please ask whoever gave you Bluehelm for a complete installer for this computer. (Missing file: ${file})`,
      );
    }
    throw new MissingBinding(
      `No better-sqlite3 binding for Electron ${versions.electron} (${platform}-${arch}) at ${file}. Run "npm run native:electron" (or "npm start") on a connected machine once: it builds it (see README, "One database driver, two runtimes").`,
    );
  }
  return { nativeBinding: file, runtime: 'electron' };
}
