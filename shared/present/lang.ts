/** The two languages of the UI and of exports (a pack's language is its own, independent of the UI's). */
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** BCP 47 locales for number and date formatting. */
export const LOCALE: Record<Lang, string> = { en: 'en-US', zh: 'zh-CN' };
