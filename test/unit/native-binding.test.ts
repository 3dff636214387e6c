import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseNativeBinding, electronBindingDir, MissingBinding, unpackedRoot } from '../../electron/core/db/native-binding';
import { electronBindingFile } from '../../electron/start.mjs';

const ROOT = path.resolve('/opt/bluehelm');
type Versions = Parameters<typeof chooseNativeBinding>[0];
// (Electron's typings declare process.versions.electron as always present; on Node it is absent.)
const versions = (electron?: string) => ({ ...process.versions, electron }) as unknown as Versions;
const NODE = versions(undefined);
const ELECTRON = versions('41.7.1');

function refusal(root: string, platform = 'linux', arch = 'x64'): MissingBinding {
  try {
    chooseNativeBinding(ELECTRON, root, () => false, platform, arch);
  } catch (e) {
    return e as MissingBinding;
  }
  throw new Error('no refusal');
}

describe('chooseNativeBinding', () => {
  it('uses the default better-sqlite3 build under Node', () => {
    const choice = chooseNativeBinding(NODE, ROOT, () => {
      throw new Error('Node must not look for an Electron binding');
    });
    expect(choice).toEqual({ nativeBinding: undefined, runtime: 'node' });
  });

  it('uses native/electron-<version>/<platform>-<arch>/better_sqlite3.node under Electron when it exists', () => {
    const seen: string[] = [];
    const choice = chooseNativeBinding(ELECTRON, ROOT, (p) => (seen.push(p), true), 'linux', 'x64');
    const expected = path.join(ROOT, 'native', 'electron-41.7.1', 'linux-x64', 'better_sqlite3.node');
    expect(choice).toEqual({ nativeBinding: expected, runtime: 'electron' });
    expect(seen).toEqual([expected]);
    expect(chooseNativeBinding(ELECTRON, ROOT, () => true, 'win32', 'arm64').nativeBinding).toBe(path.join(ROOT, 'native', 'electron-41.7.1', 'win32-arm64', 'better_sqlite3.node'));
  });

  it('loads the binding from app.asar.unpacked in a packaged app (a native library cannot be loaded from inside the archive)', () => {
    const asar = path.join('/opt', 'Bluehelm', 'resources', 'app.asar');
    expect(unpackedRoot(asar)).toBe(`${asar}.unpacked`);
    expect(unpackedRoot(ROOT)).toBe(ROOT);
    expect(chooseNativeBinding(ELECTRON, asar, () => true, 'linux', 'x64').nativeBinding).toBe(path.join(`${asar}.unpacked`, 'native', 'electron-41.7.1', 'linux-x64', 'better_sqlite3.node'));
  });

  it('refuses clearly in development: names the folder and the command that builds it', () => {
    const e = refusal(ROOT);
    expect(e).toBeInstanceOf(MissingBinding);
    expect(e.message).toContain(path.join(ROOT, 'native', 'electron-41.7.1', 'linux-x64'));
    expect(e.message).toMatch(/npm run native:electron/);
  });

  it('tells an analyst with a packaged app what happened and what to do, without developer commands', () => {
    const e = refusal(path.join('/opt', 'Bluehelm', 'resources', 'app.asar'), 'win32', 'x64');
    expect(e.message).toMatch(/^This copy of Bluehelm is incomplete/);
    expect(e.message).toMatch(/Your data is not affected/);
    expect(e.message).toMatch(/complete installer/);
    expect(e.message).toContain('win32 x64');
    expect(e.message).not.toMatch(/npm|node-gyp|better-sqlite3|ABI/);
  });

  it('never points Electron at node_modules/better-sqlite3/build (the Node binding the tests use)', () => {
    for (const version of ['41.7.1', '40.0.0', '99.1.2-beta.3']) {
      const { nativeBinding } = chooseNativeBinding(versions(version), ROOT, () => true);
      const rel = path.relative(ROOT, nativeBinding!);
      expect(rel.split(path.sep)).not.toContain('node_modules');
      expect(rel.split(path.sep)[0]).toBe('native');
    }
  });

  it('agrees with the path npm run native:electron builds the binding into', () => {
    for (const [platform, arch] of [['linux', 'x64'], ['win32', 'x64'], ['darwin', 'arm64']]) {
      expect(electronBindingFile(ROOT, '41.7.1', platform, arch)).toBe(path.join(electronBindingDir(ROOT, '41.7.1', platform, arch), 'better_sqlite3.node'));
    }
    expect(electronBindingFile(ROOT, '41.7.1')).toBe(path.join(electronBindingDir(ROOT, '41.7.1'), 'better_sqlite3.node'));
  });
});
