import type { EChartsCoreOption } from 'echarts/core';
import type { Measure } from '../catalogue';
import { formatNumber, formatValue } from './format';
import type { Lang } from './lang';
import { NO_VALUE_COLOUR, type Classing } from './mapClasses';

// The map's ECharts option, for the screen's Map view and any export of it: countries filled by class on
// a `geo` component, IED incidents as points on the same projection. Pure: the shapes are registered
// under `mapName` by whoever draws it.

/** An IED incident the map can place (its latitude and longitude as the file gave them). */
export interface MapPoint {
  lat: number;
  lon: number;
  date: string;
  location: string;
  killed: number | null;
  outcome: 'detonated' | 'found_and_cleared' | 'unknown';
}

export const OUTCOME_LABEL: Record<MapPoint['outcome'], { en: string; zh: string }> = {
  detonated: { en: 'detonated', zh: '已引爆' },
  found_and_cleared: { en: 'found and cleared', zh: '已发现并清除' },
  unknown: { en: 'outcome unknown', zh: '结果不明' },
};

const DEATHS = { en: 'killed', zh: '死亡' };
export const POINT_COLOUR = '#1f2933';
const NO_VALUE_HOVER = '#cdd5dd';

export interface MapInput {
  mapName: string;
  measure: Measure;
  /** Each country's value by ISO3 (what the choropleth colours). */
  values: ReadonlyMap<string, number | null>;
  classing: Classing;
  /** A country's name in the chosen language, by ISO3 (shapes of unnamed places get their atlas name). */
  countryName: (iso3: string) => string;
  points: readonly MapPoint[];
  lang: Lang;
  fontFamily: string;
  watermark: string | null;
  /** Exports are drawn once, for print: no tooltip, no zoom. */
  forPrint?: boolean;
}

/** Tooltips are HTML: the names of places come from imported files, so they are written as text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The tooltip of a country: its name and value (a dash where it has none). */
export function countryTip(input: Pick<MapInput, 'values' | 'countryName' | 'measure' | 'lang'>, iso3: string): string {
  const value = input.values.get(iso3);
  return `${escapeHtml(input.countryName(iso3))}${input.lang === 'zh' ? '：' : ': '}${formatValue(input.measure, value ?? null, input.lang)}`;
}

export function pointTip(p: MapPoint, lang: Lang): string {
  const place = [p.location, p.date].filter(Boolean).map(escapeHtml).join(lang === 'zh' ? '，' : ', ');
  const deaths = p.killed === null ? '' : `${lang === 'zh' ? '，' : ', '}${formatNumber(p.killed, lang)} ${DEATHS[lang]}`;
  return `${place}<br/>${OUTCOME_LABEL[p.outcome][lang]}${deaths}`;
}

export function mapOption(input: MapInput): EChartsCoreOption {
  const { mapName, values, classing, points, lang, fontFamily, watermark, forPrint = false } = input;
  const regions = [...values].flatMap(([iso3, v]) => {
    const c = classing.classOf(v);
    if (c === null) return [];
    const areaColor = classing.classes[c].colour;
    // Hovering outlines a country and keeps its colour: a highlight colour could be read as another class.
    return [{ name: iso3, itemStyle: { areaColor }, emphasis: { itemStyle: { areaColor } } }];
  });
  return {
    animation: false,
    textStyle: { fontFamily },
    ...(forPrint ? {} : { tooltip: { trigger: 'item' } }),
    geo: {
      map: mapName,
      roam: !forPrint,
      left: 8,
      right: 8,
      top: 8,
      bottom: 8,
      // The shapes keep their proportions (ECharts' default 0.75 widening of a degree of latitude) inside the box.
      preserveAspect: 'contain',
      ...(forPrint ? {} : { tooltip: { show: true, formatter: (p: { name: string }) => countryTip(input, p.name) } }),
      itemStyle: { areaColor: NO_VALUE_COLOUR, borderColor: '#ffffff', borderWidth: 0.5 },
      emphasis: { label: { show: false }, itemStyle: { areaColor: NO_VALUE_HOVER, borderColor: POINT_COLOUR, borderWidth: 1 } },
      select: { disabled: true },
      regions,
    },
    series: points.length
      ? [
          {
            type: 'scatter',
            coordinateSystem: 'geo',
            data: points.map((p) => [p.lon, p.lat]),
            symbolSize: 6,
            ...(forPrint ? {} : { tooltip: { formatter: (p: { dataIndex: number }) => pointTip(points[p.dataIndex], lang) } }),
            itemStyle: { color: POINT_COLOUR, borderColor: '#ffffff', borderWidth: 0.5, opacity: 0.85 },
            z: 3,
          },
        ]
      : [],
    graphic: watermark
      ? [{ type: 'text', left: 'center', top: 'middle', silent: true, z: 0, style: { text: watermark, fill: 'rgba(180, 83, 9, 0.22)', font: `700 30px ${fontFamily}` } }]
      : [],
  };
}
