/** Per-row dictionary codes: the narrowest typed array that holds every code of the column. */
export type Codes = Uint8Array | Uint16Array | Int32Array;

export function codesFor(cardinality: number, rows: number): Codes {
  if (cardinality <= 0x100) return new Uint8Array(rows);
  if (cardinality <= 0x10000) return new Uint16Array(rows);
  return new Int32Array(rows);
}

/** Distinct strings of one column, each with a small integer code in order of first appearance. */
export class Dictionary {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  code(value: string): number {
    let c = this.index.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.index.set(value, c);
    }
    return c;
  }

  find(value: string): number | undefined {
    return this.index.get(value);
  }

  get size(): number {
    return this.values.length;
  }
}

/** Codes gathered into a growable Int32Array while reading, narrowed once the cardinality is known. */
export class CodeColumn {
  readonly dictionary = new Dictionary();
  private buffer: Int32Array;
  private length = 0;

  constructor(capacity: number) {
    this.buffer = new Int32Array(Math.max(16, capacity));
  }

  push(value: string): void {
    this.pushCode(this.dictionary.code(value));
  }

  pushCode(code: number): void {
    if (this.length === this.buffer.length) {
      const grown = new Int32Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.length++] = code;
  }

  /** The same code for the next `count` rows. */
  pushCodes(code: number, count: number): void {
    while (this.length + count > this.buffer.length) {
      const grown = new Int32Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer.fill(code, this.length, this.length + count);
    this.length += count;
  }

  finish(): Codes {
    const out = codesFor(this.dictionary.size, this.length);
    out.set(this.buffer.subarray(0, this.length));
    return out;
  }
}
