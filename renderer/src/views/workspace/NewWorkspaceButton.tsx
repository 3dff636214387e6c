import { useTranslation } from 'react-i18next';
import { useBluehelm } from '../../store';

/** Starts the analyst's own workspace for real data (the default file) and lands on its empty state. */
export function NewWorkspaceButton({ testId = 'new-workspace' }: { testId?: string }) {
  const { t } = useTranslation();
  const switching = useBluehelm((s) => s.switching);
  const newWorkspace = useBluehelm((s) => s.newWorkspace);
  return (
    <button type="button" className="bh-button primary bh-small" data-testid={testId} disabled={switching} onClick={() => void newWorkspace()}>
      {t('workspaces.new')}
    </button>
  );
}
