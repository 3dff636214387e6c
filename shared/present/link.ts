import { TIME_DIMENSIONS, type Dimension } from '../catalogue';
import type { TrendAxes, TrendLine } from './trend';

// What ties a grid row to a chart's line: the values of its dimensions other than time, so the row
// "MINUSMA" of a mission × year table and the line "MINUSMA" of its trend share one key wherever the two
// are drawn together. Time is left out: every row of a mission over the years belongs to its one line.

export function linkKey(parts: readonly (readonly [Dimension, string])[]): string | null {
  const kept = parts.filter(([d]) => !TIME_DIMENSIONS.includes(d)).sort(([a], [b]) => a.localeCompare(b));
  return kept.length === 0 ? null : kept.map(([d, v]) => `${d}=${v}`).join('|');
}

/** A grid row's key; a totals line (and a row of time alone) has none. */
export function rowLinkKey(rowDims: readonly Dimension[], keys: readonly string[]): string | null {
  return linkKey(rowDims.slice(0, keys.length).map((d, i) => [d, keys[i]] as const));
}

/**
 * A grid cell's key: its row's, plus its column's value where the columns are not time. In a grid of
 * months across missions, every cell of the MINUSMA column belongs to the MINUSMA line.
 */
export function cellLinkKey(rowDims: readonly Dimension[], keys: readonly string[], colDim: Dimension | null, colKey: string | undefined): string | null {
  const row = rowDims.slice(0, keys.length).map((d, i) => [d, keys[i]] as const);
  return linkKey(colDim && colKey !== undefined ? [...row, [colDim, colKey] as const] : row);
}

/** The key of a series value, or of a combination of it with a value of the second dimension; "Other" and the total have none. */
export function partsLinkKey(axes: TrendAxes, parts: { series: string | null; second?: string | null }): string | null {
  if (!axes.series || parts.series === null) return null;
  return linkKey([[axes.series, parts.series], ...(axes.second && parts.second != null ? [[axes.second, parts.second] as const] : [])]);
}

export function lineLinkKey(axes: TrendAxes, line: TrendLine): string | null {
  if (line.kind === 'value') return partsLinkKey(axes, { series: line.key });
  if (line.kind === 'combination') return partsLinkKey(axes, { series: line.key, second: line.second });
  return null;
}

/**
 * Whether a drawn thing belongs to the lit key: one names a part of the other. A grid of missions lights
 * every line of a mission split by service; a line of one mission and service lights that mission's row.
 */
export function linked(lit: string | null, key: string | null): boolean {
  if (lit === null || key === null) return false;
  const a = lit.split('|');
  const b = key.split('|');
  return a.every((p) => b.includes(p)) || b.every((p) => a.includes(p));
}
