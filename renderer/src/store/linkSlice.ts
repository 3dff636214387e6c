import type { StateCreator } from 'zustand';
import type { BluehelmState } from './index';

/**
 * The grid row and chart line the analyst points at, shared wherever a grid and a chart are drawn together:
 * the grid writes it when a row is hovered or selected, a chart when a line is hovered, and each lights up
 * what carries the same key (shared/present/link.ts). A hover passes; a selection stays until cleared.
 * Nothing here is computed from a workspace's data, so a workspace switch has nothing to reset.
 */
export interface LinkSlice {
  hoveredKey: string | null;
  selectedKey: string | null;
  setHighlight(key: string | null, how: 'hover' | 'select'): void;
}

export const createLinkSlice: StateCreator<BluehelmState, [], [], LinkSlice> = (set) => ({
  hoveredKey: null,
  selectedKey: null,
  setHighlight: (key, how) => set(how === 'hover' ? { hoveredKey: key } : { selectedKey: key }),
});

/** What is lit: the row under the pointer, else the selected one. */
export const highlightedKey = (s: Pick<LinkSlice, 'hoveredKey' | 'selectedKey'>): string | null => s.hoveredKey ?? s.selectedKey;
