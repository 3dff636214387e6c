import fs from 'node:fs';
import crypto from 'node:crypto';
import type { CsvProblem } from '../../../shared/limits';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** The facts of a CSV problem, as a refusal's detail (each door words it in its language). */
export interface CsvProblemDetail {
  code: 'csv';
  problem: CsvProblem;
  offset?: number;
  byte?: string;
  looksLike?: 'gbk' | 'latin1';
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly detail: CsvProblemDetail,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * RFC 4180 CSV, fed in chunks: quoted fields, doubled quotes, newlines inside quotes, CRLF or LF,
 * a UTF-8 BOM. Calls onRecord with the fields and the physical line the record starts on.
 */
export class CsvParser {
  private rest = '';
  private line = 1;
  private first = true;

  constructor(private readonly onRecord: (fields: string[], line: number) => void) {}

  push(chunk: string): void {
    let text = this.rest + chunk;
    if (this.first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.first = false;
    }
    this.rest = text.slice(this.parse(text, false));
  }

  end(): void {
    if (this.rest.length > 0) this.parse(this.rest, true);
    this.rest = '';
  }

  /** Parses whole records from text; returns the offset of the first unparsed character. */
  private parse(text: string, final: boolean): number {
    const n = text.length;
    let pos = 0;
    // Where the next quote is (n when none): lines before it have no quoted field.
    let nextQuote = -1;
    while (pos < n) {
      // Fast path: a whole line without a quote is split at its commas in one call (most lines of UN files).
      if (nextQuote < pos) {
        nextQuote = text.indexOf('"', pos);
        if (nextQuote < 0) nextQuote = n;
      }
      const nl = text.indexOf('\n', pos);
      if (nl >= 0 && nl < nextQuote) {
        const end = nl > pos && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
        const startLine = this.line++;
        const record = text.slice(pos, end);
        pos = nl + 1;
        // A blank line is no record.
        if (record.length > 0) this.onRecord(record.split(','), startLine);
        continue;
      }
      const startLine = this.line;
      let lines = 0;
      const fields: string[] = [];
      let i = pos;
      let complete = false;
      for (;;) {
        if (i < n && text.charCodeAt(i) === QUOTE) {
          let value = '';
          let j = i + 1;
          let closed = false;
          while (j < n) {
            const q = text.indexOf('"', j);
            if (q < 0) break;
            value += text.slice(j, q);
            if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
              value += '"';
              j = q + 2;
              continue;
            }
            if (q + 1 >= n && !final) break;
            closed = true;
            j = q + 1;
            break;
          }
          if (!closed) {
            if (!final) return pos;
            throw new CsvSyntaxError('a quoted field is never closed', startLine, { code: 'csv', problem: 'unclosed_quote' });
          }
          for (let k = i; k < j; k++) if (text.charCodeAt(k) === LF) lines++;
          fields.push(value);
          i = j;
          const c = i < n ? text.charCodeAt(i) : -1;
          if (c === COMMA) {
            i++;
            continue;
          }
          if (c === CR && i + 1 < n && text.charCodeAt(i + 1) === LF) {
            i += 2;
            complete = true;
            break;
          }
          if (c === LF) {
            i++;
            complete = true;
            break;
          }
          if (c === -1 || (c === CR && i + 1 >= n)) {
            if (!final) return pos;
            i = n;
            complete = true;
            break;
          }
          throw new CsvSyntaxError('unexpected character after a closing quote', startLine + lines, { code: 'csv', problem: 'after_quote' });
        }
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === COMMA || c === LF) break;
          j++;
        }
        if (j >= n && !final) return pos;
        let end = j;
        if (end > i && text.charCodeAt(end - 1) === CR && (j >= n || text.charCodeAt(j) === LF)) end--;
        fields.push(text.slice(i, end));
        if (j < n && text.charCodeAt(j) === COMMA) {
          i = j + 1;
          continue;
        }
        i = j < n ? j + 1 : n;
        complete = true;
        break;
      }
      if (complete) {
        this.line = startLine + lines + 1;
        pos = i;
        // A blank line is no record.
        if (!(fields.length === 1 && fields[0] === '')) this.onRecord(fields, startLine);
      }
    }
    return pos;
  }
}

/**
 * Where a file's bytes stop being UTF-8 text: the offset and line of the first byte that is not
 * valid UTF-8. Runs only once decoding has failed, so it may read the file again from the start.
 */
function firstInvalidByte(chunks: Iterable<Uint8Array>): { offset: number; line: number; byte: number; next: number } {
  let pos = 0;
  let line = 1;
  let need = 0;
  let lo = 0x80;
  let hi = 0xbf;
  let start = 0;
  let lead = 0;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++, pos++) {
      const b = chunk[i];
      if (need > 0) {
        if (b < lo || b > hi) return { offset: start, line, byte: lead, next: b };
        lo = 0x80;
        hi = 0xbf;
        need--;
        continue;
      }
      if (b < 0x80) {
        if (b === LF) line++;
        continue;
      }
      start = pos;
      lead = b;
      if (b >= 0xc2 && b <= 0xdf) need = 1;
      else if (b === 0xe0) [need, lo] = [2, 0xa0];
      else if (b === 0xed) [need, hi] = [2, 0x9f];
      else if (b >= 0xe1 && b <= 0xef) need = 2;
      else if (b === 0xf0) [need, lo] = [3, 0x90];
      else if (b === 0xf4) [need, hi] = [3, 0x8f];
      else if (b >= 0xf1 && b <= 0xf3) need = 3;
      else return { offset: pos, line, byte: b, next: i + 1 < chunk.length ? chunk[i + 1] : -1 };
    }
  }
  return { offset: start, line, byte: lead, next: -1 };
}

/** The line a byte offset falls on. */
function lineAt(chunks: Iterable<Uint8Array>, offset: number): number {
  let line = 1;
  let pos = 0;
  for (const chunk of chunks) {
    const part = Buffer.from(chunk.buffer, chunk.byteOffset, Math.min(chunk.length, offset - pos));
    for (let i = part.indexOf(LF); i >= 0; i = part.indexOf(LF, i + 1)) line++;
    pos += chunk.length;
    if (pos >= offset) break;
  }
  return line;
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * Bytes to text, refusing what would change silently: UTF-16, bytes that are not UTF-8 (once stored
 * as U+FFFD), and NUL (kept inside a name, invisible). Each refusal names the line and the offset.
 */
class TextBytes {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private offset = 0;

  constructor(private readonly chunks: () => Iterable<Uint8Array>) {}

  decode(part: Uint8Array, final = false): string {
    if (this.offset === 0 && part.length >= 2 && ((part[0] === 0xff && part[1] === 0xfe) || (part[0] === 0xfe && part[1] === 0xff))) {
      throw new CsvSyntaxError('the file is UTF-16 text: save it as UTF-8 and import again', 1, { code: 'csv', problem: 'utf16' });
    }
    const bytes = Buffer.from(part.buffer, part.byteOffset, part.byteLength);
    if (this.offset === 0) {
      // Lines ended by CR alone (classic Mac OS) would read as one long header line.
      const cr = bytes.indexOf(CR);
      const lf = bytes.indexOf(LF);
      if (cr >= 0 && cr < bytes.length - 1 && bytes[cr + 1] !== LF && (lf < 0 || cr < lf)) throw new CsvSyntaxError('lines end in a bare carriage return (CR): save the file with LF or CRLF line ends', 1, { code: 'csv', problem: 'bare_cr' });
    }
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      const at = this.offset + nul;
      throw new CsvSyntaxError(`a NUL byte at offset ${at}; a text file has none`, lineAt(this.chunks(), at), { code: 'csv', problem: 'nul_byte', offset: at });
    }
    this.offset += part.length;
    try {
      return this.decoder.decode(part, { stream: !final });
    } catch {
      const bad = firstInvalidByte(this.chunks());
      // Two high bytes in a row is how GBK / GB18030 write a Chinese character; one alone is a Latin letter.
      const looksLike = bad.next >= 0x80 ? 'gbk' : 'latin1';
      const guess = looksLike === 'gbk' ? 'GBK or GB18030' : 'Latin-1 or Windows-1252';
      throw new CsvSyntaxError(`byte ${hex(bad.byte)} at offset ${bad.offset} is not UTF-8; the file looks like ${guess}: save it as UTF-8 and import again`, bad.line, {
        code: 'csv',
        problem: 'not_utf8',
        offset: bad.offset,
        byte: hex(bad.byte),
        looksLike,
      });
    }
  }

  end(): string {
    return this.decode(new Uint8Array(0), true);
  }
}

function* chunksOf(source: { path: string } | { bytes: Uint8Array }, size: number): Generator<Uint8Array> {
  if ('bytes' in source) {
    for (let off = 0; off < source.bytes.length; off += size) yield source.bytes.subarray(off, Math.min(source.bytes.length, off + size));
    return;
  }
  const fd = fs.openSync(source.path, 'r');
  try {
    const buf = Buffer.allocUnsafe(size);
    for (let n; (n = fs.readSync(fd, buf, 0, size, null)) > 0; ) yield buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

export interface FileRead {
  sha256: string;
  bytes: number;
}

/**
 * Reads a file (or bytes already in memory) in chunks, hashing and parsing as it goes.
 * Synchronous on purpose: imports run inside one SQLite transaction in their own thread or process.
 */
export function readCsv(
  source: { path: string } | { bytes: Uint8Array },
  onRecord: (fields: string[], line: number) => void,
  onProgress?: (done: number, total: number) => void,
  options: { hash?: boolean } = {},
): FileRead {
  // Without a hash (the caller has one already) the sha256 comes back empty.
  const hash = options.hash === false ? undefined : crypto.createHash('sha256');
  const CHUNK = 1 << 20;
  const decoder = new TextBytes(() => chunksOf(source, CHUNK));
  const parser = new CsvParser(onRecord);
  if ('bytes' in source) {
    const total = source.bytes.length;
    for (let off = 0; off < total; off += CHUNK) {
      const part = source.bytes.subarray(off, Math.min(total, off + CHUNK));
      hash?.update(part);
      parser.push(decoder.decode(part));
      onProgress?.(Math.min(total, off + CHUNK), total);
    }
    parser.push(decoder.end());
    parser.end();
    return { sha256: hash ? hash.digest('hex') : '', bytes: total };
  }
  const fd = fs.openSync(source.path, 'r');
  try {
    const total = fs.fstatSync(fd).size;
    const buf = Buffer.allocUnsafe(CHUNK);
    let done = 0;
    for (;;) {
      const n = fs.readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      const part = buf.subarray(0, n);
      hash?.update(part);
      done += n;
      parser.push(decoder.decode(part));
      onProgress?.(done, total);
    }
    parser.push(decoder.end());
    parser.end();
    return { sha256: hash ? hash.digest('hex') : '', bytes: done };
  } finally {
    fs.closeSync(fd);
  }
}
