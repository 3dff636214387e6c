import { parseViewSpec, type ViewSpec, type ViewSpecInput } from '../../../shared/spec';
import { DEFAULT_PIVOT_OPTIONS, pivotKey, pivotOptionsSchema, type PivotOptions } from '../../../shared/present/pivot';
import { AVERAGE_WINDOWS, DEFAULT_TREND_OPTIONS, TIME_GRAINS, TREND_CHART_TYPES, TREND_LAYOUTS, TREND_SHOWS, type TimeGrain, type TrendChartType, type TrendLayout, type TrendOptions } from '../../../shared/present/trend';
import { DEFAULT_MAP_OPTIONS, readMapOptions, type MapOptions } from '../../../shared/present/mapSpec';
import { VIEW_IDS, type ViewId } from './viewIds';

// The address of a view: the URL's hash holds the spec, the tab and the chart settings, so a reload,
// back/forward and a pasted link all land on the same view. Pure, so it is tested without a browser.

export interface KeptView {
  spec: ViewSpecInput;
  tab: ViewId;
  trend: TrendOptions;
  /** How the cross-tab shows its values; left out of the address while it is the default. */
  pivot?: PivotOptions;
  /** Which countries the map colours and whether it draws the IED points; left out while they are the default. */
  map?: MapOptions;
}

type AskedView = { spec?: ViewSpec; tab?: ViewId; trend: Partial<TrendOptions>; pivot?: PivotOptions; map?: MapOptions };

export function viewHash({ spec, tab, trend, pivot, map }: KeptView): string {
  const q = new URLSearchParams({ tab, spec: JSON.stringify(spec), chart: trend.chart, avg: String(trend.average), show: trend.show, marks: trend.annotations ? '1' : '0' });
  if (trend.grain) q.set('grain', trend.grain);
  if (trend.layout) q.set('layout', trend.layout);
  if (pivot && pivotKey(pivot) !== pivotKey(DEFAULT_PIVOT_OPTIONS)) q.set('pivot', pivotKey(pivot));
  if (map && map.by !== DEFAULT_MAP_OPTIONS.by) q.set('map', map.by);
  if (map && map.points !== DEFAULT_MAP_OPTIONS.points) q.set('points', map.points ? '1' : '0');
  return `#${q.toString()}`;
}

/** What a hash asks for; parts that are missing or not understood are left out, never guessed. */
export function readViewHash(hash: string): AskedView {
  const q = new URLSearchParams(hash.replace(/^#/, ''));
  const out: AskedView = { trend: {} };
  if (q.has('map') || q.has('points')) out.map = readMapOptions(q.get('map'), q.get('points'));
  const pivot = q.get('pivot');
  if (pivot) {
    try {
      const parsed = pivotOptionsSchema.safeParse(JSON.parse(pivot));
      if (parsed.success) out.pivot = parsed.data;
    } catch {
      // As a mangled spec: the default way of showing values.
    }
  }
  const tab = q.get('tab');
  if (tab && (VIEW_IDS as readonly string[]).includes(tab)) out.tab = tab as ViewId;
  const spec = q.get('spec');
  if (spec) {
    try {
      out.spec = parseViewSpec(JSON.parse(spec));
    } catch {
      // A mangled link opens the current view rather than an error page.
    }
  }
  const chart = q.get('chart');
  if (chart && (TREND_CHART_TYPES as readonly string[]).includes(chart)) out.trend.chart = chart as TrendChartType;
  const avg = Number(q.get('avg'));
  if (q.has('avg') && (AVERAGE_WINDOWS as readonly number[]).includes(avg)) out.trend.average = avg as TrendOptions['average'];
  const show = q.get('show');
  if (show && (TREND_SHOWS as readonly string[]).includes(show)) out.trend.show = show as TrendOptions['show'];
  const marks = q.get('marks');
  if (marks === '1' || marks === '0') out.trend.annotations = marks === '1';
  // Grain and layout are written only when set, so in an address of the chart's settings their absence means "as the view".
  if (chart) {
    const grain = q.get('grain');
    out.trend.grain = grain && (TIME_GRAINS as readonly string[]).includes(grain) ? (grain as TimeGrain) : undefined;
    const layout = q.get('layout');
    out.trend.layout = layout && (TREND_LAYOUTS as readonly string[]).includes(layout) ? (layout as TrendLayout) : undefined;
  }
  return out;
}

/**
 * The address of a view the workspace kept (a saved view, the last view): its settings go through the same
 * checks as a pasted link, so a setting this version does not know is dropped and a missing one is the default.
 */
export function keptHash(view: { spec: ViewSpecInput; tab: string; chart: Record<string, unknown> }): string {
  const { pivot, map, points, ...trend } = view.chart;
  const hash = viewHash({ spec: view.spec, tab: view.tab as ViewId, trend: { ...DEFAULT_TREND_OPTIONS, ...trend } as TrendOptions, map: readMapOptions(map, points) });
  // How the cross-tab shows its values is kept as the address writes it, and read back by readViewHash.
  return typeof pivot === 'string' ? `${hash}&${new URLSearchParams({ pivot })}` : hash;
}

/** The settings a saved or last view keeps besides its spec and tab: the chart's, how the cross-tab shows its values, the map's. */
export function keptSettings(s: { trendOptions: TrendOptions; pivotOptions: PivotOptions; mapOptions: MapOptions }): Record<string, string | number | boolean> {
  // A setting left unset (a grain "as the view") is left out: a saved view holds only values.
  const kept: Record<string, string | number | boolean> = Object.fromEntries(Object.entries(s.trendOptions).filter(([, v]) => v !== undefined));
  if (pivotKey(s.pivotOptions) !== pivotKey(DEFAULT_PIVOT_OPTIONS)) kept.pivot = pivotKey(s.pivotOptions);
  if (s.mapOptions.by !== DEFAULT_MAP_OPTIONS.by) kept.map = s.mapOptions.by;
  if (s.mapOptions.points !== DEFAULT_MAP_OPTIONS.points) kept.points = s.mapOptions.points;
  return kept;
}
