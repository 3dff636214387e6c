import type { StateCreator } from 'zustand';
import { DEFAULT_PIVOT_OPTIONS, type PivotOptions } from '../../../shared/present/pivot';
import type { BluehelmState } from './index';

/** How the cross-tab is looked at (kept in the address with the view), and which of its groups are folded. */
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
  setPivotOptions: (change) => set((s) => ({ pivotOptions: { ...s.pivotOptions, ...change } })),
  collapsed: [],
  toggleGroup: (id) => set((s) => ({ collapsed: s.collapsed.includes(id) ? s.collapsed.filter((c) => c !== id) : [...s.collapsed, id] })),
  setCollapsed: (ids) => set({ collapsed: ids }),
});
