import atlas from 'world-atlas/countries-50m.json';
import { worldShapes, type WorldAtlas, type WorldShapes } from '../../../shared/present/worldShapes';
import { referenceTables } from '../reference/tables';

// The Map view's shapes (Natural Earth 1:50m from world-atlas, bundled: nothing is fetched) joined to the
// reference's countries by the same code as on screen, made once per process.

let world: WorldShapes | undefined;

export function packWorld(): WorldShapes {
  world ??= worldShapes(atlas as unknown as WorldAtlas, referenceTables().tables.countries);
  return world;
}
