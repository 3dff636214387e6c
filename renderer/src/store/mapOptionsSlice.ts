import type { StateCreator } from 'zustand';
import { DEFAULT_MAP_OPTIONS, type MapOptions } from '../../../shared/present/mapSpec';
import type { BluehelmState } from './index';
import { stepOf, UNDO_LIMIT } from './viewSlice';

/**
 * How the map is drawn (which countries, whether the IED points show). Held here rather than with the map's
 * own code, which loads only when its tab opens: the address, saved views and undo keep it with the view.
 */
export interface MapOptionsSlice {
  mapOptions: MapOptions;
  setMapOptions(change: Partial<MapOptions>): void;
}

export const createMapOptionsSlice: StateCreator<BluehelmState, [], [], MapOptionsSlice> = (set) => ({
  mapOptions: DEFAULT_MAP_OPTIONS,
  setMapOptions: (change) =>
    set((s) => {
      const mapOptions = { ...s.mapOptions, ...change };
      // A change that changes nothing is not a step to undo.
      if (mapOptions.by === s.mapOptions.by && mapOptions.points === s.mapOptions.points) return {};
      return { mapOptions, past: [...s.past, stepOf(s)].slice(-UNDO_LIMIT), future: [] };
    }),
});
