import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseNativeBinding, electronBindingDir } from '../../electron/core/db/native-binding';
import { electronBindingFile } from '../../electron/start.mjs';

const ROOT = path.resolve('/opt/bluehelm');
type Versions = Parameters<typeof chooseNativeBinding>[0];
// (Electron's typings declare process.versions.electron as always present; on Node it is absent.)
const versions = (electron?: string) => ({ ...process.versions, electron }) as unknown as Versions;
const NODE = versions(undefined);
const ELECTRON = versions('41.7.1');

describe('chooseNativeBinding', () => {
  it('uses the default better-sqlite3 build under Node', () => {
    const choice = chooseNativeBinding(NODE, ROOT, () => {
      throw new Error('Node must not look for an Electron binding');
    });
    expect(choice).toEqual({ nativeBinding: undefined, runtime: 'node' });
  });

  it('uses native/electron-<version>/better_sqlite3.node under Electron when it exists', () => {
    const seen: string[] = [];
    const choice = chooseNativeBinding(ELECTRON, ROOT, (p) => (seen.push(p), true));
    const expected = path.join(ROOT, 'native', 'electron-41.7.1', 'better_sqlite3.node');
    expect(choice).toEqual({ nativeBinding: expected, runtime: 'electron' });
    expect(seen).toEqual([expected]);
  });

  it('refuses clearly under Electron when the binding is missing: names the folder and the fix', () => {
    let message = '';
    try {
      chooseNativeBinding(ELECTRON, ROOT, () => false);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(path.join(ROOT, 'native', 'electron-41.7.1'));
    expect(message).toContain('41.7.1');
    expect(message).toMatch(/npm start/);
  });

  it('never points Electron at node_modules/better-sqlite3/build (the Node binding the tests use)', () => {
    for (const version of ['41.7.1', '40.0.0', '99.1.2-beta.3']) {
      const { nativeBinding } = chooseNativeBinding(versions(version), ROOT, () => true);
      const rel = path.relative(ROOT, nativeBinding!);
      expect(rel.startsWith(path.join('node_modules', 'better-sqlite3'))).toBe(false);
      expect(rel.split(path.sep)).not.toContain('node_modules');
      expect(rel.split(path.sep)[0]).toBe('native');
    }
  });

  it('agrees with the path start.mjs builds the binding into', () => {
    expect(electronBindingFile(ROOT, '41.7.1')).toBe(path.join(electronBindingDir(ROOT, '41.7.1'), 'better_sqlite3.node'));
  });
});
