import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBluehelm } from '../../store';
import { ExportBar } from './ExportBar';
import { PackList } from './PackList';
import { PackSettingsForm } from './PackSettingsForm';
import { SlideEditor } from './SlideEditor';
import { SlideList } from './SlideList';
import { StaleNotice } from './StaleNotice';

/** The pack builder: packs, slides in order, the selected slide's text, its preview as it will export, and the exports. */
export function PacksView() {
  const { t } = useTranslation();
  const pack = useBluehelm((s) => s.pack);
  const packs = useBluehelm((s) => s.packs);
  const index = useBluehelm((s) => s.slideIndex);
  const previews = useBluehelm((s) => s.previews);
  const error = useBluehelm((s) => s.packError);
  const { loadPacks, openPack } = useBluehelm.getState();
  useEffect(() => {
    void loadPacks();
  }, [loadPacks]);
  useEffect(() => {
    if (!pack && packs.length > 0) void openPack(packs[0].id);
  }, [pack, packs, openPack]);
  const preview = previews[index];
  return (
    <section className="bh-packs" data-testid="packs-view">
      <PackList />
      {!pack ? (
        <p className="bh-help bh-packs-empty">{t('packs.howTo')}</p>
      ) : (
        <div className="bh-pack-builder">
          <div className="bh-pack-column">
            <h2 data-testid="pack-name">{pack.doc.name}</h2>
            {error && (
              <p className="bh-error" role="alert" data-testid="pack-error">
                {error}
              </p>
            )}
            <StaleNotice />
            <SlideList doc={pack.doc} />
            <SlideEditor doc={pack.doc} index={index} />
            <PackSettingsForm doc={pack.doc} />
          </div>
          <div className="bh-pack-column">
            <ExportBar />
            {preview ? (
              <img className="bh-slide-preview" data-testid="slide-preview" alt={t('packs.preview', { n: index + 1 })} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(preview)}`} />
            ) : (
              <p className="bh-help">{t('grid.running')}</p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
