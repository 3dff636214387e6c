import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBluehelm } from './store';
import { EmptyState } from './views/workspace/EmptyState';
import { Header } from './views/workspace/Header';
import { SyntheticBanner } from './views/workspace/SyntheticBanner';
import { Workbench } from './views/workspace/Workbench';

export function App() {
  const { t } = useTranslation();
  const info = useBluehelm((s) => s.info);
  const loadError = useBluehelm((s) => s.loadError);
  const loadWorkspace = useBluehelm((s) => s.loadWorkspace);

  useEffect(() => {
    void loadWorkspace();
  }, [loadWorkspace]);

  return (
    <div className="bh-app">
      <Header />
      {info?.synthetic && <SyntheticBanner />}
      {loadError && (
        <p className="bh-error bh-load-error" role="alert">
          {t('app.cannotOpen', { message: loadError })}
        </p>
      )}
      {!info ? !loadError && <p className="bh-loading">{t('app.loading')}</p> : info.datasets.length === 0 ? <EmptyState /> : <Workbench />}
    </div>
  );
}
