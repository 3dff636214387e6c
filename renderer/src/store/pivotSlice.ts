import type { StateCreator } from 'zustand';
import { DEFAULT_PIVOT_OPTIONS, pivotKey, type PivotOptions } from '../../../shared/present/pivot';
import type { BluehelmState } from './index';
import { stepOf, UNDO_LIMIT } from './viewSlice';

/** How the cross-tab is looked at, its folded groups included (kept in the address with the view, undone with it). */
export interface PivotSlice {
  pivotOptions: PivotOptions;
  setPivotOptions(change: Partial<PivotOptions>): void;
}

export const createPivotSlice: StateCreator<BluehelmState, [], [], PivotSlice> = (set) => ({
  pivotOptions: DEFAULT_PIVOT_OPTIONS,
  setPivotOptions: (change) =>
    set((s) => {
      const pivotOptions = { ...s.pivotOptions, ...change };
      // A change that changes nothing is not a step to undo.
      if (pivotKey(pivotOptions) === pivotKey(s.pivotOptions)) return {};
      return { pivotOptions, past: [...s.past, stepOf(s)].slice(-UNDO_LIMIT), future: [] };
    }),
});
