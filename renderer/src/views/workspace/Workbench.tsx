import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBluehelm } from '../../store';
import { CrossTabBuilder } from '../crossTab/CrossTabBuilder';
import { useViewRun } from '../useViewRun';
import { ImportStatus } from '../importPanel/ImportStatus';
import { VIEWS, viewEntry } from '../registry';
import { useKeptView } from '../keptView';

export function Workbench() {
  const { t } = useTranslation();
  const tab = useBluehelm((s) => s.tab);
  const setTab = useBluehelm((s) => s.setTab);
  const datasetCount = useBluehelm((s) => s.info?.datasets.length ?? 0);
  useViewRun(useBluehelm((s) => s.runCrossTab));
  useKeptView();
  // The packs "Add to pack" can go to, listed once per workspace.
  const workspacePath = useBluehelm((s) => s.info?.path);
  const loadPacks = useBluehelm((s) => s.loadPacks);
  const loadSavedViews = useBluehelm((s) => s.loadSavedViews);
  const loadAnnotations = useBluehelm((s) => s.loadAnnotations);
  useEffect(() => {
    void loadPacks();
    // The saved views and annotations are the workspace's own: listed again for each workspace opened.
    void loadSavedViews();
    void loadAnnotations();
  }, [loadPacks, loadSavedViews, loadAnnotations, workspacePath]);
  const current = viewEntry(tab);
  const View = current.component;
  // The view is rendered once its code is here: a view that suspended would be held back behind the
  // Suspense fallback for React's reveal throttle (300 ms), even when its code arrives a moment later.
  const [, arrived] = useState(0);
  useEffect(() => {
    if (!current.ready()) void current.load().then(() => arrived((n) => n + 1));
  }, [current]);
  return (
    <div className="bh-workbench">
      {current.usesBuilder && (
        <aside className="bh-side">
          <CrossTabBuilder />
        </aside>
      )}
      <main className="bh-main">
        <ImportStatus />
        <nav className="bh-tabs" role="tablist">
          {VIEWS.map((x) => (
            <button key={x.id} type="button" role="tab" aria-selected={tab === x.id} data-testid={`tab-${x.id}`} onClick={() => setTab(x.id)}>
              {t(x.labelKey, { count: datasetCount })}
            </button>
          ))}
        </nav>
        {current.ready() ? (
          <Suspense fallback={<p className="bh-loading">{t('app.loading')}</p>}>
            <View />
          </Suspense>
        ) : (
          <p className="bh-loading">{t('app.loading')}</p>
        )}
      </main>
    </div>
  );
}
