import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBluehelm } from '../../store';
import type { Tab } from '../../store/uiSlice';
import { CrossTabBuilder } from '../crossTab/CrossTabBuilder';
import { CrossTabView } from '../crossTab/CrossTabView';
import { useViewRun } from '../useViewRun';
import { ImportStatus } from '../importPanel/ImportStatus';
import { PacksView } from '../packs/PacksView';
import { PublishedFiguresView } from '../publishedFigures/PublishedFiguresView';
import { TrendsView } from '../trends/TrendsView';
import { BackupsList } from './BackupsList';
import { DatasetsList } from './DatasetsList';

/** The builder defines the view that the cross-tab and the trends draw; the other tabs do not use it. */
const USES_BUILDER: ReadonlySet<Tab> = new Set(['crossTab', 'trends']);

function TabContent({ tab }: { tab: Tab }) {
  switch (tab) {
    case 'crossTab':
      return <CrossTabView />;
    case 'trends':
      return <TrendsView />;
    case 'published':
      return <PublishedFiguresView />;
    case 'packs':
      return <PacksView />;
    case 'datasets':
      return (
        <>
          <DatasetsList />
          <BackupsList />
        </>
      );
  }
}

export function Workbench() {
  const { t } = useTranslation();
  const tab = useBluehelm((s) => s.tab);
  const setTab = useBluehelm((s) => s.setTab);
  const datasetCount = useBluehelm((s) => s.info?.datasets.length ?? 0);
  useViewRun(useBluehelm((s) => s.runCrossTab));
  // The packs "Add to pack" can go to, listed once per workspace.
  const workspacePath = useBluehelm((s) => s.info?.path);
  const loadPacks = useBluehelm((s) => s.loadPacks);
  useEffect(() => {
    void loadPacks();
  }, [loadPacks, workspacePath]);
  const tabs: { id: Tab; label: string }[] = [
    { id: 'crossTab', label: t('tabs.crossTab') },
    { id: 'trends', label: t('tabs.trends') },
    { id: 'published', label: t('tabs.published') },
    { id: 'packs', label: t('tabs.packs') },
    { id: 'datasets', label: t('tabs.datasets', { count: datasetCount }) },
  ];
  return (
    <div className="bh-workbench">
      {USES_BUILDER.has(tab) && (
        <aside className="bh-side">
          <CrossTabBuilder />
        </aside>
      )}
      <main className="bh-main">
        <ImportStatus />
        <nav className="bh-tabs" role="tablist">
          {tabs.map((x) => (
            <button key={x.id} type="button" role="tab" aria-selected={tab === x.id} data-testid={`tab-${x.id}`} onClick={() => setTab(x.id)}>
              {x.label}
            </button>
          ))}
        </nav>
        <TabContent tab={tab} />
      </main>
    </div>
  );
}
