import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dimensionLabel, listOf, valueText } from '../../../../shared/present/labels';
import { describeSpec } from '../../../../shared/present/describe';
import { formatValue } from '../../../../shared/present/format';
import { choropleth, paletteFor } from '../../../../shared/present/mapClasses';
import { mapOption } from '../../../../shared/present/mapOption';
import { pointFilters } from '../../../../shared/present/mapSpec';
import { phrase } from '../../../../shared/present/phrases';
import { useBluehelm } from '../../store';
import { GridNotes } from '../crossTab/GridNotes';
import { AddToPack } from '../packs/AddToPack';
import { SaveView } from '../savedViews/SaveView';
import { SyntheticMark } from '../workspace/SyntheticMark';
import { useViewRun } from '../useViewRun';
import { MapChart } from './MapChart';
import { MapControls } from './MapControls';
import { MapCountryList } from './MapCountryList';
import { MapLegend } from './MapLegend';
import { useMapDimension, useMapStore } from './mapStore';
import { WORLD_MAP, worldFor } from './worldMap';

// The chart's own text (SVG) does not inherit the page's font, so it is handed the same stack.
const fontFamily = () => getComputedStyle(document.documentElement).fontFamily;

/** The view's measure on a world map: host or contributing countries coloured by class, IED incidents as points. */
export function MapView() {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const lookups = useBluehelm((s) => s.lookups);
  const reference = useBluehelm((s) => s.reference);
  const setFilter = useBluehelm((s) => s.setFilter);
  const setTab = useBluehelm((s) => s.setTab);
  const where = useBluehelm((s) => s.draft.where);
  const { table, points, error, running } = useMapStore();
  const dim = useMapDimension();
  const run = useMapStore((s) => s.run);
  const mapOptions = useBluehelm((s) => s.mapOptions);
  // The map's own settings rerun it too (a new run function each time they change), as a change of the view does.
  useViewRun(useCallback(() => run(), [run, mapOptions]));

  const world = useMemo(() => (reference ? worldFor(reference.countries) : null), [reference]);

  const drawn = useMemo(() => {
    if (!table || !world || table.rowDims[0] !== dim) return null;
    const measure = table.spec.measure;
    const map = choropleth(table.rows, (k) => world.iso3.has(k), paletteFor(measure));
    const { values, classing, unplaced } = map;
    const countryName = (key: string) => valueText(dim, key, lang, lookups).text;
    const option = mapOption({
      mapName: WORLD_MAP,
      measure,
      values,
      classing,
      countryName,
      points: points?.points ?? [],
      lang,
      fontFamily: fontFamily(),
      watermark: table.synthetic ? phrase('syntheticMark', lang) : null,
    });
    return { measure, map, classing, option, unplaced, countryName };
  }, [table, world, points, dim, lang, lookups]);

  const described = table && describeSpec(table.spec, lang, lookups);
  const ignored = pointFilters(where).ignored;
  const openCountry = (iso3: string) => {
    if (!world?.iso3.has(iso3)) return;
    setFilter(dim, [iso3]);
    setTab('crossTab');
  };

  return (
    <section className="bh-map" data-testid="map-view">
      <div className="bh-view-head">
        {described && (
          <div className="bh-view-title" data-testid="map-title">
            <h2>{described.title}</h2>
            <p>{[...described.filters, ...(described.dates ? [described.dates] : [])].join(lang === 'zh' ? '；' : ' · ')}</p>
          </div>
        )}
        <SyntheticMark on={table?.synthetic ?? false} />
        {running && <span className="bh-running">{t('grid.running')}</span>}
        {table && <SaveView tab="map" />}
        {table && <AddToPack testId="add-map-to-pack" slide={() => ({ kind: 'map', spec: table.spec, by: dim })} />}
      </div>
      <MapControls />
      {error && (
        <p className="bh-error" role="alert" data-testid="map-error">
          {t('grid.refused', { message: error })}
        </p>
      )}
      {drawn && (
        <>
          <div className="bh-map-body">
            <MapChart option={drawn.option} label={described?.title ?? ''} onCountry={openCountry} />
            <MapCountryList map={drawn.map} measure={drawn.measure} placed={world!.iso3} countryName={drawn.countryName} onCountry={openCountry} />
            <MapLegend measure={drawn.measure} classing={drawn.classing} dimension={dimensionLabel(dim, lang)} points={points} />
          </div>
          <div className="bh-map-notes">
            {points && ignored.length > 0 && (
              <p className="bh-help" data-testid="map-points-ignore">
                {t('map.pointsIgnore', { dims: listOf(ignored.map((d) => dimensionLabel(d, lang)), lang) })}
              </p>
            )}
            {drawn.unplaced.length > 0 && (
              <p className="bh-help" data-testid="map-unplaced">
                {t('map.notOnMap', {
                  list: listOf(
                    // UN Chinese writes a bracket straight after the text it belongs to.
                    drawn.unplaced.map((u) => `${drawn.countryName(u.key)}${lang === 'zh' ? '' : ' '}(${formatValue(drawn.measure, u.value, lang)})`),
                    lang,
                  ),
                })}
              </p>
            )}
          </div>
          <GridNotes table={table!} hint={t('map.clickHint')} />
        </>
      )}
    </section>
  );
}
