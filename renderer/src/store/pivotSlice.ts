import type { StateCreator } from 'zustand';
import { DEFAULT_PIVOT_OPTIONS, pivotKey, type PivotOptions } from '../../../shared/present/pivot';
import type { BluehelmState } from './index';
import { stepOf, UNDO_LIMIT } from './viewSlice';

/** How the cross-tab is looked at (kept in the address with the view, undone with it), and which of its groups are folded. */
export interface PivotSlice {
  pivotOptions: PivotOptions;
  setPivotOptions(change: Partial<PivotOptions>): void;
  /** Ids of the folded groups (shared/present/pivot.ts PivotLine.id). */
  collapsed: string[];
  toggleGroup(id: string): void;
  setCollapsed(ids: string[]): void;
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
  collapsed: [],
  toggleGroup: (id) => set((s) => ({ collapsed: s.collapsed.includes(id) ? s.collapsed.filter((c) => c !== id) : [...s.collapsed, id] })),
  setCollapsed: (ids) => set({ collapsed: ids }),
});
