import atlas from 'world-atlas/countries-50m.json';
import { registerMap } from 'echarts/core';
import type { ReferenceTables } from '../../../../shared/contract';
import { worldShapes, type WorldAtlas, type WorldShapes } from '../../../../shared/present/worldShapes';

// Natural Earth's 1:50m countries, bundled with the map's code (nothing is fetched, no tile server):
// 1:110m leaves out small states that contribute peacekeepers and the small hosts' outlines.

export const WORLD_MAP = 'bluehelm-world';

let registered: { countries: ReferenceTables['countries']; shapes: WorldShapes } | undefined;

/** The shapes joined to the reference's countries, registered with ECharts once per reference load. */
export function worldFor(countries: ReferenceTables['countries']): WorldShapes {
  if (registered?.countries !== countries) {
    const shapes = worldShapes(atlas as unknown as WorldAtlas, countries);
    registerMap(WORLD_MAP, shapes.geojson as unknown as Parameters<typeof registerMap>[1]);
    registered = { countries, shapes };
  }
  return registered.shapes;
}
