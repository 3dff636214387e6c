import { useTranslation } from 'react-i18next';
import { useBluehelm } from '../../store';
import { CrossTabBuilder } from '../crossTab/CrossTabBuilder';
import { CrossTabView } from '../crossTab/CrossTabView';
import { useAutoRun } from '../crossTab/useAutoRun';
import { ImportStatus } from '../importPanel/ImportStatus';
import { DatasetsList } from './DatasetsList';
import type { Tab } from '../../store/uiSlice';

export function Workbench() {
  const { t } = useTranslation();
  const tab = useBluehelm((s) => s.tab);
  const setTab = useBluehelm((s) => s.setTab);
  const datasetCount = useBluehelm((s) => s.info?.datasets.length ?? 0);
  useAutoRun();
  const tabs: { id: Tab; label: string }[] = [
    { id: 'crossTab', label: t('tabs.crossTab') },
    { id: 'datasets', label: t('tabs.datasets', { count: datasetCount }) },
  ];
  return (
    <div className="bh-workbench">
      <aside className="bh-side">
        <CrossTabBuilder />
      </aside>
      <main className="bh-main">
        <ImportStatus />
        <nav className="bh-tabs" role="tablist">
          {tabs.map((x) => (
            <button key={x.id} type="button" role="tab" aria-selected={tab === x.id} data-testid={`tab-${x.id}`} onClick={() => setTab(x.id)}>
              {x.label}
            </button>
          ))}
        </nav>
        {tab === 'crossTab' ? <CrossTabView /> : <DatasetsList />}
      </main>
    </div>
  );
}
