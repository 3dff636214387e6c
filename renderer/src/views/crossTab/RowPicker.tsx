import { useTranslation } from 'react-i18next';
import { measureInfo } from '../../../../shared/catalogue';
import { dimensionLabel } from '../../../../shared/present/labels';
import { useBluehelm } from '../../store';
import { MAX_ROWS } from '../../store/viewSlice';

export function RowPicker() {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const measure = useBluehelm((s) => s.draft.measure);
  const rows = useBluehelm((s) => s.draft.rows);
  const toggleRow = useBluehelm((s) => s.toggleRow);
  const moveRow = useBluehelm((s) => s.moveRow);
  return (
    <div className="bh-field" data-testid="rows-select">
      <span className="bh-label">{t('builder.rows')}</span>
      <div className="bh-chips">
        {measureInfo[measure].dimensions.map((d) => {
          const position = rows.indexOf(d);
          const on = position >= 0;
          return (
            <button
              key={d}
              type="button"
              className={on ? 'bh-chip on' : 'bh-chip'}
              aria-pressed={on}
              disabled={!on && rows.length >= MAX_ROWS}
              data-testid={`row-dim-${d}`}
              onClick={() => toggleRow(d)}
            >
              {on && <span className="bh-chip-order">{position + 1}</span>}
              {dimensionLabel(d, lang)}
            </button>
          );
        })}
      </div>
      {rows.length > 1 && (
        <ol className="bh-row-order">
          {rows.map((d, i) => (
            <li key={d}>
              <span>{dimensionLabel(d, lang)}</span>
              <button type="button" title={t('builder.moveUp')} aria-label={t('builder.moveUp')} disabled={i === 0} onClick={() => moveRow(d, -1)}>
                ↑
              </button>
              <button type="button" title={t('builder.moveDown')} aria-label={t('builder.moveDown')} disabled={i === rows.length - 1} onClick={() => moveRow(d, 1)}>
                ↓
              </button>
              <button type="button" title={t('builder.remove')} aria-label={t('builder.remove')} onClick={() => toggleRow(d)}>
                ×
              </button>
            </li>
          ))}
        </ol>
      )}
      <p className="bh-help">{t('builder.rowsHint')}</p>
    </div>
  );
}
