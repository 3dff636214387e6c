import { useTranslation } from 'react-i18next';
import { MEASURES, measureInfo, type Measure } from '../../../../shared/catalogue';
import { measureLabel } from '../../../../shared/present/labels';
import { useBluehelm } from '../../store';
import { missingSubjects } from '../../store/workspaceSlice';

/**
 * Measures the workspace has no file for are greyed, listed apart under the reason ("No IED incident
 * file imported"), and not selectable: chosen, they would draw an empty table that reads like zeros.
 * The reason heads their group, since a native list shows no tooltip on a disabled entry; a note under
 * the list says it once more.
 */
export function MeasurePicker() {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const info = useBluehelm((s) => s.info);
  const measure = useBluehelm((s) => s.draft.measure);
  const setMeasure = useBluehelm((s) => s.setMeasure);
  const reason = (m: Measure) =>
    missingSubjects(m, info)
      .map((s) => t('builder.noFile', { what: t(`fileKind.${s}`) }))
      .join('; ');
  const usable = MEASURES.filter((m) => reason(m) === '');
  // The measures without data, grouped by what they lack, in catalogue order.
  const groups = new Map<string, Measure[]>();
  for (const m of MEASURES) if (reason(m) !== '') groups.set(reason(m), [...(groups.get(reason(m)) ?? []), m]);
  const unusable = MEASURES.length - usable.length;
  const missingFiles = [...new Set(MEASURES.flatMap((m) => missingSubjects(m, info)))].map((s) => t(`fileKind.${s}`));
  return (
    <div className="bh-field">
      <label htmlFor="bh-measure">{t('builder.measure')}</label>
      <select id="bh-measure" data-testid="measure-select" value={measure} onChange={(e) => setMeasure(e.target.value as Measure)}>
        {usable.map((m) => (
          <option key={m} value={m} title={measureInfo[m].help[lang]}>
            {measureLabel(m, lang)}
          </option>
        ))}
        {[...groups].map(([why, measures]) => (
          <optgroup key={why} label={why} data-testid="measures-without-data">
            {measures.map((m) => (
              <option key={m} value={m} disabled className="bh-no-data" title={why}>
                {measureLabel(m, lang)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <p className="bh-help">{measureInfo[measure].help[lang]}</p>
      {unusable > 0 && info && (
        <p className="bh-help bh-no-data-note" data-testid="measures-no-data-note">
          {t('builder.noDataNote', { n: unusable, what: missingFiles.join(lang === 'zh' ? '、' : ', ') })}
        </p>
      )}
    </div>
  );
}
