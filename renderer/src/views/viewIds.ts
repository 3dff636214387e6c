// The workbench's tabs by id, apart from their components (views/registry.tsx), so the store and the
// URL can name a tab without loading every view.
export const VIEW_IDS = ['crossTab', 'trends', 'map', 'published', 'packs', 'datasets'] as const;
export type ViewId = (typeof VIEW_IDS)[number];
