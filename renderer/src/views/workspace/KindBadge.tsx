import { useTranslation } from 'react-i18next';
import type { WorkspaceInfo } from '../../../../shared/contract';

/** Whether a workspace file holds the synthetic demo, real data, or nothing yet. */
export function KindBadge({ kind }: { kind: WorkspaceInfo['kind'] }) {
  const { t } = useTranslation();
  return (
    <span className={`bh-kind-badge bh-kind-${kind}`} data-testid="workspace-kind">
      {t(`workspaces.kind.${kind}`)}
    </span>
  );
}
