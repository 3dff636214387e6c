import type { StateCreator } from 'zustand';
import { filtersOf, measureInfo, type Dimension, type Measure } from '../../../shared/catalogue';
import type { CrossTab, ViewSpec, ViewSpecInput } from '../../../shared/spec';
import type { MapOptions } from '../../../shared/present/mapSpec';
import type { PivotOptions } from '../../../shared/present/pivot';
import { api, errorMessage } from '../api/client';
import type { BluehelmState } from './index';
import { latestOnly } from './latestOnly';
import { resetOnWorkspaceSwitch } from './resets';

resetOnWorkspaceSwitch('view', (s) => s.forgetResult());

/** The view as the analyst is building it; empty strings mean "no date bound". */
export interface Draft {
  measure: Measure;
  rows: Dimension[];
  cols: Dimension | null;
  where: Partial<Record<Dimension, string[]>>;
  from: string;
  to: string;
}

/** One step of undo: the view, and how the cross-tab showed its values and the map its countries then. */
export interface ViewStep {
  draft: Draft;
  pivot: PivotOptions;
  map: MapOptions;
}

export interface DimensionValue {
  key: string;
  value: number | null;
}

export interface ViewSlice {
  draft: Draft;
  result: CrossTab | null;
  error: string | null;
  running: boolean;
  /** Filter choices per "measure:dimension", fetched when a filter is first opened. */
  filterValues: Record<string, DimensionValue[]>;
  setMeasure(m: Measure): void;
  toggleRow(d: Dimension): void;
  moveRow(d: Dimension, delta: -1 | 1): void;
  setCols(d: Dimension | null): void;
  setFilter(d: Dimension, values: string[]): void;
  setDates(dates: { from?: string; to?: string }): void;
  /** Replaces the whole view, e.g. with the spec behind a published figure; undoable like any change. */
  loadSpec(spec: ViewSpec): void;
  /** Earlier and undone views, newest last: what Ctrl+Z and Ctrl+Shift+Z step through. */
  past: ViewStep[];
  future: ViewStep[];
  undo(): void;
  redo(): void;
  runCrossTab(): Promise<void>;
  /** Drops the table and any answer still on its way: it was computed from another workspace. */
  forgetResult(): void;
  loadFilterValues(d: Dimension): Promise<void>;
}

/** The engine takes at most four row dimensions (shared/spec.ts). */
export const MAX_ROWS = 4;

/** Enough steps back for a morning's work; older ones are forgotten so the history stays small. */
export const UNDO_LIMIT = 100;

export const filterKey = (m: Measure, d: Dimension) => `${m}:${d}`;

export function specOf(draft: Draft): ViewSpecInput {
  const where = Object.fromEntries(Object.entries(draft.where).filter(([, v]) => v && v.length > 0));
  return {
    measure: draft.measure,
    rows: draft.rows,
    ...(draft.cols ? { cols: draft.cols } : {}),
    where,
    ...(draft.from ? { from: draft.from } : {}),
    ...(draft.to ? { to: draft.to } : {}),
  };
}

export function draftOf(spec: ViewSpec): Draft {
  return { measure: spec.measure, rows: [...spec.rows], cols: spec.cols ?? null, where: { ...spec.where }, from: spec.from ?? '', to: spec.to ?? '' };
}

/** Where the view stands now, as undo keeps it. */
export const stepOf = (s: Pick<BluehelmState, 'draft' | 'pivotOptions' | 'mapOptions'>): ViewStep => ({ draft: s.draft, pivot: s.pivotOptions, map: s.mapOptions });

/** Two drafts that ask the engine for the same view. */
export function sameDraft(a: Draft, b: Draft): boolean {
  return JSON.stringify(specOf(a)) === JSON.stringify(specOf(b));
}

/** Keeps only what the new measure can be broken down or filtered by, so a switch never yields a refused spec. */
function fitToMeasure(draft: Draft, measure: Measure): Draft {
  const applies = (d: Dimension) => measureInfo[measure].dimensions.includes(d);
  return {
    ...draft,
    measure,
    rows: draft.rows.filter(applies),
    cols: draft.cols && applies(draft.cols) ? draft.cols : null,
    where: Object.fromEntries(Object.entries(draft.where).filter(([d]) => filtersOf(measure).includes(d as Dimension))),
  };
}

/**
 * The first cross-tab, asked as the app starts (main.tsx), alongside the workspace's description and the
 * views' code rather than after them; the first run of the same view takes this answer instead of asking again.
 */
let early: { key: string; answer: Promise<CrossTab> } | null = null;
export function askEarly(draft: Draft): void {
  const spec = specOf(draft);
  early = { key: JSON.stringify(spec), answer: api.crossTab(spec) };
  // Its failure is reported by the run that takes it, if any does.
  early.answer.catch(() => undefined);
}

export const createViewSlice: StateCreator<BluehelmState, [], [], ViewSlice> = (set, get) => {
  // Only the newest request may write its answer; slower earlier ones are dropped.
  const requests = latestOnly();
  // Every change of the view goes through here, so each one can be undone; a change that changes nothing is not a step.
  const setDraft = (change: (d: Draft) => Draft) =>
    set((s) => {
      const draft = change(s.draft);
      if (draft === s.draft || sameDraft(draft, s.draft)) return {};
      return { draft, past: [...s.past, stepOf(s)].slice(-UNDO_LIMIT), future: [] };
    });

  return {
    draft: { measure: 'fatalities', rows: ['year'], cols: null, where: {}, from: '', to: '' },
    result: null,
    error: null,
    running: false,
    filterValues: {},
    past: [],
    future: [],

    setMeasure: (m) => setDraft((d) => fitToMeasure(d, m)),
    toggleRow: (dim) =>
      setDraft((d) => {
        if (d.rows.includes(dim)) return { ...d, rows: d.rows.filter((r) => r !== dim) };
        if (d.rows.length >= MAX_ROWS) return d;
        return { ...d, rows: [...d.rows, dim], cols: d.cols === dim ? null : d.cols };
      }),
    moveRow: (dim, delta) =>
      setDraft((d) => {
        const i = d.rows.indexOf(dim);
        const j = i + delta;
        if (i < 0 || j < 0 || j >= d.rows.length) return d;
        const rows = [...d.rows];
        [rows[i], rows[j]] = [rows[j], rows[i]];
        return { ...d, rows };
      }),
    setCols: (dim) => setDraft((d) => ({ ...d, cols: dim, rows: dim ? d.rows.filter((r) => r !== dim) : d.rows })),
    setFilter: (dim, values) => setDraft((d) => ({ ...d, where: { ...d.where, [dim]: values } })),
    setDates: (dates) => setDraft((d) => ({ ...d, ...dates })),
    loadSpec: (spec) => setDraft(() => draftOf(spec)),
    undo: () =>
      set((s) => {
        const step = s.past[s.past.length - 1];
        return step ? { draft: step.draft, pivotOptions: step.pivot, mapOptions: step.map, past: s.past.slice(0, -1), future: [stepOf(s), ...s.future] } : {};
      }),
    redo: () =>
      set((s) => {
        const step = s.future[0];
        return step ? { draft: step.draft, pivotOptions: step.pivot, mapOptions: step.map, future: s.future.slice(1), past: [...s.past, stepOf(s)] } : {};
      }),

    runCrossTab: async () => {
      const current = requests.begin();
      set({ running: true });
      try {
        const spec = specOf(get().draft);
        // Taken once, by the run of the same view (the address's view may be loaded a run after the default one).
        const asked = early?.key === JSON.stringify(spec) ? early.answer : null;
        if (asked) early = null;
        const result = await (asked ?? api.crossTab(spec));
        if (current()) {
          set({ result, error: null, running: false });
          get().followResult(result);
        }
      } catch (e) {
        if (current()) {
          set({ result: null, error: errorMessage(e), running: false });
          get().followResult(null);
        }
      }
    },

    forgetResult: () => {
      requests.drop();
      early = null;
      set({ result: null, error: null, running: false });
      get().closeSourceRows();
    },

    loadFilterValues: async (dim) => {
      const { measure } = get().draft;
      const key = filterKey(measure, dim);
      if (get().filterValues[key]) return;
      try {
        const values = await api.dimensionValues({ measure, dimension: dim });
        set((s) => ({ filterValues: { ...s.filterValues, [key]: values } }));
      } catch (e) {
        set({ error: errorMessage(e) });
      }
    },
  };
};
