import { useTranslation } from 'react-i18next';
import { phrase } from '../../../../shared/present/phrases';
import { useBluehelm } from '../../store';
import { NewWorkspaceButton } from './NewWorkspaceButton';

/**
 * The warning is shown in both languages whatever the choice, so nobody can miss or misread it on a
 * screenshot; the way out (a workspace of one's own) is in the analyst's language.
 */
export function SyntheticBanner() {
  const { t } = useTranslation();
  const switchError = useBluehelm((s) => s.switchError);
  return (
    <div className="bh-synthetic" role="status" data-testid="synthetic-banner">
      <strong>{phrase('syntheticBanner', 'en')}</strong>
      <span lang="zh-CN">{phrase('syntheticBanner', 'zh')}</span>
      <span className="bh-synthetic-invite">{t('synthetic.invite')}</span>
      <NewWorkspaceButton />
      {switchError && (
        <span className="bh-synthetic-error" role="alert">
          {switchError}
        </span>
      )}
    </div>
  );
}
