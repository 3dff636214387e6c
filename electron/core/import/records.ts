import { LAYOUTS, detectLayout } from './layouts';
import type { RejectReason } from '../../../shared/rejects';
import type { Kind, Layout } from './types';

/** A file refused as a whole: nothing of it was written. Names the file, line and field. */
export class ImportRefused extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly field: string | null,
    readonly reason: string,
  ) {
    super(`${file}${line !== null ? `:${line}` : ''}: ${field ? `${field}: ` : ''}${reason}`);
    this.name = 'ImportRefused';
  }
}

/** A column named twice (any case, trimmed): which copy a row's value comes from would be a guess. */
function repeatedColumn(header: string[]): { name: string; first: number; second: number } | undefined {
  const seen = new Map<string, number>();
  for (const [i, h] of header.entries()) {
    const name = h.trim().toLowerCase();
    if (name === '') continue;
    const first = seen.get(name);
    if (first !== undefined) return { name, first: first + 1, second: i + 1 };
    seen.set(name, i);
  }
  return undefined;
}

/** Where the records of a file go once they are read and judged. */
export interface RecordSink {
  /** The header was recognised: every later record is read under this layout. */
  layout(layout: Layout<unknown>, header: string[]): void;
  row(row: unknown, line: number): void;
  reject(line: number, field: string, reason: RejectReason, raw: string): void;
}

/** What reading a whole file found besides its rows. */
export interface RecordTotals {
  rowsRead: number;
  skipped: number;
  lastUpdate: string | undefined;
}

/**
 * Judges a file's records one by one, without touching the workspace: recognises the layout from the
 * header, then turns each record into a row, a reject (with its line, field and reason) or a skip.
 * A key met twice in a file whose layout refuses duplicates is a reject naming the first line and
 * the fields that differ. Runs wherever the file is parsed (the importing thread, or the CSV worker).
 */
export function fileRecords(file: string, kind: Kind | 'auto' | undefined, sink: RecordSink) {
  let layout: Layout<unknown> | undefined;
  let normalise: ReturnType<Layout<unknown>['reader']> | undefined;
  let header: string[] = [];
  let width = 0;
  const totals: RecordTotals = { rowsRead: 0, skipped: 0, lastUpdate: undefined };
  /** Line of each key kept so far in this file, and its fields where duplicates are refused (to say how they differ). */
  const firstLine = new Map<string, number>();
  const firstFields = new Map<string, string[]>();
  /**
   * Where the layout may prefer a later listing of a key, rows are held back until the file is read
   * (in first-seen order), so the one kept is the only one written and nothing is counted twice.
   */
  const held = new Map<string, { row: unknown; line: number }>();

  const onRecord = (fields: string[], line: number): void => {
    if (!layout) {
      layout = detectLayout(fields);
      if (!layout) {
        throw new ImportRefused(file, line, 'header', `not a layout Bluehelm knows (header: ${fields.slice(0, 8).join(', ')}…); expected one of: ${LAYOUTS.map((l) => l.name).join(', ')}`);
      }
      const twice = repeatedColumn(fields);
      if (twice) throw new ImportRefused(file, line, 'header', `column "${twice.name}" appears twice (columns ${twice.first} and ${twice.second})`);
      if (kind && kind !== 'auto' && kind !== layout.kind) {
        throw new ImportRefused(file, line, 'header', `this is a ${layout.kind} file (${layout.name}), not ${kind}`);
      }
      normalise = layout.reader(fields);
      width = fields.length;
      header = fields;
      sink.layout(layout, header);
      return;
    }
    totals.rowsRead++;
    if (fields.length !== width) {
      sink.reject(line, '(row)', { code: 'field_count', found: fields.length, expected: width }, fields.join(','));
      return;
    }
    const n = normalise!(fields);
    if (n.ok === 'skip') {
      totals.skipped++;
      return;
    }
    if (!n.ok) {
      sink.reject(line, n.problem.field, n.problem.reason, fields.join(','));
      return;
    }
    if (layout.duplicates === 'reject') {
      const key = layout.key(n.row);
      const first = firstLine.get(key);
      if (first !== undefined) {
        const earlier = firstFields.get(key)!;
        const differs = header.filter((h, i) => !layout!.rowNumberColumns?.includes(h.trim().toLowerCase()) && earlier[i].trim() !== fields[i].trim());
        const prefer = layout.preferDuplicate?.(held.get(key)!.row, n.row);
        if (prefer?.keep === 'second') {
          sink.reject(first, 'key', { code: 'duplicate', key, other: line, differs, why: prefer.why }, earlier.join(','));
          firstLine.set(key, line);
          firstFields.set(key, fields);
          held.set(key, { row: n.row, line });
          return;
        }
        sink.reject(line, 'key', { code: 'duplicate', key, other: first, differs, ...(prefer ? { why: prefer.why } : {}) }, fields.join(','));
        return;
      }
      firstLine.set(key, line);
      firstFields.set(key, fields);
    }
    const lu = layout.lastUpdate?.(n.row);
    if (lu && (!totals.lastUpdate || lu > totals.lastUpdate)) totals.lastUpdate = lu;
    if (layout.preferDuplicate) held.set(layout.key(n.row), { row: n.row, line });
    else sink.row(n.row, line);
  };

  /** Call once the file is read: writes the rows held back, saying how many are written so far. */
  const finish = (onWritten: (written: number, total: number) => void = () => undefined) => {
    const total = held.size;
    let written = 0;
    for (const { row, line } of held.values()) {
      sink.row(row, line);
      if ((++written & 1023) === 0) onWritten(written, total);
    }
    onWritten(total, total);
    held.clear();
  };

  return {
    onRecord,
    finish,
    totals,
    hasLayout: () => layout !== undefined,
    /** Whether rows are held back until the file is read (then reading is half the work and writing the other half). */
    holdsBack: () => layout?.preferDuplicate !== undefined,
  };
}
