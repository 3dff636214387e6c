// electron-builder's beforePack hook (electron-builder.yml): refuses to package an app that would
// fail on its first launch because its database driver is missing or built for another computer.
// electron-builder never compiles native modules here (npmRebuild: false), so the Electron build of
// better-sqlite3 is a release input, made by `npm run native:electron` on a connected machine.
import fs from 'node:fs';
import path from 'node:path';
import { bindingProblem, electronBindingFile } from './binding.mjs';

// electron-builder's Arch enum, by number.
const ARCH = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/**
 * The refusal for one target, or null when its binding is in place.
 * @param {{ root: string, electronVersion: string, platform: string, arch: string }} target
 */
export function packagingProblem({ root, electronVersion, platform, arch }) {
  const file = electronBindingFile(root, electronVersion, platform === 'mas' ? 'darwin' : platform, arch);
  const rel = path.relative(root, file);
  const make = `Build it on a connected ${platform} ${arch} machine with "npm run native:electron" (README, "Building the installers") and copy it to ${rel}.`;
  if (!fs.existsSync(file)) return `Refusing to package Bluehelm for ${platform} ${arch}: ${rel} is missing, so the app could not open any workspace. ${make}`;
  const head = Buffer.alloc(4096);
  const fd = fs.openSync(file, 'r');
  const read = fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  const problem = bindingProblem(head.subarray(0, read), platform, arch);
  if (problem) return `Refusing to package Bluehelm for ${platform} ${arch}: ${rel} cannot be loaded there: ${problem}. ${make}`;
  const versions = fs.readdirSync(path.join(root, 'native')).filter((d) => d.startsWith('electron-') && d !== `electron-${electronVersion}`);
  const stale = versions.filter((d) => fs.existsSync(path.join(root, 'native', d, `${platform}-${arch}`)));
  if (stale.length) return `Refusing to package Bluehelm for ${platform} ${arch}: native/ also holds bindings for other Electron versions (${stale.join(', ')}), which would be packed too. Delete them.`;
  return null;
}

export default async function beforePack(context) {
  const arch = ARCH[context.arch] ?? String(context.arch);
  const root = context.packager.info.appDir ?? context.packager.projectDir;
  const electronVersion = context.packager.info.framework?.version ?? context.packager.config.electronVersion;
  const problem = packagingProblem({ root, electronVersion, platform: context.electronPlatformName, arch });
  if (problem) throw new Error(problem);
}
