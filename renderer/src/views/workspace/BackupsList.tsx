import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationOutput } from '../../../../shared/contract';
import { api, errorMessage } from '../../api/client';
import { useBluehelm } from '../../store';
import { formatNumber } from '../../../../shared/present/format';

type Backup = OperationOutput<'workspaceBackups'>[number];

/**
 * The open workspace's backups (one before each import and migration, the last five), each of which
 * can be brought back; the workspace as it was is kept as the newest backup, so a restore is undone
 * the same way.
 */
export function BackupsList() {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const dataVersion = useBluehelm((s) => s.dataVersion);
  const restoreBackup = useBluehelm((s) => s.restoreBackup);
  const switching = useBluehelm((s) => s.switching);
  const switchError = useBluehelm((s) => s.switchError);
  const [backups, setBackups] = useState<Backup[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.workspaceBackups({}).then(setBackups, (e) => setError(errorMessage(e)));
  }, [dataVersion]);

  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
  const restore = (b: Backup) => {
    if (window.confirm(t('backups.confirm', { when: when(b.takenAt) }))) void restoreBackup(b.file);
  };

  return (
    <section className="bh-datasets" data-testid="backups-list">
      <h2>{t('backups.title')}</h2>
      <p className="bh-help">{t('backups.help')}</p>
      {(error ?? switchError) && (
        <p className="bh-error" role="alert">
          {error ?? switchError}
        </p>
      )}
      {backups.length === 0 ? (
        <p className="bh-help">{t('backups.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('backups.taken')}</th>
              <th className="bh-num">{t('backups.size')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.file} data-testid="backup-row">
                <td title={b.file}>{when(b.takenAt)}</td>
                <td className="bh-num">{t('backups.megabytes', { n: formatNumber(Math.round(b.bytes / 104857.6) / 10, lang) })}</td>
                <td>
                  <button type="button" disabled={switching} onClick={() => restore(b)} data-testid="backup-restore">
                    {t('backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
