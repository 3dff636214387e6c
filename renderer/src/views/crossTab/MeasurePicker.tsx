import { useTranslation } from 'react-i18next';
import { MEASURES, measureInfo, type Measure } from '../../../../shared/catalogue';
import { measureLabel } from '../../../../shared/present/labels';
import { useBluehelm } from '../../store';
import { missingSubjects } from '../../store/workspaceSlice';

export function MeasurePicker() {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const info = useBluehelm((s) => s.info);
  const measure = useBluehelm((s) => s.draft.measure);
  const setMeasure = useBluehelm((s) => s.setMeasure);
  return (
    <div className="bh-field">
      <label htmlFor="bh-measure">{t('builder.measure')}</label>
      <select id="bh-measure" data-testid="measure-select" value={measure} onChange={(e) => setMeasure(e.target.value as Measure)}>
        {MEASURES.map((m) => {
          const missing = missingSubjects(m, info);
          const reason = missing.length ? t('builder.needs', { what: missing.map((s) => t(`subject.${s}`)).join(', ') }) : '';
          return (
            <option key={m} value={m} disabled={missing.length > 0} title={reason || measureInfo[m].help[lang]}>
              {reason ? `${measureLabel(m, lang)} — ${reason}` : measureLabel(m, lang)}
            </option>
          );
        })}
      </select>
      <p className="bh-help">{measureInfo[measure].help[lang]}</p>
    </div>
  );
}
