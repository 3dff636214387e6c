/**
 * Rows judged in the CSV worker cross to the importing thread as numbers, not objects: each field is a
 * kind and a value, and a string is a code into a dictionary both sides grow in the same order (a
 * million deployment rows hold a few hundred distinct strings). Long strings (free-text notes) are
 * sent with their batch instead, so the dictionary stays small. Typed arrays move without a copy.
 */

const NULL = 0;
const NUMBER = 1;
const STRING = 2;
const UNDEFINED = 3;
const BOOLEAN = 4;
const INLINE = 5;

/** Strings longer than this are rarely repeated: they go with their batch, not into the dictionary. */
const INTERNED_MAX = 48;

export interface RowBatch {
  /** The row's field names, in the order of each row's slots (sent with the first batch). */
  fields?: string[];
  /** Strings new to the dictionary, in code order. */
  added: string[];
  inline: string[];
  count: number;
  kinds: Uint8Array;
  values: Float64Array;
  lines: Int32Array;
}

export class RowEncoder {
  private readonly codes = new Map<string, number>();
  private fields: string[] | undefined;
  private fieldsSent = false;
  private added: string[] = [];
  private inline: string[] = [];
  private kinds = new Uint8Array(0);
  private values = new Float64Array(0);
  private lines: Int32Array;
  private count = 0;

  constructor(readonly capacity: number) {
    this.lines = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  add(row: Record<string, unknown>, line: number): void {
    if (!this.fields) this.fields = Object.keys(row);
    const fields = this.fields;
    const width = fields.length;
    if (this.kinds.length === 0) {
      this.kinds = new Uint8Array(this.capacity * width);
      this.values = new Float64Array(this.capacity * width);
    }
    const at = this.count * width;
    for (let f = 0; f < width; f++) {
      const v = row[fields[f]];
      switch (typeof v) {
        case 'string':
          if (v.length > INTERNED_MAX) {
            this.kinds[at + f] = INLINE;
            this.values[at + f] = this.inline.push(v) - 1;
          } else {
            let code = this.codes.get(v);
            if (code === undefined) {
              code = this.codes.size;
              this.codes.set(v, code);
              this.added.push(v);
            }
            this.kinds[at + f] = STRING;
            this.values[at + f] = code;
          }
          break;
        case 'number':
          this.kinds[at + f] = NUMBER;
          this.values[at + f] = v;
          break;
        case 'boolean':
          this.kinds[at + f] = BOOLEAN;
          this.values[at + f] = v ? 1 : 0;
          break;
        case 'undefined':
          this.kinds[at + f] = UNDEFINED;
          break;
        default:
          if (v !== null) throw new TypeError(`row field ${fields[f]} holds a ${typeof v}, which cannot cross to the importing thread`);
          this.kinds[at + f] = NULL;
      }
    }
    this.lines[this.count++] = line;
  }

  /** The rows added since the last take, and their buffers to transfer. */
  take(): { batch: RowBatch; transfer: ArrayBuffer[] } {
    const batch: RowBatch = { added: this.added, inline: this.inline, count: this.count, kinds: this.kinds, values: this.values, lines: this.lines };
    if (!this.fieldsSent && this.fields) {
      batch.fields = this.fields;
      this.fieldsSent = true;
    }
    this.added = [];
    this.inline = [];
    this.kinds = new Uint8Array(0);
    this.values = new Float64Array(0);
    this.lines = new Int32Array(this.capacity);
    this.count = 0;
    return { batch, transfer: [batch.kinds.buffer, batch.values.buffer, batch.lines.buffer] as ArrayBuffer[] };
  }
}

export class RowDecoder {
  private readonly strings: string[] = [];
  private fields: string[] = [];

  /** Calls `each` with every row of the batch, as the object the worker's reader made, and its line. */
  decode(batch: RowBatch, each: (row: Record<string, unknown>, line: number) => void): void {
    if (batch.fields) this.fields = batch.fields;
    for (const s of batch.added) this.strings.push(s);
    const { kinds, values, lines, inline } = batch;
    const fields = this.fields;
    const width = fields.length;
    for (let r = 0, at = 0; r < batch.count; r++, at += width) {
      const row: Record<string, unknown> = {};
      for (let f = 0; f < width; f++) {
        const v = values[at + f];
        switch (kinds[at + f]) {
          case STRING:
            row[fields[f]] = this.strings[v];
            break;
          case NUMBER:
            row[fields[f]] = v;
            break;
          case NULL:
            row[fields[f]] = null;
            break;
          case BOOLEAN:
            row[fields[f]] = v === 1;
            break;
          case INLINE:
            row[fields[f]] = inline[v];
            break;
          case UNDEFINED:
            row[fields[f]] = undefined;
        }
      }
      each(row, lines[r]);
    }
  }
}
