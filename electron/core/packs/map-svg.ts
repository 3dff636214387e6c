import { pathData, type Box } from '../../../shared/present/mapProjection';
import type { TextMeasure } from './fonts';
import { BORDER, fittedCountries, LEGEND_SIZE, legendLayout, SEA } from './map-draw';
import type { RenderedMap } from './types';

// A map slide's map as SVG paths (the PDF draws them as vectors): each country a path named by its ISO3
// code and filled with its class's colour, the legend under it.

type Text = (x: number, y: number, s: string, style: { size: number; weight?: 'bold'; fill?: string }) => string;

/** Points closer than this (in points) are one point on a slide. */
const STEP = 0.35;

export function mapSvg(map: RenderedMap, box: Box, m: TextMeasure, text: Text): string {
  const legend = legendLayout(map, box.width, m);
  const { countries, drawn } = fittedCountries(map, { ...box, height: box.height - legend.height - 6 }, STEP);
  const out: string[] = [`<rect x="${drawn.x.toFixed(1)}" y="${drawn.y.toFixed(1)}" width="${drawn.width.toFixed(1)}" height="${drawn.height.toFixed(1)}" fill="${SEA}"/>`];
  for (const c of countries) {
    if (c.rings.length) out.push(`<path data-country="${c.name.replace(/[^\w .-]/g, '')}" d="${pathData(c.rings)}" fill="${c.fill}" fill-rule="evenodd" stroke="${BORDER}" stroke-width="0.3"/>`);
  }
  // The legend starts under the map's left edge (a map narrower than its box keeps its legend with it), inside the box.
  const top = drawn.y + drawn.height + 6;
  const left = Math.max(box.x, Math.min(drawn.x, box.x + box.width - legend.width));
  out.push(text(left, top + LEGEND_SIZE, m.fit(map.legend.title, LEGEND_SIZE, box.width, 'bold'), { size: LEGEND_SIZE, weight: 'bold' }));
  for (const item of legend.items) {
    const y = top + legend.rowHeight * (item.row + 1);
    out.push(`<rect x="${(left + item.x).toFixed(1)}" y="${(y + 2).toFixed(1)}" width="${legend.swatch.width}" height="${legend.swatch.height}" fill="${item.colour}" stroke="#b8c2cc" stroke-width="0.5"/>`);
    out.push(text(left + item.x + legend.swatch.width + legend.swatch.gap, y + LEGEND_SIZE, item.label, { size: LEGEND_SIZE }));
  }
  return out.join('');
}
