import { useTranslation } from 'react-i18next';
import { whyNot } from '../../../../shared/catalogue';
import { MAP_DIMENSIONS, mapDimensionsFor } from '../../../../shared/present/mapSpec';
import { useBluehelm } from '../../store';
import { useMapDimension } from './mapStore';

/** Which countries are coloured, and whether IED incidents are drawn as points. */
export function MapControls() {
  const { t } = useTranslation();
  const measure = useBluehelm((s) => s.draft.measure);
  const iedRows = useBluehelm((s) => s.info?.counts.ied ?? 0);
  const dim = useMapDimension();
  const showPoints = useBluehelm((s) => s.mapOptions.points);
  const setMapOptions = useBluehelm((s) => s.setMapOptions);
  const available = mapDimensionsFor(measure);
  return (
    <div className="bh-map-controls" data-testid="map-controls">
      <fieldset>
        <legend>{t('map.colour')}</legend>
        {MAP_DIMENSIONS.map((d) => (
          <label key={d} title={available.includes(d) ? undefined : whyNot(measure, d)}>
            <input type="radio" name="bh-map-by" data-testid={`map-by-${d}`} checked={dim === d} disabled={!available.includes(d)} onChange={() => setMapOptions({ by: d })} />
            {t(`map.by.${d}`)}
          </label>
        ))}
      </fieldset>
      <label title={iedRows === 0 ? t('map.noIed') : undefined}>
        <input type="checkbox" data-testid="map-points" checked={showPoints && iedRows > 0} disabled={iedRows === 0} onChange={(e) => setMapOptions({ points: e.target.checked })} />
        {t('map.points')}
        {iedRows === 0 && <span className="bh-help"> ({t('map.noIed')})</span>}
      </label>
    </div>
  );
}
