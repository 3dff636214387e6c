// The Electron build of better-sqlite3 as a release input: where it lives, and whether a file is a
// native library for a given platform and architecture. Plain JavaScript so that npm scripts and
// electron-builder's beforePack hook use it without a TypeScript loader; the app's own lookup at
// run time is electron/core/db/native-binding.ts (test/unit/native-binding.test.ts holds the two together).
import path from 'node:path';

/** native/electron-<version>/<platform>-<arch>/better_sqlite3.node, under the repository (or app) root. */
export function electronBindingFile(root, version, platform = process.platform, arch = process.arch) {
  return path.join(root, 'native', `electron-${version}`, `${platform}-${arch}`, 'better_sqlite3.node');
}

// ELF e_machine, PE Machine and Mach-O cputype of the architectures Electron ships.
const ELF_MACHINE = { 0x03: 'ia32', 0x28: 'arm', 0x3e: 'x64', 0xb7: 'arm64' };
const PE_MACHINE = { 0x014c: 'ia32', 0x8664: 'x64', 0xaa64: 'arm64' };
const MACHO_CPU = { 0x01000007: 'x64', 0x0100000c: 'arm64' };
const FORMAT_OF_PLATFORM = { linux: 'ELF', win32: 'PE', darwin: 'Mach-O', mas: 'Mach-O' };

/**
 * What a native library's header says it is: { format: 'ELF' | 'PE' | 'Mach-O', arch } (arch
 * undefined when the machine is one Electron does not ship), or null when it is none of them.
 * @param {Uint8Array} bytes the first few kilobytes of the file at least
 */
export function nativeFormat(bytes) {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 20 && b.readUInt32BE(0) === 0x7f454c46) {
    const little = b[5] === 1;
    const machine = little ? b.readUInt16LE(18) : b.readUInt16BE(18);
    return { format: 'ELF', arch: ELF_MACHINE[machine] };
  }
  if (b.length >= 64 && b[0] === 0x4d && b[1] === 0x5a) {
    const pe = b.readUInt32LE(0x3c);
    if (pe + 6 <= b.length && b.readUInt32BE(pe) === 0x50450000) return { format: 'PE', arch: PE_MACHINE[b.readUInt16LE(pe + 4)] };
    return null;
  }
  if (b.length >= 8 && b.readUInt32LE(0) === 0xfeedfacf) return { format: 'Mach-O', arch: MACHO_CPU[b.readUInt32LE(4)] };
  return null;
}

/**
 * Why a file cannot be the binding for platform and arch (a sentence), or null when its header fits.
 * @param {Uint8Array} bytes
 * @param {string} platform linux | win32 | darwin | mas
 * @param {string} arch x64 | arm64 | ia32 | armv7l
 */
export function bindingProblem(bytes, platform, arch) {
  const want = FORMAT_OF_PLATFORM[platform];
  if (!want) return `no native library format is known for platform "${platform}"`;
  const got = nativeFormat(bytes);
  if (!got) return `it is not a native library (no ELF, PE or Mach-O header); ${platform} needs ${want}`;
  if (got.format !== want) return `it is ${got.format === 'ELF' ? 'an' : 'a'} ${got.format} library; ${platform} needs ${want}`;
  const wantArch = arch === 'armv7l' ? 'arm' : arch;
  if (got.arch !== wantArch) return `it is built for ${got.arch ?? 'an unknown architecture'}; the package is for ${arch}`;
  return null;
}
