import { parseViewSpec, type ViewSpec, type ViewSpecInput } from '../../../shared/spec';
import { CHART_TYPES, type ChartType } from '../../../shared/present/chart';
import { DEFAULT_PIVOT_OPTIONS, pivotKey, pivotOptionsSchema, type PivotOptions } from '../../../shared/present/pivot';
import { AVERAGE_WINDOWS, TREND_SHOWS, type TrendOptions } from '../../../shared/present/trend';
import { VIEW_IDS, type ViewId } from './viewIds';

// The address of a view: the URL's hash holds the spec, the tab and the chart settings, so a reload,
// back/forward and a pasted link all land on the same view. Pure, so it is tested without a browser.

export interface KeptView {
  spec: ViewSpecInput;
  tab: ViewId;
  trend: TrendOptions;
  /** How the cross-tab shows its values; left out of the address while it is the default. */
  pivot?: PivotOptions;
}

export function viewHash({ spec, tab, trend, pivot }: KeptView): string {
  const q = new URLSearchParams({ tab, spec: JSON.stringify(spec), chart: trend.chart, avg: String(trend.average), show: trend.show });
  if (pivot && pivotKey(pivot) !== pivotKey(DEFAULT_PIVOT_OPTIONS)) q.set('pivot', pivotKey(pivot));
  return `#${q.toString()}`;
}

/** What a hash asks for; parts that are missing or not understood are left out, never guessed. */
export function readViewHash(hash: string): { spec?: ViewSpec; tab?: ViewId; trend: Partial<TrendOptions>; pivot?: PivotOptions } {
  const q = new URLSearchParams(hash.replace(/^#/, ''));
  const out: { spec?: ViewSpec; tab?: ViewId; trend: Partial<TrendOptions>; pivot?: PivotOptions } = { trend: {} };
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
  if (chart && (CHART_TYPES as readonly string[]).includes(chart)) out.trend.chart = chart as ChartType;
  const avg = Number(q.get('avg'));
  if (q.has('avg') && (AVERAGE_WINDOWS as readonly number[]).includes(avg)) out.trend.average = avg as TrendOptions['average'];
  const show = q.get('show');
  if (show && (TREND_SHOWS as readonly string[]).includes(show)) out.trend.show = show as TrendOptions['show'];
  return out;
}
