import { TIME_DIMENSIONS, measureInfo } from '../catalogue';
import { valueText, type Lookups } from './labels';
import type { Lang } from './lang';
import { phrase } from './phrases';
import { TOP_SERIES, type Trend, type TrendLine, type ViewDims } from './trend';
import { OTHER_COLOUR, PALETTE, type ChartLine } from './chart';
import { niceStep } from './heatmap';

// Two dimensions besides time as small multiples: a small chart per value of the outer dimension, a line
// per value of the inner one, all on the same scale so the charts compare at a glance.

/** Which of the trend's two dimensions makes the charts: the view's outer row, i.e. the series unless the view's column is the series. */
export function panelsBy(view: ViewDims): 'series' | 'second' {
  return view.cols && !TIME_DIMENSIONS.includes(view.cols) ? 'second' : 'series';
}

export interface Panel {
  title: string;
  lines: ChartLine[];
  /** Per line, what the grid row of that line is called (see link.ts); null for "Other". */
  parts: { series: string | null; second: string | null }[];
}

export interface SmallMultiples {
  panels: Panel[];
  /** One legend for all: each inner value has one colour in every chart. */
  legend: { name: string; colour: string }[];
  /** One scale for all, so a small chart's tall line is tall against the others too. */
  min: number;
  max: number;
}

const sum = (vs: readonly (number | null)[]) => vs.reduce<number>((a, v) => a + (v ?? 0), 0);

/**
 * A chart per outer value (ranked by total), holding every combination with data: nothing is dropped. A panel
 * of more than TOP_SERIES lines of a measure that adds up combines the smallest into "Other", as a single chart does.
 * `transform` is what the time tools do to each line (moving average, change, running total), applied before the scale is set.
 */
export function smallMultiples(
  trend: Trend,
  by: 'series' | 'second',
  lang: Lang,
  lookups: Lookups,
  transform: (values: (number | null)[]) => (number | null)[] = (v) => v,
  stacked = false,
): SmallMultiples {
  const combos = trend.combinations ?? [];
  const label = (dim: 'series' | 'second', key: string | null) => (key === null ? phrase('other', lang) : valueText(trend.axes[dim]!, key, lang, lookups).text);
  const groups = new Map<string | null, Extract<TrendLine, { kind: 'combination' }>[]>();
  for (const c of combos) {
    const outer = by === 'series' ? c.key : c.second;
    groups.set(outer, [...(groups.get(outer) ?? []), c]);
  }
  const additive = measureInfo[trend.table.spec.measure].additive;
  const inner = (c: (typeof combos)[number]) => (by === 'series' ? c.second : c.key);
  const innerDim = by === 'series' ? 'second' : 'series';
  // Inner values ranked by their total over all the charts; the largest get the first colours.
  const innerTotals = new Map<string | null, number>();
  for (const c of combos) innerTotals.set(inner(c), (innerTotals.get(inner(c)) ?? 0) + sum(c.values));
  const colours = new Map([...innerTotals.entries()].filter(([k]) => k !== null).sort((a, b) => b[1] - a[1]).map(([k], i) => [k, PALETTE[i % PALETTE.length]]));
  const ranked = [...groups.entries()].sort((a, b) => sum(b[1].flatMap((c) => c.values)) - sum(a[1].flatMap((c) => c.values)));
  const panels = ranked.map(([outer, lines]): Panel => {
    const sorted = [...lines].sort((a, b) => sum(b.values) - sum(a.values));
    const kept = additive && sorted.length > TOP_SERIES + 1 ? sorted.slice(0, TOP_SERIES) : sorted;
    const rest = sorted.slice(kept.length);
    const drawn: ChartLine[] = kept.map((c) => ({ name: label(innerDim, inner(c)), values: transform(c.values), other: inner(c) === null, colour: colours.get(inner(c)) ?? OTHER_COLOUR }));
    const parts: Panel['parts'] = kept.map((c) => ({ series: c.key, second: c.second }));
    if (rest.length > 0) {
      const values = trend.times.map((_, i) => (rest.every((c) => c.values[i] === null) ? null : sum(rest.map((c) => c.values[i]))));
      drawn.push({ name: phrase('other', lang), values: transform(values), other: true, colour: OTHER_COLOUR });
      parts.push({ series: null, second: null });
    }
    return { title: label(by, outer), lines: drawn, parts };
  });
  const heights = panels.flatMap((p) =>
    stacked ? trend.times.map((_, i) => sum(p.lines.map((l) => l.values[i]))) : p.lines.flatMap((l) => l.values.filter((v): v is number => v !== null)),
  );
  // Rounded out to a step of the axis, so each small chart's top line reads as a round number.
  const round = (v: number, dir: 1 | -1) => (v === 0 ? 0 : dir * Math.ceil(Math.abs(v) / niceStep(Math.abs(v) / 5, false)) * niceStep(Math.abs(v) / 5, false));
  const drawnNames = new Set(panels.flatMap((p) => p.lines.map((l) => l.name)));
  const legend = [...colours.entries()].map(([k, colour]) => ({ name: label(innerDim, k), colour })).filter((l) => drawnNames.has(l.name));
  if (panels.some((p) => p.lines.some((l) => l.other))) legend.push({ name: phrase('other', lang), colour: OTHER_COLOUR });
  return { panels, legend, min: round(Math.min(0, ...heights), -1), max: round(Math.max(0, ...heights), 1) };
}
