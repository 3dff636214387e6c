import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagingProblem } from '../../electron/packaging/before-pack.mjs';
import { bindingProblem, electronBindingFile, nativeFormat } from '../../electron/packaging/binding.mjs';
import { REPO, tempDir } from '../helpers';

/** The entries of one list in electron-builder.yml (`key:` followed by `  - item` lines), at any indent. */
function listIn(yaml: string, key: string, from = 0): string[] {
  const lines = yaml.split('\n').slice(from);
  const start = lines.findIndex((l) => l.trim() === `${key}:`);
  expect(start, `${key} in electron-builder.yml`).toBeGreaterThanOrEqual(0);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const m = /^\s+-\s+"?([^"#]+?)"?\s*$/.exec(line);
    if (m) items.push(m[1]);
    else if (line.trim() !== '' && !line.trim().startsWith('#')) break;
  }
  return items;
}

const lineOf = (yaml: string, key: string) => yaml.split('\n').findIndex((l) => l === `${key}:`);

// Headers of the three formats, as small as nativeFormat needs: ELF (e_machine at 18), PE (MZ, the
// PE header's offset at 0x3c, its Machine after the signature), Mach-O 64 (magic, cputype).
function elf(machine: number): Buffer {
  const b = Buffer.alloc(64);
  b.writeUInt32BE(0x7f454c46, 0);
  b[4] = 2;
  b[5] = 1;
  b.writeUInt16LE(machine, 18);
  return b;
}
function pe(machine: number): Buffer {
  const b = Buffer.alloc(256);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.writeUInt32BE(0x50450000, 0x80);
  b.writeUInt16LE(machine, 0x84);
  return b;
}
function macho(cpu: number): Buffer {
  const b = Buffer.alloc(32);
  b.writeUInt32LE(0xfeedfacf, 0);
  b.writeUInt32LE(cpu, 4);
  return b;
}

describe('electron-builder.yml', () => {
  const yaml = fs.readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8');

  it('unpacks only the native binding: data/, the migrations and the workers stay under ASAR integrity', () => {
    expect(listIn(yaml, 'asarUnpack')).toEqual(['native/**']);
  });

  it('packs the bundles but not the bluehelm command, the benchmark or source maps', () => {
    const files = listIn(yaml, 'files');
    expect(files).toEqual(expect.arrayContaining(['dist/renderer/**', 'dist/electron/**', '!dist/electron/cli.mjs', '!dist/electron/bench.mjs', '!**/*.map', 'data/**', 'electron/core/db/migrations/**']));
    expect(files.some((f) => f.startsWith('native'))).toBe(false);
  });

  it("packs each platform's own binding, for the architecture being built", () => {
    expect(listIn(yaml, 'files', lineOf(yaml, 'linux'))).toEqual(['native/electron-*/linux-${arch}/better_sqlite3.node']);
    expect(listIn(yaml, 'files', lineOf(yaml, 'win'))).toEqual(['native/electron-*/win32-${arch}/better_sqlite3.node']);
    expect(listIn(yaml, 'files', lineOf(yaml, 'mac'))).toEqual(['native/electron-*/darwin-${arch}/better_sqlite3.node']);
  });

  it('has the release settings: names, no publishing, the targets, icons that exist', () => {
    expect(yaml).toMatch(/^productName: Bluehelm$/m);
    expect(yaml).toMatch(/^publish: null$/m);
    expect(yaml).toMatch(/^beforePack: \.\/electron\/packaging\/before-pack\.mjs$/m);
    expect(listIn(yaml, 'target', lineOf(yaml, 'linux'))).toEqual(['deb', 'AppImage']);
    expect(listIn(yaml, 'target', lineOf(yaml, 'win'))).toEqual(['nsis', 'portable']);
    expect(listIn(yaml, 'target', lineOf(yaml, 'mac'))).toEqual(['dmg']);
    for (const icon of ['build/icon.png', 'build/icon.ico', 'build/icon.icns']) {
      expect(yaml).toContain(`icon: ${icon}`);
      expect(fs.statSync(path.join(REPO, icon)).size, icon).toBeGreaterThan(1000);
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ productName: 'Bluehelm', desktopName: 'bluehelm.desktop' });
  });

  it('approves install scripts by name: the database driver and esbuild run, nothing else does', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    expect(pkg.allowScripts).toEqual({ 'better-sqlite3': true, esbuild: true, electron: false, 'electron-winstaller': false });
  });

  it('keeps bundled libraries out of the runtime dependencies, so they are never packed twice', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    for (const bundled of ['react', 'react-dom', 'echarts', 'ag-grid-community', 'ag-grid-react', 'zod', 'zustand', 'i18next', 'react-i18next', 'tsx']) {
      expect(pkg.dependencies, bundled).not.toHaveProperty(bundled);
      expect(pkg.devDependencies, bundled).toHaveProperty(bundled);
    }
    expect(pkg.dependencies).toHaveProperty('better-sqlite3');
  });
});

describe('the binding header check', () => {
  it('reads the format and architecture of ELF, PE and Mach-O libraries', () => {
    expect(nativeFormat(elf(0x3e))).toEqual({ format: 'ELF', arch: 'x64' });
    expect(nativeFormat(elf(0xb7))).toEqual({ format: 'ELF', arch: 'arm64' });
    expect(nativeFormat(pe(0x8664))).toEqual({ format: 'PE', arch: 'x64' });
    expect(nativeFormat(pe(0xaa64))).toEqual({ format: 'PE', arch: 'arm64' });
    expect(nativeFormat(macho(0x01000007))).toEqual({ format: 'Mach-O', arch: 'x64' });
    expect(nativeFormat(macho(0x0100000c))).toEqual({ format: 'Mach-O', arch: 'arm64' });
    expect(nativeFormat(Buffer.from('#!/bin/sh\necho not a library\n'))).toBeNull();
    expect(nativeFormat(Buffer.alloc(0))).toBeNull();
  });

  it('accepts only the format and architecture of the target', () => {
    expect(bindingProblem(elf(0x3e), 'linux', 'x64')).toBeNull();
    expect(bindingProblem(pe(0x8664), 'win32', 'x64')).toBeNull();
    expect(bindingProblem(macho(0x0100000c), 'darwin', 'arm64')).toBeNull();
    expect(bindingProblem(elf(0x3e), 'win32', 'x64')).toBe('it is an ELF library; win32 needs PE');
    expect(bindingProblem(pe(0x8664), 'linux', 'x64')).toBe('it is a PE library; linux needs ELF');
    expect(bindingProblem(elf(0x3e), 'darwin', 'x64')).toMatch(/darwin needs Mach-O/);
    expect(bindingProblem(elf(0xb7), 'linux', 'x64')).toBe('it is built for arm64; the package is for x64');
    expect(bindingProblem(Buffer.from('not a library'), 'linux', 'x64')).toMatch(/not a native library/);
  });

  it("recognises the real better-sqlite3 the tests load as this machine's", () => {
    const real = fs.readFileSync(path.join(REPO, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
    expect(bindingProblem(real, process.platform, process.arch)).toBeNull();
  });
});

describe('the beforePack refusal', () => {
  const target = (root: string) => ({ root, electronVersion: '41.7.1', platform: 'linux', arch: 'x64' });
  const put = (root: string, bytes: Buffer, version = '41.7.1', platform = 'linux', arch = 'x64') => {
    const file = electronBindingFile(root, version, platform, arch);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
  };

  it('refuses without the binding, naming the file and the command that makes it', () => {
    const root = tempDir('bluehelm-pack-');
    const problem = packagingProblem(target(root));
    expect(problem).toMatch(/^Refusing to package Bluehelm for linux x64: native\/electron-41\.7\.1\/linux-x64\/better_sqlite3\.node is missing/);
    expect(problem).toMatch(/npm run native:electron/);
  });

  it('refuses a binding built for another platform or architecture', () => {
    const root = tempDir('bluehelm-pack-');
    put(root, pe(0x8664));
    expect(packagingProblem(target(root))).toMatch(/cannot be loaded there: it is a PE library; linux needs ELF/);
    put(root, elf(0xb7));
    expect(packagingProblem(target(root))).toMatch(/it is built for arm64; the package is for x64/);
  });

  it('refuses when bindings of another Electron version would be packed too', () => {
    const root = tempDir('bluehelm-pack-');
    put(root, elf(0x3e));
    expect(packagingProblem(target(root))).toBeNull();
    put(root, elf(0x3e), '40.0.0');
    expect(packagingProblem(target(root))).toMatch(/other Electron versions \(electron-40\.0\.0\)/);
  });
});
