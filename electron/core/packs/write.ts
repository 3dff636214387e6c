import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** An output path the export refuses: outside the chosen folder, or a folder that does not exist. */
export class OutputRefused extends Error {}

/**
 * The file a name stands for inside the folder the analyst chose. A name that climbs out of it
 * ("../x.pptx", an absolute path, a link's target elsewhere) is refused, never followed.
 */
export function outputPath(folder: string, name: string): string {
  const dir = path.resolve(folder);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new OutputRefused(`${folder}: no such folder`);
  if (name === '' || path.isAbsolute(name)) throw new OutputRefused(`"${name}": give a file name inside ${dir}`);
  const target = path.resolve(dir, name);
  if (path.dirname(target) !== dir) throw new OutputRefused(`"${name}" is outside the chosen folder ${dir}`);
  const real = fs.realpathSync(dir);
  if (fs.existsSync(target) && path.dirname(fs.realpathSync(target)) !== real) throw new OutputRefused(`"${name}" links outside the chosen folder ${dir}`);
  return target;
}

/** A file name from a pack's name: letters, digits, spaces, - and _ kept (any script), the rest dropped. */
export function fileNameFor(packName: string, extension: string): string {
  const base = packName.normalize('NFC').replace(/[^\p{L}\p{N} _-]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 100) || 'briefing-pack';
  return `${base}.${extension}`;
}

/**
 * Writes to a temporary file beside the target and renames it into place when complete: a reader
 * never sees half a file, and an existing file is replaced only by a whole new one.
 */
export function writeSafely(target: string, bytes: Uint8Array): void {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.part`);
  try {
    const fd = fs.openSync(tmp, 'wx');
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
