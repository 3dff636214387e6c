import type { WorldShapes } from './worldShapes';

// The world drawn flat for print (briefing packs): longitude and latitude scaled linearly, a degree of
// longitude 0.75 of a degree of latitude, as ECharts' geo component draws the screen's Map view, so a
// slide's map has the screen's proportions. Pure: it gives points and SVG path data, no drawing.

/** ECharts' default aspectScale for geo: the screen's map is drawn with it. */
export const ASPECT_SCALE = 0.75;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Extent {
  west: number;
  east: number;
  south: number;
  north: number;
}

/** The longitudes and latitudes the shapes span. */
export function extentOf(world: Pick<WorldShapes, 'geojson'>): Extent {
  const e: Extent = { west: Infinity, east: -Infinity, south: Infinity, north: -Infinity };
  for (const f of world.geojson.features)
    for (const polygon of f.geometry.coordinates)
      for (const ring of polygon)
        for (const [lon, lat] of ring) {
          if (lon < e.west) e.west = lon;
          if (lon > e.east) e.east = lon;
          if (lat < e.south) e.south = lat;
          if (lat > e.north) e.north = lat;
        }
  return e;
}

export interface Projection {
  /** The box the world takes inside the one asked for (centred, proportions kept). */
  drawn: Box;
  point(lon: number, lat: number): [number, number];
}

/** The world's extent fitted into a box, its proportions kept ("contain"), centred across and, unless asked to sit at the top, down. */
export function projection(extent: Extent, box: Box, align: 'middle' | 'top' = 'middle'): Projection {
  const lonSpan = (extent.east - extent.west) * ASPECT_SCALE;
  const latSpan = extent.north - extent.south;
  const k = Math.min(box.width / lonSpan, box.height / latSpan);
  const width = lonSpan * k;
  const height = latSpan * k;
  const x = box.x + (box.width - width) / 2;
  const y = align === 'top' ? box.y : box.y + (box.height - height) / 2;
  return { drawn: { x, y, width, height }, point: (lon, lat) => [x + (lon - extent.west) * ASPECT_SCALE * k, y + (extent.north - lat) * k] };
}

export interface ProjectedCountry {
  /** The ISO3 code (or, for an unnamed shape, the atlas's name). */
  name: string;
  /** Closed rings of points in the box's units; holes are rings too (filled even-odd). */
  rings: [number, number][][];
}

/**
 * Every country's rings projected, each point closer than `step` to the last one kept dropped: at a
 * slide's size the 1:50m shapes hold far more points than can be seen. A ring that shrinks to less
 * than a triangle (an islet smaller than the step) is left out.
 */
export function projectWorld(world: Pick<WorldShapes, 'geojson'>, proj: Projection, step: number): ProjectedCountry[] {
  return world.geojson.features.map((f) => ({
    name: f.properties.name,
    rings: f.geometry.coordinates.flatMap((polygon) =>
      polygon.flatMap((ring) => {
        const kept: [number, number][] = [];
        for (const [lon, lat] of ring) {
          const p = proj.point(lon, lat);
          const last = kept[kept.length - 1];
          if (!last || Math.abs(p[0] - last[0]) + Math.abs(p[1] - last[1]) >= step) kept.push(p);
        }
        return kept.length >= 3 ? [kept] : [];
      }),
    ),
  }));
}

/** A country's rings as SVG path data (to a tenth of a unit). */
export function pathData(rings: readonly (readonly [number, number])[][]): string {
  return rings.map((ring) => `M${ring.map(([x, y]) => `${x.toFixed(1)} ${y.toFixed(1)}`).join('L')}Z`).join('');
}
