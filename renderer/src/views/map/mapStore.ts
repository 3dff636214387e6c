import { create } from 'zustand';
import type { OperationOutput } from '../../../../shared/contract';
import type { CrossTab } from '../../../../shared/spec';
import { mapDimension, mapSpec, pointFilters, type MapDimension } from '../../../../shared/present/mapSpec';
import { api, errorMessage } from '../../api/client';
import { useBluehelm } from '../../store';
import { latestOnly } from '../../store/latestOnly';
import { resetOnWorkspaceSwitch } from '../../store/resets';
import { specOf } from '../../store/viewSlice';

// The map's own state, loaded with the map's code (the first page never needs it). Its numbers are the
// view's measure, filters and dates from the main store, split by host or contributing country as the
// main store's map options say (kept there, with the view, in the address).

export type IedPointsAnswer = OperationOutput<'iedPoints'>;

interface MapState {
  table: CrossTab | null;
  points: IedPointsAnswer | null;
  error: string | null;
  running: boolean;
  run(): Promise<void>;
  forget(): void;
}

const requests = latestOnly();

export const useMapStore = create<MapState>()((set) => ({
  table: null,
  points: null,
  error: null,
  running: false,
  run: async () => {
    const current = requests.begin();
    set({ running: true });
    const { draft, info, mapOptions } = useBluehelm.getState();
    const view = specOf(draft);
    const wantsPoints = mapOptions.points && (info?.counts.ied ?? 0) > 0;
    try {
      const [table, points] = await Promise.all([
        api.crossTab(mapSpec(view, mapOptions.by)),
        wantsPoints ? api.iedPoints({ where: pointFilters(view.where ?? {}).kept, from: view.from, to: view.to }) : Promise.resolve(null),
      ]);
      if (current()) set({ table, points, error: null, running: false });
    } catch (e) {
      if (current()) set({ table: null, points: null, error: errorMessage(e), running: false });
    }
  },
  forget: () => {
    requests.drop();
    set({ table: null, points: null, error: null, running: false });
  },
}));

resetOnWorkspaceSwitch('map', () => useMapStore.getState().forget());

/** The dimension the map colours for the current measure. */
export const useMapDimension = (): MapDimension => {
  const measure = useBluehelm((s) => s.draft.measure);
  const by = useBluehelm((s) => s.mapOptions.by);
  return mapDimension(measure, by);
};
