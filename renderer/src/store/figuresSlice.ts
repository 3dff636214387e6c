import type { StateCreator } from 'zustand';
import type { ReconciledFigure, Reconciliation } from '../../../shared/reconcile';
import { api, errorMessage } from '../api/client';
import type { BluehelmState } from './index';
import { latestOnly } from './latestOnly';
import { resetOnWorkspaceSwitch } from './resets';

resetOnWorkspaceSwitch('figures', (s) => s.forgetFigures());

export type StatusFilter = ReconciledFigure['status'] | 'all';

export interface FiguresSlice {
  reconciliation: Reconciliation | null;
  figuresError: string | null;
  figuresLoading: boolean;
  /** The dataVersion the figures were checked against: newer data means checking them again. */
  figuresVersion: number;
  statusFilter: StatusFilter;
  loadFigures(): Promise<void>;
  setStatusFilter(filter: StatusFilter): void;
  /** Puts the figure's spec into the cross-tab builder and shows the table it gives. */
  openFigure(figure: ReconciledFigure): void;
  forgetFigures(): void;
}

export const createFiguresSlice: StateCreator<BluehelmState, [], [], FiguresSlice> = (set, get) => {
  const requests = latestOnly();
  return {
    reconciliation: null,
    figuresError: null,
    figuresLoading: false,
    figuresVersion: -1,
    statusFilter: 'all',

    loadFigures: async () => {
      const current = requests.begin();
      const version = get().dataVersion;
      set({ figuresLoading: true });
      try {
        const reconciliation = await api.reconcile({});
        if (current()) set({ reconciliation, figuresVersion: version, figuresError: null, figuresLoading: false });
      } catch (e) {
        if (current()) set({ reconciliation: null, figuresVersion: version, figuresError: errorMessage(e), figuresLoading: false });
      }
    },

    setStatusFilter: (statusFilter) => set({ statusFilter }),

    openFigure: (figure) => {
      get().loadSpec(figure.figure.spec);
      get().setTab('crossTab');
    },

    forgetFigures: () => {
      requests.drop();
      set({ reconciliation: null, figuresError: null, figuresLoading: false, figuresVersion: -1 });
    },
  };
};
