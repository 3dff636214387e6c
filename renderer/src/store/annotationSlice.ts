import type { StateCreator } from 'zustand';
import type { Annotation } from '../../../shared/annotations';
import { api, errorMessage } from '../api/client';
import type { BluehelmState } from './index';
import { resetOnWorkspaceSwitch } from './resets';

resetOnWorkspaceSwitch('annotations', (s) => s.forgetAnnotations());

export interface AnnotationSlice {
  /** The bundled annotations and the analyst's own (the missions' dates come from the reference tables). */
  annotations: Annotation[];
  annotationError: string | null;
  loadAnnotations(): Promise<void>;
  /** True when stored; a refusal (a date that is not one) is kept in annotationError. */
  addAnnotation(input: { date: string; label: { en?: string; zh?: string } }): Promise<boolean>;
  deleteAnnotation(id: string): Promise<void>;
  forgetAnnotations(): void;
}

export const createAnnotationSlice: StateCreator<BluehelmState, [], [], AnnotationSlice> = (set) => {
  const change = async (work: () => Promise<unknown>): Promise<boolean> => {
    set({ annotationError: null });
    try {
      await work();
      set({ annotations: await api.annotationList({}) });
      return true;
    } catch (e) {
      set({ annotationError: errorMessage(e) });
      return false;
    }
  };
  return {
    annotations: [],
    annotationError: null,
    loadAnnotations: async () => {
      await change(async () => undefined);
    },
    addAnnotation: (input) => change(() => api.annotationAdd(input)),
    deleteAnnotation: async (id) => {
      await change(() => api.annotationDelete({ id }));
    },
    forgetAnnotations: () => set({ annotations: [], annotationError: null }),
  };
};
