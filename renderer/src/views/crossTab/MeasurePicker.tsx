import { useTranslation } from 'react-i18next';
import { MEASURES, measureInfo, type Measure } from '../../../../shared/catalogue';
import { measureLabel } from '../../../../shared/present/labels';
import { useBluehelm } from '../../store';
import { missingSubjects } from '../../store/workspaceSlice';

/**
 * Measures the workspace has no file for are greyed, listed apart, and not selectable: chosen, they
 * would draw an empty table that reads like zeros. Each says which file it needs (inline, since a
 * native list shows no tooltip on a disabled entry), and a note under the list says it once more.
 */
export function MeasurePicker() {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const info = useBluehelm((s) => s.info);
  const measure = useBluehelm((s) => s.draft.measure);
  const setMeasure = useBluehelm((s) => s.setMeasure);
  const needs = new Map(MEASURES.map((m) => [m, missingSubjects(m, info)]));
  const usable = MEASURES.filter((m) => needs.get(m)!.length === 0);
  const unusable = MEASURES.filter((m) => needs.get(m)!.length > 0);
  const reason = (m: Measure) => needs.get(m)!.map((s) => t('builder.noFile', { what: t(`fileKind.${s}`) })).join('; ');
  const missingFiles = [...new Set(unusable.flatMap((m) => needs.get(m)!))].map((s) => t(`fileKind.${s}`));
  return (
    <div className="bh-field">
      <label htmlFor="bh-measure">{t('builder.measure')}</label>
      <select id="bh-measure" data-testid="measure-select" value={measure} onChange={(e) => setMeasure(e.target.value as Measure)}>
        {usable.map((m) => (
          <option key={m} value={m} title={measureInfo[m].help[lang]}>
            {measureLabel(m, lang)}
          </option>
        ))}
        {unusable.length > 0 && (
          <optgroup label={t('builder.noData')} data-testid="measures-without-data">
            {unusable.map((m) => (
              <option key={m} value={m} disabled className="bh-no-data" title={reason(m)} data-reason={reason(m)}>
                {`${measureLabel(m, lang)} — ${reason(m)}`}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <p className="bh-help">{measureInfo[measure].help[lang]}</p>
      {unusable.length > 0 && info && (
        <p className="bh-help bh-no-data-note" data-testid="measures-no-data-note">
          {t('builder.noDataNote', { n: unusable.length, what: missingFiles.join(lang === 'zh' ? '、' : ', ') })}
        </p>
      )}
    </div>
  );
}
