import type { StateCreator } from 'zustand';
import { MEASURES, measureInfo, type Measure, type Subject } from '../../../shared/catalogue';
import type { ReferenceTables, WorkspaceInfo } from '../../../shared/contract';
import { api, errorMessage } from '../api/client';
import { lookups, type Lookups } from '../i18n/labels';
import type { BluehelmState } from './index';

export interface WorkspaceSlice {
  info: WorkspaceInfo | null;
  reference: ReferenceTables | null;
  lookups: Lookups;
  loadError: string | null;
  /** Bumped whenever the data may have changed, so the open view is recomputed. */
  dataVersion: number;
  loadWorkspace(): Promise<void>;
  refreshInfo(): Promise<void>;
}

/** The subjects a measure reads that the workspace holds no rows for. */
export function missingSubjects(m: Measure, info: WorkspaceInfo | null): Subject[] {
  return measureInfo[m].subjects.filter((s) => !info || info.counts[s] === 0);
}

export const createWorkspaceSlice: StateCreator<BluehelmState, [], [], WorkspaceSlice> = (set, get) => {
  const adopt = (info: WorkspaceInfo) => {
    set((s) => ({ info, dataVersion: s.dataVersion + 1, filterValues: {} }));
    const { measure } = get().draft;
    if (missingSubjects(measure, info).length > 0) {
      const usable = MEASURES.find((m) => missingSubjects(m, info).length === 0);
      if (usable) get().setMeasure(usable);
    }
  };

  return {
    info: null,
    reference: null,
    lookups: lookups(null),
    loadError: null,
    dataVersion: 0,

    loadWorkspace: async () => {
      try {
        const [info, reference] = await Promise.all([api.workspaceInfo({}), api.reference({})]);
        set({ reference, lookups: lookups(reference), loadError: null });
        adopt(info);
      } catch (e) {
        set({ loadError: errorMessage(e) });
      }
    },

    refreshInfo: async () => {
      try {
        adopt(await api.workspaceInfo({}));
      } catch (e) {
        set({ loadError: errorMessage(e) });
      }
    },
  };
};
