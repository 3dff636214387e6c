import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { CrossTabView } from './crossTab/CrossTabView';
import { DatasetsTab } from './workspace/DatasetsTab';
import { PacksView } from './packs/PacksView';
import { PublishedFiguresView } from './publishedFigures/PublishedFiguresView';
import { TrendsView } from './trends/TrendsView';
import type { ViewId } from './viewIds';

// The map's code and its world shapes (about 0.8 MB) load when the tab is first opened, not with the first page.
const LazyMap = lazy(() => import('./map/MapView'));
function MapTab() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="bh-running">{t('grid.running')}</p>}>
      <LazyMap />
    </Suspense>
  );
}

/** One tab of the workbench: adding a view is adding an entry here. */
export interface ViewEntry {
  id: ViewId;
  /** i18n key of the tab's label; it is given the workspace's dataset count as `count`. */
  labelKey: string;
  /** The cross-tab builder defines what this view draws, so it is shown beside it. */
  usesBuilder: boolean;
  component: ComponentType;
}

/** In the order of the tabs; every id of viewIds.ts has exactly one entry (test/unit/viewRegistry.test.ts). */
export const VIEWS: readonly ViewEntry[] = [
  { id: 'crossTab', labelKey: 'tabs.crossTab', usesBuilder: true, component: CrossTabView },
  { id: 'trends', labelKey: 'tabs.trends', usesBuilder: true, component: TrendsView },
  { id: 'map', labelKey: 'tabs.map', usesBuilder: true, component: MapTab },
  { id: 'published', labelKey: 'tabs.published', usesBuilder: false, component: PublishedFiguresView },
  { id: 'packs', labelKey: 'tabs.packs', usesBuilder: false, component: PacksView },
  { id: 'datasets', labelKey: 'tabs.datasets', usesBuilder: false, component: DatasetsTab },
];

export const viewEntry = (id: ViewId): ViewEntry => VIEWS.find((v) => v.id === id)!;
