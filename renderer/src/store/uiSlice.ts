import type { StateCreator } from 'zustand';
import { applyLanguage, saveLanguage, savedLanguage, type Lang } from '../i18n/setup';
import type { ViewId } from '../views/viewIds';
import type { BluehelmState } from './index';

export type Tab = ViewId;

export interface UiSlice {
  lang: Lang;
  tab: Tab;
  setLang(lang: Lang): void;
  setTab(tab: Tab): void;
}

export const createUiSlice: StateCreator<BluehelmState, [], [], UiSlice> = (set) => ({
  lang: savedLanguage(),
  tab: 'crossTab',
  setLang: (lang) => {
    saveLanguage(lang);
    applyLanguage(lang);
    set({ lang });
  },
  setTab: (tab) => set({ tab }),
});
