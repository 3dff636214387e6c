import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { ViewId } from './viewIds';

/** One tab of the workbench: adding a view is adding an entry here. */
export interface ViewEntry {
  id: ViewId;
  /** i18n key of the tab's label; it is given the workspace's dataset count as `count`. */
  labelKey: string;
  /** The cross-tab builder defines what this view draws, so it is shown beside it. */
  usesBuilder: boolean;
  /** Fetches the view's code; the app asks for the first view's as it starts (main.tsx). */
  load: () => Promise<unknown>;
  /** Whether the view's code has arrived, so the component renders without suspending. */
  ready: () => boolean;
  /** Rendered inside a Suspense boundary (Workbench), since its code arrives when first shown. */
  component: LazyExoticComponent<ComponentType>;
}

// Each view's code (and the libraries only it uses) is its own chunk, fetched when its tab is first
// opened: the app's first script holds only what every view needs, and the first view loads beside it.
function view<K extends string>(id: ViewId, labelKey: string, usesBuilder: boolean, load: () => Promise<Record<K, ComponentType>>, name: K): ViewEntry {
  let loaded: { default: ComponentType } | null = null;
  let loading: Promise<{ default: ComponentType }> | null = null;
  const once = () => (loading ??= load().then((m) => (loaded = { default: m[name] })));
  // A view whose code has already arrived (the first one, fetched as the app starts) is handed to React.lazy
  // at once: a promise, even a settled one, would suspend the first render, and React then holds the view
  // back behind its fallback for its 300 ms reveal throttle.
  const arrived = (value: { default: ComponentType }) => ({ then: (resolve: (v: { default: ComponentType }) => void) => resolve(value) });
  return { id, labelKey, usesBuilder, load: once, ready: () => loaded !== null, component: lazy(() => (loaded ? (arrived(loaded) as unknown as Promise<{ default: ComponentType }>) : once())) };
}

/** In the order of the tabs; every id of viewIds.ts has exactly one entry (test/unit/viewRegistry.test.ts). */
export const VIEWS: readonly ViewEntry[] = [
  view('crossTab', 'tabs.crossTab', true, () => import('./crossTab/CrossTabView'), 'CrossTabView'),
  view('trends', 'tabs.trends', true, () => import('./trends/TrendsView'), 'TrendsView'),
  // The map's world shapes (about 0.8 MB) come with its code, when the tab is first opened.
  view('map', 'tabs.map', true, () => import('./map/MapView'), 'MapView'),
  view('published', 'tabs.published', false, () => import('./publishedFigures/PublishedFiguresView'), 'PublishedFiguresView'),
  view('packs', 'tabs.packs', false, () => import('./packs/PacksView'), 'PacksView'),
  view('saved', 'tabs.saved', false, () => import('./savedViews/SavedViewsView'), 'SavedViewsView'),
  view('datasets', 'tabs.datasets', false, () => import('./workspace/DatasetsTab'), 'DatasetsTab'),
];

export const viewEntry = (id: ViewId): ViewEntry => VIEWS.find((v) => v.id === id)!;
