import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createPackage, extractFile, getRawHeader, listPackage } from '@electron/asar';
import { REPO } from '../helpers';

/**
 * A stand-in for Electron's Linux distribution, for electron-builder's `electronDist`: what
 * electron-builder reads and rewrites when it packs (the executable it renames and whose fuse wire
 * it flips, resources/default_app.asar it removes, the .pak files and locales it keeps or prunes),
 * without Electron's binary, which cannot be had here.
 */

/** @electron/fuses looks for this sentinel, then a version byte, a length byte and one byte per fuse. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** The order of the fuse wire (FuseV1Options), as Electron 41 ships it: '1' on, '0' off. */
export const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
const ELECTRON_DEFAULT_WIRE = '10110001';

export async function makeStandInElectron(dir: string, version: string): Promise<string> {
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'locales'), { recursive: true });
  const exe = Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron"\nexit 0\n'), Buffer.alloc(64), Buffer.from(FUSE_SENTINEL), Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]), Buffer.from(ELECTRON_DEFAULT_WIRE), Buffer.alloc(64)]);
  fs.writeFileSync(path.join(dir, 'electron'), exe, { mode: 0o755 });
  for (const f of ['chrome_100_percent.pak', 'chrome_200_percent.pak', 'resources.pak', 'icudtl.dat', 'v8_context_snapshot.bin', 'snapshot_blob.bin']) fs.writeFileSync(path.join(dir, f), '');
  for (const l of ['en-US', 'zh-CN', 'fr', 'de', 'ja']) fs.writeFileSync(path.join(dir, 'locales', `${l}.pak`), l);
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT (stand-in)');
  fs.writeFileSync(path.join(dir, 'LICENSES.chromium.html'), '<p>stand-in</p>');
  fs.writeFileSync(path.join(dir, 'version'), version);
  const defaultApp = path.join(path.dirname(dir), 'default_app');
  fs.mkdirSync(defaultApp, { recursive: true });
  fs.writeFileSync(path.join(defaultApp, 'package.json'), JSON.stringify({ name: 'electron', main: 'main.js' }));
  fs.writeFileSync(path.join(defaultApp, 'main.js'), '');
  await createPackage(defaultApp, path.join(dir, 'resources', 'default_app.asar'));
  return dir;
}

/** The fuse wire of a packed executable, by name. */
export function readFuses(executable: string): Record<(typeof FUSES)[number], boolean> {
  const bytes = fs.readFileSync(executable);
  const at = bytes.indexOf(FUSE_SENTINEL);
  if (at < 0) throw new Error(`${executable}: no fuse wire`);
  const length = bytes[at + FUSE_SENTINEL.length + 1];
  const wire = bytes.subarray(at + FUSE_SENTINEL.length + 2, at + FUSE_SENTINEL.length + 2 + length).toString('latin1');
  return Object.fromEntries(FUSES.map((name, i) => [name, wire[i] === '1'])) as Record<(typeof FUSES)[number], boolean>;
}

export interface PackResult {
  status: number | null;
  output: string;
  appDir: string;
}

/** electron-builder --linux dir, offline, with the stand-in Electron; extra `-c.` settings as given. */
export function packLinuxDir(electronDist: string, outDir: string, extra: string[] = [], cwd = REPO): PackResult {
  const cli = path.join(REPO, 'node_modules', 'electron-builder', 'cli.js');
  const r = spawnSync(
    process.execPath,
    [cli, '--linux', 'dir', '--x64', '--config', 'electron-builder.yml', '--publish', 'never', `-c.electronDist=${electronDist}`, `-c.directories.output=${outDir}`, ...extra],
    { cwd, encoding: 'utf8', env: { ...process.env, ELECTRON_BUILDER_OFFLINE: '1', CSC_IDENTITY_AUTO_DISCOVERY: 'false' }, timeout: 300_000 },
  );
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`, appDir: path.join(outDir, 'linux-unpacked') };
}

/** Every file under a folder, relative, with / separators. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

export const asar = { list: (file: string) => listPackage(file, { isPack: false }).map((p) => p.replace(/\\/g, '/')), read: extractFile, header: getRawHeader };
