import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zh from './zh.json';

export type { Lang } from '../../../shared/present/lang';
import type { Lang } from '../../../shared/present/lang';

const STORAGE_KEY = 'bluehelm.lang';

export function savedLanguage(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'zh' ? 'zh' : 'en';
  } catch {
    return 'en';
  }
}

export function saveLanguage(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // A locked-down profile without storage still switches; it just forgets on restart.
  }
}

/** The html lang attribute makes the browser pick Simplified Chinese glyphs rather than Japanese ones. */
export function applyLanguage(lang: Lang): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  void i18n.changeLanguage(lang);
}

export function initI18n(lang: Lang): void {
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, zh: { translation: zh } },
    lng: lang,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}
