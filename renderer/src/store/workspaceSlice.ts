import type { StateCreator } from 'zustand';
import { MEASURES, measureInfo, type Measure, type Subject } from '../../../shared/catalogue';
import type { OperationOutput, ReferenceTables, Removal, WorkspaceInfo } from '../../../shared/contract';
import { api, errorMessage } from '../api/client';
import { lookups, type Lookups } from '../../../shared/present/labels';
import type { BluehelmState } from './index';
import { enterWorkspace, leaveWorkspace, resetForNewWorkspace, resetOnWorkspaceSwitch } from './resets';

// What was removed from one workspace is not news in another.
resetOnWorkspaceSwitch('removal', (s) => s.dismissRemoval());

export type RecentWorkspace = OperationOutput<'workspaceRecent'>[number];

export interface WorkspaceSlice {
  info: WorkspaceInfo | null;
  reference: ReferenceTables | null;
  lookups: Lookups;
  loadError: string | null;
  /** Bumped whenever the data may have changed, so the open view is recomputed. */
  dataVersion: number;
  recent: RecentWorkspace[];
  switching: boolean;
  switchError: string | null;
  loadWorkspace(): Promise<void>;
  refreshInfo(): Promise<void>;
  loadRecent(): Promise<void>;
  /** Each switch resolves to whether it happened; a refusal is kept in switchError. */
  openWorkspace(path: string): Promise<boolean>;
  newWorkspace(name?: string): Promise<boolean>;
  openDemo(): Promise<boolean>;
  /** The desktop app's Open dialog (main process); false when cancelled. */
  chooseWorkspaceFile(): Promise<boolean>;
  /** Brings back one of the open workspace's backups. */
  restoreBackup(file: string): Promise<boolean>;
  /** The last file taken out of the workspace (shown on the Datasets tab), or why it could not be. */
  removal: { removed: Removal } | { error: string } | null;
  removeDataset(id: number): Promise<void>;
  dismissRemoval(): void;
}

/** The subjects a measure reads that the workspace holds no rows for. */
export function missingSubjects(m: Measure, info: WorkspaceInfo | null): Subject[] {
  return measureInfo[m].subjects.filter((s) => !info || info.counts[s] === 0);
}

/**
 * The workspace's description and the reference tables, asked as the app starts (main.tsx) beside the first
 * cross-tab: the app's first render would otherwise ask for them only after the first view's code (AG Grid,
 * ECharts) has been run, and the view waits for them. The first load takes these answers.
 */
const askWorkspace = (): Promise<[WorkspaceInfo, ReferenceTables]> => Promise.all([api.workspaceInfo({}), api.reference({})]);
let early: Promise<[WorkspaceInfo, ReferenceTables]> | null = null;
export function askWorkspaceEarly(): void {
  early = askWorkspace();
  // Its failure is reported by the load that takes it.
  early.catch(() => undefined);
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

  // What was computed from the old file is dropped, and the new file opens on its own last view (keptView.ts),
  // as it would at a start; the old one is left with the view it was left on. A backup brought back is the same
  // workspace at an earlier date: the analyst stays on the view they restored it from (`another` false).
  /** `open` answers null when nothing was opened (a dialog cancelled). */
  const switchTo = async (open: () => Promise<WorkspaceInfo | null>, another = true): Promise<boolean> => {
    set({ switching: true, switchError: null });
    try {
      if (another) await leaveWorkspace();
      const info = await open();
      if (!info) {
        set({ switching: false });
        return false;
      }
      resetForNewWorkspace(get());
      if (another) await enterWorkspace();
      adopt(info);
      set({ switching: false });
      void get().loadRecent();
      return true;
    } catch (e) {
      set({ switching: false, switchError: errorMessage(e) });
      return false;
    }
  };

  return {
    info: null,
    reference: null,
    lookups: lookups(null),
    loadError: null,
    dataVersion: 0,
    recent: [],
    switching: false,
    switchError: null,

    loadWorkspace: async () => {
      try {
        const asked = early;
        early = null;
        const [info, reference] = await (asked ?? askWorkspace());
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

    loadRecent: async () => {
      try {
        set({ recent: await api.workspaceRecent({}) });
      } catch (e) {
        set({ switchError: errorMessage(e) });
      }
    },

    openWorkspace: (path) => switchTo(() => api.workspaceOpen({ path })),
    newWorkspace: (name) => switchTo(() => api.workspaceNew(name ? { name } : {})),
    openDemo: () => switchTo(() => api.workspaceOpenDemo({})),
    chooseWorkspaceFile: () => switchTo(() => api.workspaceChooseFile({})),
    restoreBackup: (file) => switchTo(() => api.workspaceRestore({ file }), false),
    removal: null,
    dismissRemoval: () => set({ removal: null }),
    removeDataset: async (id) => {
      try {
        const { removed, info } = await api.datasetRemove({ id });
        adopt(info);
        set({ removal: { removed } });
      } catch (e) {
        set({ removal: { error: errorMessage(e) } });
      }
    },
  };
};
