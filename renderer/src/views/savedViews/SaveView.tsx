import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBluehelm } from '../../store';
import type { ViewId } from '../viewIds';

/** "Save view" beside a view: a name and a note, kept in the workspace with the chart's settings; reopened on `tab`. */
export function SaveView({ tab, labelKey = 'saved.save' }: { tab: ViewId; labelKey?: string }) {
  const { t } = useTranslation();
  const save = useBluehelm((s) => s.saveCurrentView);
  const busy = useBluehelm((s) => s.savedViewsBusy);
  const error = useBluehelm((s) => s.savedViewsError);
  const [form, setForm] = useState<{ name: string; note: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const setViewTab = useBluehelm((s) => s.setViewTab);
  useEffect(() => setViewTab(tab), [setViewTab, tab]);
  // The confirmation says its piece and goes, so the view's head stays as it was.
  useEffect(() => {
    if (!saved) return;
    const timer = setTimeout(() => setSaved(null), 5000);
    return () => clearTimeout(timer);
  }, [saved]);
  return (
    <span className="bh-save-view">
      <button type="button" className="bh-button bh-small" title={t('saved.saveTitle')} data-testid="save-view" onClick={() => setForm(form ? null : { name: '', note: '' })}>
        {t(labelKey)}
      </button>
      {saved && !form && (
        <span className="bh-help" role="status" data-testid="save-view-done">
          {t('saved.saved', { name: saved })}
        </span>
      )}
      {form && (
        <form
          className="bh-save-view-form"
          data-testid="save-view-form"
          onSubmit={(e) => {
            e.preventDefault();
            const name = form.name.trim();
            void save(name, form.note, tab).then((ok) => {
              if (!ok) return;
              setForm(null);
              setSaved(name);
            });
          }}
        >
          <label>
            {t('saved.name')}
            <input value={form.name} required maxLength={120} autoFocus data-testid="save-view-name" onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </label>
          <label>
            {t('saved.note')}
            <textarea value={form.note} maxLength={2000} rows={2} placeholder={t('saved.notePlaceholder')} data-testid="save-view-note" onChange={(e) => setForm({ ...form, note: e.target.value })} />
          </label>
          {error && (
            <p className="bh-error" role="alert">
              {error}
            </p>
          )}
          <div className="bh-form-buttons">
            <button type="submit" className="bh-button primary bh-small" disabled={busy} data-testid="save-view-ok">
              {t('saved.ok')}
            </button>
            <button type="button" className="bh-button bh-small" onClick={() => setForm(null)}>
              {t('saved.cancel')}
            </button>
          </div>
        </form>
      )}
    </span>
  );
}
