import type { Measure } from '../../../../shared/catalogue';
import { formatValue } from '../../../../shared/present/format';
import { classLabel, type Choropleth } from '../../../../shared/present/mapClasses';
import { useBluehelm } from '../../store';

/** The map's numbers as a table that screen readers read (the SVG map is only a picture to them), largest first, with each country's class. */
export function MapData({ map, measure, countryName, caption }: { map: Choropleth; measure: Measure; countryName: (key: string) => string; caption: string }) {
  const lang = useBluehelm((s) => s.lang);
  const rows = [...map.values].filter(([, v]) => v !== null && v !== 0).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  // The box is hidden, not the table: a table grows to its rows whatever height it is given.
  return (
    <div className="bh-visually-hidden">
      <table data-testid="map-data">
        <caption>{caption}</caption>
        <tbody>
          {rows.map(([key, value]) => {
            const c = map.classing.classOf(value);
            return (
              <tr key={key}>
                <th>{countryName(key)}</th>
                <td data-value={value ?? ''}>{formatValue(measure, value, lang)}</td>
                <td>{c === null ? '' : classLabel(map.classing.classes[c], measure, lang)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
