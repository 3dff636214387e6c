import { merge } from 'topojson-client';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';

// The world's country shapes keyed by the ISO 3166-1 alpha-3 codes the facts and the reference tables use.
// The shapes are Natural Earth's (public domain) as world-atlas ships them (TopoJSON, ids are ISO 3166-1
// numeric); the reference's countries carry the UN M49 code, which is that same number, so the join is
// derived from data/reference/countries.json rather than kept as a second table.

/** One country's shapes in world-atlas's countries object. */
export type AtlasShape = (TopoPolygon | TopoMultiPolygon) & { id?: string; properties?: { name?: string } };
export type WorldAtlas = Topology<{ countries: GeometryCollection<{ name?: string }> }>;

/**
 * Shapes Natural Earth draws without an ISO number, joined to the member state the UN counts them in:
 * Somaliland to Somalia, northern Cyprus to Cyprus, and Kosovo to Serbia as data/reference/missions.json
 * places UNMIK (resolution 1244 (1999)). Natural Earth's Siachen Glacier and Australia's Indian Ocean
 * territories stay unnamed shapes, drawn as land with no value.
 */
export const UNNUMBERED_SHAPES: Readonly<Record<string, string>> = { Somaliland: 'SOM', 'N. Cyprus': 'CYP', Kosovo: 'SRB' };

/** Antarctica hosts no mission and sends no one; leaving it out gives the inhabited world the height. */
export const LEFT_OUT = new Set(['ATA']);

/**
 * Reference countries with no shape of their own, each for a stated reason: states that no longer exist
 * (their nationals still appear among the fatalities), and territories Natural Earth draws within another
 * shape or at a scale of 1:50m not at all. test/unit/map-shapes.test.ts holds this list to the atlas's join.
 */
export const NO_SHAPE: Readonly<Record<string, string>> = {
  YUG: 'Yugoslavia, dissolved',
  SCG: 'Serbia and Montenegro, dissolved in 2006',
  BES: 'Bonaire, Sint Eustatius and Saba: part of the Netherlands shape',
  BVT: 'Bouvet Island: too small at 1:50m',
  CCK: 'Cocos (Keeling) Islands: in the Indian Ocean Territories shape',
  CXR: 'Christmas Island: in the Indian Ocean Territories shape',
  GIB: 'Gibraltar: too small at 1:50m',
  GLP: 'Guadeloupe: part of the France shape',
  GUF: 'French Guiana: part of the France shape',
  MTQ: 'Martinique: part of the France shape',
  MYT: 'Mayotte: part of the France shape',
  REU: 'Réunion: part of the France shape',
  SJM: 'Svalbard and Jan Mayen: part of the Norway shape',
  TKL: 'Tokelau: too small at 1:50m',
  TUV: 'Tuvalu: too small at 1:50m',
  UMI: 'United States Minor Outlying Islands: too small at 1:50m',
};

/**
 * The countries the map draws, known without the atlas: a thread that only computes a map's classes (a
 * briefing pack's numbers) need not load 0.75 MB of shapes. The same set as worldShapes(…).iso3.
 */
export function drawnCountries(countries: readonly CountryCodes[]): Set<string> {
  return new Set(countries.map((c) => c.iso3).filter((c) => !(c in NO_SHAPE) && !LEFT_OUT.has(c)));
}

type Ring = number[][];

/**
 * The atlas is made for spherical projections, so a ring may cross the antimeridian (Russia's Chukotka,
 * Fiji): drawn flat, it would stretch across the whole map. Such a ring is made continuous and cut at
 * ±180° into the part on each side (points beyond the edge are pulled onto it, which adds no area).
 */
function cutAtAntimeridian(ring: Ring): Ring[] {
  if (!ring.some((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180)) return [ring];
  const continuous: Ring = [ring[0]];
  for (let i = 1; i < ring.length; i++) {
    const prev = continuous[i - 1][0];
    let lon = ring[i][0];
    while (lon - prev > 180) lon -= 360;
    while (prev - lon > 180) lon += 360;
    continuous.push([lon, ring[i][1]]);
  }
  const clamp = (shift: number) => continuous.map(([lon, lat]) => [Math.max(-180, Math.min(180, lon + shift)), lat]);
  return [clamp(0), clamp(continuous.some(([lon]) => lon > 180) ? -360 : 360)];
}

function flatMultiPolygon(shape: MultiPolygon): MultiPolygon {
  const polygons = shape.coordinates.flatMap((polygon) => {
    const [outer, ...holes] = polygon;
    const parts = cutAtAntimeridian(outer);
    // The rings that cross are outer rings of land; a hole stays with the first part.
    return parts.map((part, i) => (i === 0 ? [part, ...holes] : [part]));
  });
  return { type: 'MultiPolygon', coordinates: polygons };
}

export interface CountryCodes {
  iso3: string;
  m49?: number | null;
}

/** The ISO3 code of one atlas shape, or undefined when the reference has no country for it. */
export function shapeIso3(shape: Pick<AtlasShape, 'id' | 'properties'>, byM49: ReadonlyMap<number, string>): string | undefined {
  if (shape.id != null) return byM49.get(Number(shape.id));
  return UNNUMBERED_SHAPES[shape.properties?.name ?? ''];
}

export interface WorldShapes {
  /** One feature per country, named by its ISO3 code; unnamed shapes keep the atlas's name. */
  geojson: FeatureCollection<MultiPolygon, { name: string }>;
  /** The ISO3 codes that have a shape. */
  iso3: Set<string>;
  /** Atlas shapes no reference country matched (each a bug to fix in the reference or the join). */
  unmatched: string[];
}

export function worldShapes(atlas: WorldAtlas, countries: readonly CountryCodes[]): WorldShapes {
  const byM49 = new Map<number, string>();
  for (const c of countries) if (c.m49 != null) byM49.set(c.m49, c.iso3);
  const groups = new Map<string, AtlasShape[]>();
  const unmatched: string[] = [];
  for (const shape of atlas.objects.countries.geometries as AtlasShape[]) {
    const iso3 = shapeIso3(shape, byM49);
    if (iso3 === undefined && shape.id != null) unmatched.push(`${shape.id} ${shape.properties?.name ?? ''}`);
    const name = iso3 ?? shape.properties?.name ?? String(shape.id);
    if (LEFT_OUT.has(name)) continue;
    groups.set(name, [...(groups.get(name) ?? []), shape]);
  }
  // Merging the parts of one country (Australia's two shapes, Somalia and Somaliland) drops the lines between them.
  const features = [...groups].map(([name, shapes]) => ({ type: 'Feature' as const, properties: { name }, geometry: flatMultiPolygon(merge(atlas, shapes)) }));
  return { geojson: { type: 'FeatureCollection', features }, iso3: new Set([...groups.keys()].filter((k) => /^[A-Z]{3}$/.test(k))), unmatched };
}
