import fs from 'node:fs';
import crypto from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
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
            throw new CsvSyntaxError('a quoted field is never closed', startLine);
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
          throw new CsvSyntaxError('unexpected character after a closing quote', startLine + lines);
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
  const decoder = new StringDecoder('utf8');
  const parser = new CsvParser(onRecord);
  const CHUNK = 1 << 20;
  if ('bytes' in source) {
    const total = source.bytes.length;
    for (let off = 0; off < total; off += CHUNK) {
      const part = source.bytes.subarray(off, Math.min(total, off + CHUNK));
      hash?.update(part);
      parser.push(decoder.write(Buffer.from(part.buffer, part.byteOffset, part.byteLength)));
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
      parser.push(decoder.write(part));
      onProgress?.(done, total);
    }
    parser.push(decoder.end());
    parser.end();
    return { sha256: hash ? hash.digest('hex') : '', bytes: done };
  } finally {
    fs.closeSync(fd);
  }
}
