import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { annotationLabel } from '../../../../shared/present/annotations';
import { useBluehelm } from '../../store';

/** The analyst's own annotations: added with a date and a label in either language or both, deleted one by one. */
export function AnnotationsPanel() {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const annotations = useBluehelm((s) => s.annotations);
  const error = useBluehelm((s) => s.annotationError);
  const { addAnnotation, deleteAnnotation } = useBluehelm.getState();
  const [form, setForm] = useState({ date: '', en: '', zh: '' });
  const yours = annotations.filter((a) => a.source === 'user');
  return (
    <details className="bh-annotations" data-testid="annotations-panel">
      <summary>{t('annotations.legend')}</summary>
      <p className="bh-help">{t('annotations.help')}</p>
      <form
        className="bh-annotation-form"
        onSubmit={(e) => {
          e.preventDefault();
          const label = { ...(form.en.trim() ? { en: form.en.trim() } : {}), ...(form.zh.trim() ? { zh: form.zh.trim() } : {}) };
          void addAnnotation({ date: form.date, label }).then((ok) => ok && setForm({ date: '', en: '', zh: '' }));
        }}
      >
        <label>
          {t('annotations.date')}
          <input type="date" required value={form.date} data-testid="annotation-date" onChange={(e) => setForm({ ...form, date: e.target.value })} />
        </label>
        <label>
          {t('annotations.labelEn')}
          <input value={form.en} maxLength={120} data-testid="annotation-en" onChange={(e) => setForm({ ...form, en: e.target.value })} />
        </label>
        <label>
          {t('annotations.labelZh')}
          <input value={form.zh} maxLength={120} data-testid="annotation-zh" onChange={(e) => setForm({ ...form, zh: e.target.value })} />
        </label>
        <button type="submit" className="bh-button bh-small" data-testid="annotation-add">
          {t('annotations.add')}
        </button>
      </form>
      {error && (
        <p className="bh-error" role="alert" data-testid="annotation-error">
          {error}
        </p>
      )}
      <h4>{t('annotations.yours')}</h4>
      {yours.length === 0 ? (
        <p className="bh-help">{t('annotations.noneYours')}</p>
      ) : (
        <ul data-testid="annotations-yours">
          {yours.map((a) => (
            <li key={a.id}>
              <span className="bh-nowrap">{a.date}</span> {annotationLabel(a, lang)}
              <button type="button" className="bh-button bh-small bh-danger" aria-label={t('annotations.deleteOne', { date: a.date })} data-testid="annotation-delete" onClick={() => void deleteAnnotation(a.id)}>
                {t('annotations.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
