import zlib from 'node:zlib';
import { worldShapes, type WorldAtlas, type WorldShapes } from '../../../shared/present/worldShapes';
import { referenceTables } from '../reference/tables';
import type { RenderedPack } from './types';

// The Map view's shapes (Natural Earth 1:50m from world-atlas, bundled: nothing is fetched) joined to the
// reference's countries by the same code as on screen, made once per thread, for drawing maps (the pack
// worker, the CLI); computing a map's classes needs no shapes (drawnCountries). The atlas is imported when
// a map is first drawn, not at the thread's start: bundled, it is gzip in base64 (electron/build.mjs), a
// string scanned in a few ms where a 750 KB object literal took some 40 ms; run from the sources (tsx,
// Vitest) it is the parsed object.

let loading: Promise<WorldShapes> | undefined;
let loaded: WorldShapes | undefined;

export function loadWorld(): Promise<WorldShapes> {
  loading ??= import('world-atlas/countries-50m.json').then(({ default: atlas }) => {
    const parsed = (typeof atlas === 'string' ? JSON.parse(zlib.gunzipSync(Buffer.from(atlas, 'base64')).toString('utf8')) : atlas) as unknown as WorldAtlas;
    loaded = worldShapes(parsed, referenceTables().tables.countries);
    return loaded;
  });
  return loading;
}

/** The shapes, for drawing; loadWorld (or shapesFor) has run first in this thread. */
export function packWorld(): WorldShapes {
  if (!loaded) throw new Error('the map shapes are drawn before they were loaded (call shapesFor first)');
  return loaded;
}

/** Loads the shapes when a pack has a map to draw, before its slides are laid out or written. */
export async function shapesFor(pack: RenderedPack): Promise<void> {
  if (pack.slides.some((s) => s.map)) await loadWorld();
}
