import { NO_VALUE_COLOUR } from '../../../shared/present/mapClasses';
import { extentOf, projection, projectWorld, type Box, type ProjectedCountry } from '../../../shared/present/mapProjection';
import type { TextMeasure } from './fonts';
import type { RenderedMap } from './types';
import { packWorld } from './world';

// What a map slide draws, in whatever format: the countries projected into a box with their fills, and
// the legend laid out in rows under the map. The PDF's SVG and the deck's picture and legend use both.

/** The sea behind the land, as the screen's map has it. */
export const SEA = '#f4f8fb';
export const BORDER = '#ffffff';
export const LEGEND_SIZE = 9;
const SWATCH = { width: 12, height: 8, gap: 4, after: 14 };
const ROW = LEGEND_SIZE * 1.5;

export interface DrawnCountry extends ProjectedCountry {
  fill: string;
}

/**
 * The countries fitted into a box (proportions kept) at its top, so the legend under the map and the table
 * beside it start level with it; each with its class's colour or the grey of no value.
 */
export function fittedCountries(map: RenderedMap, box: Box, step: number): { countries: DrawnCountry[]; drawn: Box } {
  const world = packWorld();
  const proj = projection(extentOf(world), box, 'top');
  const countries = projectWorld(world, proj, step).map((c) => ({ ...c, fill: map.fills[c.name] ?? NO_VALUE_COLOUR }));
  return { countries, drawn: proj.drawn };
}

export interface LegendItem {
  x: number;
  /** The row, from 0. */
  row: number;
  label: string;
  colour: string;
}

export interface LegendLayout {
  items: LegendItem[];
  /** Height of the title and the rows, and the widest row's width, in points. */
  height: number;
  width: number;
  swatch: typeof SWATCH;
  rowHeight: number;
}

/** The legend's swatches in rows as wide as the map: largest class first, then "0 or no value". */
export function legendLayout(map: RenderedMap, width: number, m: TextMeasure): LegendLayout {
  const items: LegendItem[] = [];
  let x = 0;
  let row = 0;
  let widest = 0;
  for (const c of [...map.legend.classes, map.legend.noValue]) {
    const w = SWATCH.width + SWATCH.gap + m.width(c.label, LEGEND_SIZE);
    if (x > 0 && x + w > width) {
      x = 0;
      row += 1;
    }
    items.push({ x, row, label: c.label, colour: c.colour });
    widest = Math.max(widest, x + w);
    x += w + SWATCH.after;
  }
  const title = m.width(map.legend.title, LEGEND_SIZE, 'bold');
  return { items, height: ROW * (row + 2), width: Math.min(width, Math.max(widest, title)), swatch: SWATCH, rowHeight: ROW };
}
