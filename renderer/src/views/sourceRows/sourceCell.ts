import type { CrossTab, ViewSpec } from '../../../../shared/spec';
import { TOTAL_COL_ID, valueColIndex, type GridRow } from '../crossTab/gridModel';

/** One number of a cross-tab, named by the keys the engine pins to find the rows it counts. */
export interface SourceCell {
  spec: ViewSpec;
  /** One value per row dimension; empty on the totals line. */
  rowKey: string[];
  /** Absent for a row total and the grand total. */
  colKey?: string;
  synthetic: boolean;
}

export type CellKind = 'cell' | 'rowTotal' | 'colTotal' | 'grandTotal';

/**
 * The number under a grid click: a value, a row or column total, or the grand total; null for a key cell.
 * A group's subtotal is a cell of the view grouped by the group's levels only; "Other" has no rows of its own.
 */
export function sourceCellAt(table: CrossTab, row: GridRow | undefined, colId: string): SourceCell | null {
  if (!row || row.line?.kind === 'other') return null;
  const spec = row.line?.kind === 'group' ? { ...table.spec, rows: table.spec.rows.slice(0, row.keys.length) } : table.spec;
  const base = { spec, rowKey: row.isTotal ? [] : row.keys, synthetic: table.synthetic };
  if (colId === TOTAL_COL_ID) return base;
  const j = valueColIndex(colId);
  const colKey = j === null ? undefined : table.colKeys[j];
  return colKey === undefined ? null : { ...base, colKey };
}

/** A view without row (or column) dimensions has nothing to total over, so its numbers are plain cells. */
export function cellKind(cell: SourceCell): CellKind {
  const rowPinned = cell.rowKey.length > 0 || cell.spec.rows.length === 0;
  const colPinned = cell.colKey !== undefined || !cell.spec.cols;
  if (rowPinned) return colPinned ? 'cell' : 'rowTotal';
  return colPinned ? 'colTotal' : 'grandTotal';
}

/** The panel shows rows for one table; the same view computed again keeps it, another view closes it. */
export function sameView(a: ViewSpec, b: ViewSpec): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
