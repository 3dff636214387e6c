import { filtersOf, measureInfo, type Dimension, type Measure } from '../catalogue';
import type { ViewSpecInput } from '../spec';

// What a map asks the engine: the view's measure, filters and dates, split by the one place dimension the
// map colours. The numbers come from the same cross-tab as the grid's, never from a second engine.

/** The places a country map can colour: where the mission is (host) and who sent or lost people (nationality / contributor). */
export const MAP_DIMENSIONS = ['host_country', 'country'] as const;
export type MapDimension = (typeof MAP_DIMENSIONS)[number];

/** How the map is drawn besides the view's spec (measure, filters, period): kept in the address, in saved views and in undo. */
export interface MapOptions {
  /** Which countries are coloured: where missions are (host) or who sent or lost people (contributor / nationality). */
  by: MapDimension;
  /** IED incidents drawn as points. */
  points: boolean;
}
export const DEFAULT_MAP_OPTIONS: MapOptions = { by: 'host_country', points: true };

/** Map options from the address's or a saved view's settings; what is missing or not understood is the default. */
export function readMapOptions(by: unknown, points: unknown): MapOptions {
  return {
    by: (MAP_DIMENSIONS as readonly unknown[]).includes(by) ? (by as MapDimension) : DEFAULT_MAP_OPTIONS.by,
    points: points === '0' || points === false ? false : points === '1' || points === true ? true : DEFAULT_MAP_OPTIONS.points,
  };
}

export function mapDimensionsFor(measure: Measure): MapDimension[] {
  return MAP_DIMENSIONS.filter((d) => measureInfo[measure].dimensions.includes(d));
}

/** The dimension asked for where the measure has it, else the first it has (IED incidents have no nationality). */
export function mapDimension(measure: Measure, asked: MapDimension): MapDimension {
  const available = mapDimensionsFor(measure);
  return available.includes(asked) ? asked : available[0];
}

export function mapSpec(view: Pick<ViewSpecInput, 'measure' | 'where' | 'from' | 'to'>, by: MapDimension): ViewSpecInput {
  return {
    measure: view.measure,
    rows: [mapDimension(view.measure, by)],
    where: view.where ?? {},
    ...(view.from ? { from: view.from } : {}),
    ...(view.to ? { to: view.to } : {}),
  };
}

/** The filters the IED points keep (those IED incidents record) and those they cannot apply, to be said. */
export function pointFilters(where: Partial<Record<Dimension, string[]>>): { kept: Partial<Record<Dimension, string[]>>; ignored: Dimension[] } {
  const applies = filtersOf('ied_incidents');
  const entries = Object.entries(where) as [Dimension, string[]][];
  return {
    kept: Object.fromEntries(entries.filter(([d]) => applies.includes(d))),
    ignored: entries.filter(([d]) => !applies.includes(d)).map(([d]) => d),
  };
}
