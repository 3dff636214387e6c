import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Measure } from '../../../../shared/catalogue';
import { formatValue } from '../../../../shared/present/format';
import { classLabel, type Choropleth } from '../../../../shared/present/mapClasses';
import { useBluehelm } from '../../store';

/**
 * The countries the map colours, largest first, as a list: the map for a keyboard (Tab to it, arrows or the
 * first letters of a name, Enter opens the cross-tab filtered to the country, as a click on the map does)
 * and for a screen reader (the SVG map is only a picture to it), each with its value and class.
 */
export function MapCountryList({ map, measure, placed, countryName, onCountry }: { map: Choropleth; measure: Measure; placed: ReadonlySet<string>; countryName: (key: string) => string; onCountry: (iso3: string) => void }) {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const id = useId();
  const rows = [...map.values].filter(([key, v]) => placed.has(key) && v !== null && v !== 0).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  const sep = lang === 'zh' ? '：' : ': ';
  return (
    <div className="bh-map-list">
      <label htmlFor={id}>{t('map.list')}</label>
      <select
        id={id}
        size={2}
        data-testid="map-countries"
        aria-describedby={`${id}-hint`}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || !e.currentTarget.value) return;
          e.preventDefault();
          onCountry(e.currentTarget.value);
        }}
        onDoubleClick={(e) => e.currentTarget.value && onCountry(e.currentTarget.value)}
      >
        {rows.map(([key, value]) => {
          const c = map.classing.classOf(value);
          const text = `${countryName(key)}${sep}${formatValue(measure, value, lang)}`;
          const range = c === null ? '' : classLabel(map.classing.classes[c], measure, lang);
          return (
            <option key={key} value={key} data-value={value ?? ''} aria-label={t('map.listItem', { text, range })}>
              {text}
            </option>
          );
        })}
      </select>
      <p id={`${id}-hint`} className="bh-help">
        {t('map.listHint')}
      </p>
    </div>
  );
}
