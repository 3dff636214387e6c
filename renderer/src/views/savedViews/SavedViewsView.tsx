import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeScope, describeSpec } from '../../../../shared/present/describe';
import type { SavedView } from '../../../../shared/views';
import { useBluehelm } from '../../store';
import { openKeptView } from '../keptView';
import { VIEW_IDS } from '../viewIds';
import { keptHash, readViewHash } from '../viewHash';
import { SaveView } from './SaveView';

/** Which field of which view is being edited in place. */
type Editing = { id: number; field: 'name' | 'note'; value: string } | null;

/** The workspace's saved views: open, rename, duplicate, delete, and a note on each. */
export function SavedViewsView() {
  const { t, i18n } = useTranslation();
  const views = useBluehelm((s) => s.savedViews);
  const error = useBluehelm((s) => s.savedViewsError);
  const busy = useBluehelm((s) => s.savedViewsBusy);
  const lang = useBluehelm((s) => s.lang);
  const lookups = useBluehelm((s) => s.lookups);
  const viewTab = useBluehelm((s) => s.viewTab);
  const { renameSavedView, duplicateSavedView, deleteSavedView, noteSavedView } = useBluehelm.getState();
  const [editing, setEditing] = useState<Editing>(null);
  const tabLabel = (tab: string) => t(`tabs.${(VIEW_IDS as readonly string[]).includes(tab) ? tab : 'crossTab'}`, { count: 0 });
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });

  /** A trend's settings in words, as the chart's title line says them (read back through the same checks as a link). */
  const chartText = (chart: SavedView['chart']) => {
    const o = readViewHash(keptHash({ spec: { measure: 'fatalities' }, tab: 'trends', chart })).trend;
    return [
      o.chart && t(`trends.chartType.${o.chart}`),
      o.show && o.show !== 'value' && t(`trends.shows.${o.show}`),
      o.average ? t('trends.averaged', { n: o.average }) : null,
      o.annotations === false ? null : t('annotations.toggle'),
    ]
      .filter(Boolean)
      .join(lang === 'zh' ? '，' : ' · ');
  };

  const finish = (view: SavedView) => {
    if (!editing) return;
    const done = editing.field === 'name' ? renameSavedView(view.id, editing.value) : noteSavedView(view, editing.value).then(() => true);
    void done.then((ok) => ok && setEditing(null));
  };

  return (
    <section className="bh-saved-views" data-testid="saved-views">
      <div className="bh-view-head">
        <h2>{t('saved.list')}</h2>
        {/* The view in the builder, to reopen where it was last drawn. */}
        <SaveView tab={viewTab} labelKey="saved.saveCurrent" />
      </div>
      <p className="bh-help">{t('saved.help')}</p>
      {error && (
        <p className="bh-error" role="alert" data-testid="saved-views-error">
          {error}
        </p>
      )}
      {views.length === 0 ? (
        <p className="bh-help">{t('saved.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('saved.colName')}</th>
              <th>{t('saved.colView')}</th>
              <th>{t('saved.colOpens')}</th>
              <th>{t('saved.colNote')}</th>
              <th>{t('saved.colUpdated')}</th>
              <th>{t('saved.colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {views.map((v) => {
              const described = describeSpec(v.spec, lang, lookups);
              const scope = describeScope(described, lang);
              const edit = editing?.id === v.id ? editing : null;
              return (
                <tr key={v.id} data-testid="saved-view" data-name={v.name}>
                  <td className="bh-saved-name">
                    {edit?.field === 'name' ? (
                      <form
                        onSubmit={(e) => {
                          e.preventDefault();
                          finish(v);
                        }}
                      >
                        <input aria-label={t('saved.newName', { name: v.name })} value={edit.value} maxLength={120} autoFocus data-testid="saved-view-rename-input" onChange={(e) => setEditing({ ...edit, value: e.target.value })} />
                        <button type="submit" className="bh-button bh-small" disabled={busy}>
                          {t('saved.ok')}
                        </button>
                      </form>
                    ) : (
                      <button type="button" className="bh-link" data-testid="saved-view-open" onClick={() => openKeptView(v)}>
                        {v.name}
                      </button>
                    )}
                  </td>
                  <td>
                    <span className="bh-saved-title">{described.title}</span>
                    {scope && <span className="bh-help">{lang === 'zh' ? '；' : ' · '}{scope}</span>}
                    {v.tab === 'trends' && <span className="bh-saved-chart">{chartText(v.chart)}</span>}
                  </td>
                  <td className="bh-nowrap">{tabLabel(v.tab)}</td>
                  <td className="bh-saved-note">
                    {edit?.field === 'note' ? (
                      <form
                        onSubmit={(e) => {
                          e.preventDefault();
                          finish(v);
                        }}
                      >
                        <textarea aria-label={t('saved.editNote', { name: v.name })} value={edit.value} maxLength={2000} rows={2} autoFocus data-testid="saved-view-note-input" onChange={(e) => setEditing({ ...edit, value: e.target.value })} />
                        <button type="submit" className="bh-button bh-small" disabled={busy}>
                          {t('saved.ok')}
                        </button>
                      </form>
                    ) : (
                      <button type="button" className="bh-note-text" title={t('saved.editNote', { name: v.name })} data-testid="saved-view-note" onClick={() => setEditing({ id: v.id, field: 'note', value: v.note })}>
                        {v.note || '＋'}
                      </button>
                    )}
                  </td>
                  <td className="bh-nowrap">{when(v.updatedAt)}</td>
                  <td className="bh-saved-actions">
                    <button type="button" className="bh-button bh-small" data-testid="saved-view-rename" onClick={() => setEditing({ id: v.id, field: 'name', value: v.name })}>
                      {t('saved.rename')}
                    </button>
                    <button type="button" className="bh-button bh-small" disabled={busy} data-testid="saved-view-duplicate" onClick={() => void duplicateSavedView(v.id)}>
                      {t('saved.duplicate')}
                    </button>
                    <button
                      type="button"
                      className="bh-button bh-small bh-danger"
                      disabled={busy}
                      data-testid="saved-view-delete"
                      onClick={() => {
                        if (window.confirm(t('saved.confirmDelete', { name: v.name }))) void deleteSavedView(v.id);
                      }}
                    >
                      {t('saved.delete')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
