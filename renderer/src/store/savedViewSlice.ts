import type { StateCreator } from 'zustand';
import type { SavedView } from '../../../shared/views';
import { api, errorMessage } from '../api/client';
import type { ViewId } from '../views/viewIds';
import type { BluehelmState } from './index';
import { resetOnWorkspaceSwitch } from './resets';
import { keptSettings } from '../views/viewHash';
import { specOf } from './viewSlice';

resetOnWorkspaceSwitch('savedViews', (s) => s.forgetSavedViews());

export interface SavedViewSlice {
  savedViews: SavedView[];
  savedViewsError: string | null;
  savedViewsBusy: boolean;
  /** The tab the view was last drawn on: where a view saved from the list opens. */
  viewTab: ViewId;
  setViewTab(tab: ViewId): void;
  loadSavedViews(): Promise<void>;
  /** Saves what is on screen (spec, chart settings) under a name, to open on `tab`; true when saved. */
  saveCurrentView(name: string, note: string, tab: ViewId): Promise<boolean>;
  renameSavedView(id: number, name: string): Promise<boolean>;
  duplicateSavedView(id: number): Promise<void>;
  deleteSavedView(id: number): Promise<void>;
  noteSavedView(view: SavedView, note: string): Promise<void>;
  forgetSavedViews(): void;
}

export const createSavedViewSlice: StateCreator<BluehelmState, [], [], SavedViewSlice> = (set, get) => {
  /** Runs a change, then lists the views again; a refusal (a name taken) is shown as the core worded it. */
  const change = async (work: () => Promise<unknown>): Promise<boolean> => {
    set({ savedViewsBusy: true, savedViewsError: null });
    try {
      await work();
      set({ savedViews: await api.viewList({}), savedViewsBusy: false });
      return true;
    } catch (e) {
      set({ savedViewsError: errorMessage(e), savedViewsBusy: false });
      return false;
    }
  };
  return {
    savedViews: [],
    savedViewsError: null,
    savedViewsBusy: false,
    viewTab: 'crossTab',
    setViewTab: (tab) => set((s) => (s.viewTab === tab ? {} : { viewTab: tab })),
    loadSavedViews: async () => {
      await change(async () => undefined);
    },
    saveCurrentView: (name, note, tab) =>
      change(() => {
        const s = get();
        return api.viewSave({ name, note, spec: specOf(s.draft), tab, chart: keptSettings(s) });
      }),
    renameSavedView: (id, name) => change(() => api.viewRename({ id, name })),
    duplicateSavedView: async (id) => {
      await change(() => api.viewDuplicate({ id }));
    },
    deleteSavedView: async (id) => {
      await change(() => api.viewDelete({ id }));
    },
    noteSavedView: async (view, note) => {
      await change(() => api.viewSave({ id: view.id, name: view.name, spec: view.spec, tab: view.tab, chart: view.chart, note }));
    },
    forgetSavedViews: () => set({ savedViews: [], savedViewsError: null }),
  };
};
