import type { StateCreator } from 'zustand';
import type { OperationOutput } from '../../../shared/contract';
import type { CrossTab } from '../../../shared/spec';
import { api, errorMessage } from '../api/client';
import { sameView, type SourceCell } from '../views/sourceRows/sourceCell';
import type { BluehelmState } from './index';
import { latestOnly } from './latestOnly';

export type SourceRowsPart = OperationOutput<'sourceRows'>[number];

/** Enough rows to check a number by eye; the count always says how many there are in all. */
export const SOURCE_ROWS_LIMIT = 200;

export interface SourceRowsSlice {
  /** The number whose source rows the panel shows; null while the panel is closed. */
  sourceCell: SourceCell | null;
  sourceParts: SourceRowsPart[] | null;
  sourceError: string | null;
  /** The panel's width as the analyst dragged it (px); null for the default. Kept while the app runs. */
  sourcePanelWidth: number | null;
  setSourcePanelWidth(px: number | null): void;
  showSourceRows(cell: SourceCell): Promise<void>;
  closeSourceRows(): void;
  /** Called with each new table: the same view (new data) is traced again, any other view closes the panel. */
  followResult(result: CrossTab | null): void;
}

export const createSourceRowsSlice: StateCreator<BluehelmState, [], [], SourceRowsSlice> = (set, get) => {
  // A quick second click must not be overwritten by the slower answer to the first.
  const requests = latestOnly();
  return {
    sourceCell: null,
    sourceParts: null,
    sourceError: null,
    sourcePanelWidth: null,
    setSourcePanelWidth: (px) => set({ sourcePanelWidth: px }),

    showSourceRows: async (cell) => {
      const current = requests.begin();
      set({ sourceCell: cell, sourceParts: null, sourceError: null });
      try {
        const parts = await api.sourceRows({ spec: cell.spec, rowKey: cell.rowKey, colKey: cell.colKey, limit: SOURCE_ROWS_LIMIT });
        if (current()) set({ sourceParts: parts });
      } catch (e) {
        if (current()) set({ sourceError: errorMessage(e) });
      }
    },

    closeSourceRows: () => {
      requests.drop();
      set({ sourceCell: null, sourceParts: null, sourceError: null });
    },

    followResult: (result) => {
      const cell = get().sourceCell;
      if (!cell) return;
      if (result && sameView(cell.spec, result.spec)) void get().showSourceRows({ ...cell, synthetic: result.synthetic });
      else get().closeSourceRows();
    },
  };
};
