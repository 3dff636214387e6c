import type { StateCreator } from 'zustand';
import { api, errorMessage } from '../api/client';
import { DEFAULT_TREND_OPTIONS, atGrain, buildTrend, clipToMandates, otherSpec, splitSeries, trendAxes, trendSpec, type Trend, type TrendOptions } from '../../../shared/present/trend';
import type { CrossTab } from '../../../shared/spec';
import type { BluehelmState } from './index';
import { latestOnly } from './latestOnly';
import { resetOnWorkspaceSwitch } from './resets';
import { specOf } from './viewSlice';

resetOnWorkspaceSwitch('trend', (s) => s.forgetTrend());

export interface TrendSlice {
  trend: Trend | null;
  /** The view's own cross-tab at the trend's grain: the grid drawn with the chart, linked to it row by line. */
  trendGrid: CrossTab | null;
  trendError: string | null;
  trendRunning: boolean;
  /** How the lines are drawn (chart type, moving average, change or running total); kept in the URL with the view. */
  trendOptions: TrendOptions;
  setTrendOptions(change: Partial<TrendOptions>): void;
  runTrend(): Promise<void>;
  forgetTrend(): void;
}

export const createTrendSlice: StateCreator<BluehelmState, [], [], TrendSlice> = (set, get) => {
  // As for the cross-tab: only the newest request may write its answer.
  const requests = latestOnly();
  return {
    trend: null,
    trendGrid: null,
    trendError: null,
    trendRunning: false,
    trendOptions: DEFAULT_TREND_OPTIONS,
    setTrendOptions: (change) => set((s) => ({ trendOptions: { ...s.trendOptions, ...change } })),

    runTrend: async () => {
      const current = requests.begin();
      set({ trendRunning: true });
      try {
        const { grain } = get().trendOptions;
        const axes = trendAxes(get().draft, grain);
        const spec = trendSpec(specOf(get().draft), axes);
        const [table, trendGrid] = await Promise.all([api.crossTab(spec), api.crossTab(atGrain(specOf(get().draft), grain))]);
        const { top, rest } = splitSeries(table);
        const other = axes.series && rest.length > 0 ? await api.crossTab(otherSpec(spec, axes.series, rest)) : null;
        const trend = clipToMandates(buildTrend(axes, table, top, other, rest.length), get().lookups.missions);
        if (current()) set({ trend, trendGrid, trendError: null, trendRunning: false });
      } catch (e) {
        if (current()) set({ trend: null, trendGrid: null, trendError: errorMessage(e), trendRunning: false });
      }
    },

    forgetTrend: () => {
      requests.drop();
      set({ trend: null, trendGrid: null, trendError: null, trendRunning: false });
    },
  };
};
