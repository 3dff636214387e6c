import { useTranslation } from 'react-i18next';
import { ImportButton } from '../importPanel/ImportButton';
import { useBluehelm } from '../../store';
import { ImportStatus } from '../importPanel/ImportStatus';

/** What a new user sees in an empty workspace: what Bluehelm is for and the one thing to do next. */
export function EmptyState() {
  const { t } = useTranslation();
  const openDemo = useBluehelm((s) => s.openDemo);
  const switching = useBluehelm((s) => s.switching);
  const switchError = useBluehelm((s) => s.switchError);
  return (
    <main className="bh-empty" data-testid="empty-state">
      <div className="bh-empty-card">
        <h2>{t('empty.title')}</h2>
        <p>{t('empty.what')}</p>
        <ol>
          <li>{t('empty.step1')}</li>
          <li>{t('empty.step2')}</li>
          <li>{t('empty.step3')}</li>
        </ol>
        <div className="bh-empty-action">
          <ImportButton primary />
          <span className="bh-help">{t('empty.offline')}</span>
        </div>
        <ImportStatus />
        <p className="bh-help bh-empty-demo">
          {t('empty.demo')}{' '}
          <button type="button" className="bh-link" disabled={switching} data-testid="empty-open-demo" onClick={() => void openDemo()}>
            {t('workspaces.openDemo')}
          </button>
        </p>
        {switchError && (
          <p className="bh-error" role="alert">
            {switchError}
          </p>
        )}
      </div>
    </main>
  );
}
