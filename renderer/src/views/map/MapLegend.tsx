import { useTranslation } from 'react-i18next';
import type { Measure } from '../../../../shared/catalogue';
import { formatNumber } from '../../../../shared/present/format';
import { classLabel, NO_VALUE_COLOUR, type Classing } from '../../../../shared/present/mapClasses';
import { measureLabel } from '../../../../shared/present/labels';
import { phrase } from '../../../../shared/present/phrases';
import { POINT_COLOUR } from '../../../../shared/present/mapOption';
import { useBluehelm } from '../../store';
import type { IedPointsAnswer } from './mapStore';

/** The classes' colours and ranges, largest first, with what grey and the points mean. */
export function MapLegend({ measure, classing, dimension, points }: { measure: Measure; classing: Classing; dimension: string; points: IedPointsAnswer | null }) {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const classes = classing.classes.map((c, i) => ({ ...c, i })).reverse();
  return (
    <aside className="bh-map-legend" data-testid="map-legend">
      <h3>{measureLabel(measure, lang)}</h3>
      <p className="bh-help">{t('map.classes', { dimension })}</p>
      <ul>
        {classes.map((c) => (
          <li key={c.i} data-testid="map-class" data-colour={c.colour}>
            <span className="bh-swatch" style={{ background: c.colour }} />
            <span>{classLabel(c, measure, lang)}</span>
            <span className="bh-help">{t('map.countries', { count: c.countries })}</span>
          </li>
        ))}
        <li>
          <span className="bh-swatch" style={{ background: NO_VALUE_COLOUR }} />
          <span>{t('map.noValue')}</span>
        </li>
        {points && (
          <li data-testid="map-points-legend">
            <span className="bh-swatch bh-dot" style={{ background: POINT_COLOUR }} />
            <span>{t('map.pointsLegend')}</span>
            <span className="bh-help">
              {t('map.pointsDrawn', { n: formatNumber(points.points.length, lang) })}
              {points.unplaced > 0 && ` ${t('map.unplaced', { n: formatNumber(points.unplaced, lang) })}`}
              {points.truncated && ` ${t('map.truncated')}`}
            </span>
          </li>
        )}
      </ul>
      <p className="bh-map-credit" data-testid="map-disclaimer">{phrase('mapDisclaimer', lang)}</p>
      <p className="bh-map-credit">{phrase('mapShapes', lang)}</p>
    </aside>
  );
}
