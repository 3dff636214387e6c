import { useTranslation } from 'react-i18next';
import { measureInfo, type Dimension } from '../../../../shared/catalogue';
import { dimensionLabel } from '../../../../shared/present/labels';
import { useBluehelm } from '../../store';

export function ColumnPicker() {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const measure = useBluehelm((s) => s.draft.measure);
  const cols = useBluehelm((s) => s.draft.cols);
  const setCols = useBluehelm((s) => s.setCols);
  return (
    <div className="bh-field">
      <label htmlFor="bh-cols">{t('builder.cols')}</label>
      <select id="bh-cols" data-testid="cols-select" value={cols ?? ''} onChange={(e) => setCols((e.target.value || null) as Dimension | null)}>
        <option value="">{t('builder.noCols')}</option>
        {measureInfo[measure].dimensions.map((d) => (
          <option key={d} value={d}>
            {dimensionLabel(d, lang)}
          </option>
        ))}
      </select>
    </div>
  );
}
