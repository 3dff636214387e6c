import type { StateCreator } from 'zustand';
import { api, errorMessage } from '../api/client';
import { buildTrend, otherSpec, splitSeries, trendAxes, trendSpec, type Trend } from '../../../shared/present/trend';
import type { BluehelmState } from './index';
import { specOf } from './viewSlice';

export interface TrendSlice {
  trend: Trend | null;
  trendError: string | null;
  trendRunning: boolean;
  runTrend(): Promise<void>;
  forgetTrend(): void;
}

export const createTrendSlice: StateCreator<BluehelmState, [], [], TrendSlice> = (set, get) => {
  // As for the cross-tab: only the newest request may write its answer.
  let latest = 0;
  return {
    trend: null,
    trendError: null,
    trendRunning: false,

    runTrend: async () => {
      const request = ++latest;
      set({ trendRunning: true });
      try {
        const axes = trendAxes(get().draft);
        const spec = trendSpec(specOf(get().draft), axes);
        const table = await api.crossTab(spec);
        const { top, rest } = splitSeries(table);
        const other = axes.series && rest.length > 0 ? await api.crossTab(otherSpec(spec, axes.series, rest)) : null;
        if (request === latest) set({ trend: buildTrend(axes, table, top, other, rest.length), trendError: null, trendRunning: false });
      } catch (e) {
        if (request === latest) set({ trend: null, trendError: errorMessage(e), trendRunning: false });
      }
    },

    forgetTrend: () => {
      latest++;
      set({ trend: null, trendError: null, trendRunning: false });
    },
  };
};
