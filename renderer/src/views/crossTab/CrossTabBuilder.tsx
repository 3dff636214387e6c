import { useTranslation } from 'react-i18next';
import { filtersOf } from '../../../../shared/catalogue';
import { useBluehelm } from '../../store';
import { ColumnPicker } from './ColumnPicker';
import { DateRange } from './DateRange';
import { FilterPicker } from './FilterPicker';
import { MeasurePicker } from './MeasurePicker';
import { RowPicker } from './RowPicker';
import { UndoRedo } from './UndoRedo';

/** The left panel: everything that defines the view, offering only what applies to the measure. */
export function CrossTabBuilder() {
  const { t } = useTranslation();
  const measure = useBluehelm((s) => s.draft.measure);
  return (
    <div className="bh-builder">
      <UndoRedo />
      <MeasurePicker />
      <RowPicker />
      <ColumnPicker />
      <div className="bh-field">
        <span className="bh-label">{t('builder.filters')}</span>
        {filtersOf(measure).map((d) => (
          // Keyed by measure too: a filter's value list belongs to the measure it was loaded for.
          <FilterPicker key={`${measure}:${d}`} dim={d} />
        ))}
      </div>
      <DateRange />
    </div>
  );
}
