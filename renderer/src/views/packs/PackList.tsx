import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBluehelm } from '../../store';

/** The workspace's packs, and what can be done with the one open. */
export function PackList() {
  const { t } = useTranslation();
  const packs = useBluehelm((s) => s.packs);
  const pack = useBluehelm((s) => s.pack);
  const { openPack, newPack, duplicatePack, deletePack, renamePack } = useBluehelm.getState();
  const [renaming, setRenaming] = useState<string | null>(null);
  return (
    <nav className="bh-pack-list" aria-label={t('packs.list')} data-testid="pack-list">
      <h3>{t('packs.list')}</h3>
      <button type="button" className="bh-button bh-small" data-testid="pack-new" onClick={() => void newPack()}>
        {t('packs.newPack')}
      </button>
      <ul>
        {packs.map((p) => (
          <li key={p.id}>
            <button type="button" className="bh-link" aria-current={pack?.id === p.id} data-testid="pack-open" onClick={() => void openPack(p.id)}>
              {p.name}
            </button>
            <span className="bh-help">{t('packs.slides', { count: p.slides })}</span>
          </li>
        ))}
      </ul>
      {packs.length === 0 && <p className="bh-help">{t('packs.none')}</p>}
      {pack && (
        <div className="bh-pack-actions">
          {renaming === null ? (
            <button type="button" className="bh-button bh-small" onClick={() => setRenaming(pack.doc.name)}>
              {t('packs.rename')}
            </button>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void renamePack(renaming).then(() => setRenaming(null));
              }}
            >
              <input aria-label={t('packs.name')} value={renaming} maxLength={120} onChange={(e) => setRenaming(e.target.value)} data-testid="pack-rename-input" />
              <button type="submit" className="bh-button bh-small">
                {t('packs.ok')}
              </button>
            </form>
          )}
          <button type="button" className="bh-button bh-small" data-testid="pack-duplicate" onClick={() => void duplicatePack()}>
            {t('packs.duplicate')}
          </button>
          <button
            type="button"
            className="bh-button bh-small bh-danger"
            data-testid="pack-delete"
            onClick={() => {
              if (window.confirm(t('packs.confirmDelete', { name: pack.doc.name }))) void deletePack();
            }}
          >
            {t('packs.delete')}
          </button>
        </div>
      )}
    </nav>
  );
}
