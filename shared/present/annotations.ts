import type { Annotation } from '../annotations';
import type { Dimension } from '../catalogue';
import type { Lookups } from './labels';
import type { Lang } from './lang';
import { phrase } from './phrases';
import type { Trend } from './trend';

// Which annotations a chart over time shows and where: those dated inside the periods drawn, a mission's
// start and end only where the chart draws that mission. Pure, so the screen (Trends) and the exports
// (the briefing pack's chart) place the same marks at the same periods.

/** One mark on the time axis: the period it falls in (an index into the chart's categories) and what it says. */
export interface ChartMark {
  /** Index of the period in the chart's times. */
  index: number;
  /** The dates and labels of every annotation in that period, joined into one label so two never overlap. */
  dates: string[];
  label: string;
  /** The analyst's own are drawn apart from the bundled facts. */
  user: boolean;
}

/** Each mission's start and end as the reference table dates them (a mission still open has no end). */
export function mandateAnnotations(missions: Iterable<string>, lookups: Lookups): Annotation[] {
  const out: Annotation[] = [];
  for (const acronym of missions) {
    const m = lookups.missions.get(acronym);
    if (!m) continue;
    const names = { en: m.acronym, zh: m.short_zh || m.name_zh };
    const label = (key: 'missionStarted' | 'missionEnded') => ({ en: phrase(key, 'en', { mission: names.en }), zh: phrase(key, 'zh', { mission: names.zh }) });
    if (m.start) out.push({ id: `start:${acronym}`, date: m.start, label: label('missionStarted'), source: 'mandate', mission: acronym });
    if (m.end) out.push({ id: `end:${acronym}`, date: m.end, label: label('missionEnded'), source: 'mandate', mission: acronym });
  }
  return out;
}

/** The missions a trend draws: its lines' missions, else the missions the view is filtered to. */
export function missionsInTrend(trend: Pick<Trend, 'axes' | 'lines' | 'table'>): string[] {
  const found = new Set<string>();
  for (const l of trend.lines) {
    if (l.kind === 'value' && trend.axes.series === 'mission') found.add(l.key);
    if (l.kind === 'combination' && trend.axes.series === 'mission' && l.key !== null) found.add(l.key);
    if (l.kind === 'combination' && trend.axes.second === 'mission') found.add(l.second);
  }
  if (found.size === 0) for (const m of trend.table.spec.where.mission ?? []) found.add(m);
  return [...found].sort();
}

/** The period key (2018, 2018-Q1, 2018-03) a date falls in on this time axis; null on an axis that is not time. */
export function periodOf(date: string, time: Dimension): string | null {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (time === 'year') return year;
  if (time === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  if (time === 'month') return date.slice(0, 7);
  return null;
}

/** The label in the language asked for, else in the one the analyst wrote it in. */
export function annotationLabel(a: Annotation, lang: Lang): string {
  return a.label[lang] ?? a.label[lang === 'en' ? 'zh' : 'en'] ?? '';
}

export interface MarksInput {
  /** The chart's periods as the query keys them (2018-03), in order. */
  times: readonly string[];
  time: Dimension;
  /** Bundled and the analyst's own (annotationList). */
  annotations: readonly Annotation[];
  /** The missions the chart draws: their start and end are marked. */
  missions: readonly string[];
  lookups: Lookups;
  lang: Lang;
}

/** The marks a chart shows: only annotations inside its periods, one mark per period, in time order. */
export function chartMarks({ times, time, annotations, missions, lookups, lang }: MarksInput): ChartMark[] {
  const index = new Map(times.map((t, i) => [t, i]));
  const byIndex = new Map<number, ChartMark>();
  for (const a of [...annotations, ...mandateAnnotations(missions, lookups)].sort((x, y) => x.date.localeCompare(y.date))) {
    const key = periodOf(a.date, time);
    const i = key === null ? undefined : index.get(key);
    if (i === undefined) continue;
    const text = annotationLabel(a, lang);
    const mark = byIndex.get(i);
    if (mark) {
      mark.dates.push(a.date);
      mark.label = `${mark.label}${lang === 'zh' ? '；' : '; '}${text}`;
      mark.user ||= a.source === 'user';
    } else byIndex.set(i, { index: i, dates: [a.date], label: text, user: a.source === 'user' });
  }
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

const MARK_COLOUR = '#4a5a6a';
const USER_MARK_COLOUR = '#b45309';

/** The chart's width where the caller does not know it (the Trends view at a laptop's size). */
export const SCREEN_WIDTH = 1000;
const LABEL_SIZE = 11;
/** One lane of labels in the band above the plot: the label's height and a little air. */
const LANE = 16;
/** Lanes the band may take before a label is shortened, or joins the one after it. */
const LANES = [0, 1, 2, 3];
const GAP = 6;
/** Marks closer than this share one label. */
const MIN_APART = 10;
/** A label is never wider than this share of the plot (it is cut with "…"). */
const MAX_LABEL_SHARE = 0.6;

/**
 * About how wide a label is written horizontally at 11 px, on the wide side (a browser's sans-serif runs wider
 * than Arial); a Chinese character, like any other outside ASCII, is counted square.
 */
export function labelWidth(text: string): number {
  const em = (ch: string) => (ch.charCodeAt(0) > 0x7f ? 1 : ch === ' ' ? 0.3 : /[A-Z]/.test(ch) ? 0.75 : /[a-z0-9]/.test(ch) ? 0.6 : 0.4);
  return [...text].reduce((w, ch) => w + em(ch) * LABEL_SIZE, 0);
}

/** Where the plot sits in the drawing, as the option builder set it (its left edge estimated from the axis labels). */
export interface PlotFrame {
  width: number;
  left: number;
  right: number;
  /** Categories are bands (bars) or points on the axis (lines). */
  bands: boolean;
  categories: number;
}

/** One label in the band above the plot: its lane (0 next to the plot) and its box, in pixels of the drawing. */
export interface PlacedLabel {
  mark: ChartMark;
  /** The text shown; null when it joined another mark's label. */
  label: string | null;
  lane: number;
  x: number;
  left: number;
  width: number;
}

/** The x of a category's centre on the axis. */
export function categoryX(frame: PlotFrame, index: number): number {
  const w = frame.width - frame.left - frame.right;
  if (frame.bands) return frame.left + ((index + 0.5) * w) / Math.max(1, frame.categories);
  return frame.left + (frame.categories > 1 ? (index * w) / (frame.categories - 1) : w / 2);
}

/**
 * The marks' labels laid out horizontally in a band above the plot, so they read upright in Chinese and never
 * cross the bars or lines of the chart. Each label hangs from its line like a flag, its line rising to it. Taken
 * from the right, a label goes in the lowest lane above the labels of every line its box spans, so a rising line
 * never crosses a label; where no lane has room, the label is shortened (cut with "…") to the first line in its
 * way, and where even that leaves no room it joins the label after it.
 */
export function placeLabels(marks: readonly ChartMark[], frame: PlotFrame, lang: Lang): PlacedLabel[] {
  const maxWidth = Math.max(80, (frame.width - frame.left - frame.right) * MAX_LABEL_SHARE);
  const join = (a: string, b: string) => `${a}${lang === 'zh' ? '；' : '; '}${b}`;
  // Marks a few pixels apart (a long span of years) share the first one's label; the others' lines stop at the plot.
  const out: PlacedLabel[] = [];
  for (const mark of marks) {
    const x = categoryX(frame, mark.index);
    const head = [...out].reverse().find((p) => p.label !== null);
    if (head && x - out[out.length - 1].x < MIN_APART) {
      head.label = join(head.label!, mark.label);
      out.push({ mark, label: null, lane: 0, x, left: x, width: 0 });
    } else out.push({ mark, label: mark.label, lane: 0, x, left: x, width: 0 });
  }
  const placed: PlacedLabel[] = [];
  const overlaps = (lane: number, left: number, right: number) => placed.some((p) => p.lane === lane && left < p.left + p.width + GAP && p.left < right + GAP);
  // The first thing in the way of a box in this lane: a placed line that rises above it, or the next label in it.
  const obstacle = (lane: number, left: number, self?: PlacedLabel) =>
    Math.min(frame.width - 2 + GAP, ...placed.filter((p) => p !== self && p.lane >= lane && p.x > left).map((p) => (p.lane === lane ? Math.min(p.x, p.left) : p.x)));
  for (let i = out.length - 1; i >= 0; i--) {
    const p = out[i];
    if (p.label === null) continue;
    const wanted = Math.min(maxWidth, labelWidth(p.label) + 8);
    // At the right edge a label moves left to stay whole, but never over a line before it.
    p.left = Math.max(i > 0 ? out[i - 1].x + GAP : 0, Math.min(p.x - 4, frame.width - 2 - wanted));
    const fit = (lane: number, width: number) => obstacle(lane, p.left) - GAP >= p.left + width && !overlaps(lane, p.left, p.left + width);
    let lane = LANES.find((k) => fit(k, wanted));
    p.width = wanted;
    if (lane === undefined) {
      // No lane has the whole label: the first with room for a shortened one.
      lane = LANES.find((k) => obstacle(k, p.left) - GAP - p.left >= Math.min(wanted, 40) && !overlaps(k, p.left, p.left + 40));
      if (lane !== undefined) p.width = Math.min(wanted, obstacle(lane, p.left) - GAP - p.left);
    }
    if (lane !== undefined) {
      p.lane = lane;
      placed.push(p);
      continue;
    }
    // Not even that: the label joins the one after it.
    const owner = placed.length ? placed.reduce((a, b) => (b.x < a.x ? b : a)) : null;
    if (owner) {
      owner.label = join(p.label, owner.label!);
      owner.width = Math.min(maxWidth, labelWidth(owner.label) + 8, obstacle(owner.lane, owner.left, owner) - GAP - owner.left);
    }
    p.label = null;
  }
  return out;
}

/** The height of the band the labels take above the plot (0 without marks). */
export function bandHeight(placed: readonly PlacedLabel[]): number {
  return placed.length ? (1 + Math.max(...placed.map((p) => p.lane))) * LANE + 4 : 0;
}

/**
 * The ECharts markLine that draws the marks: a dashed vertical line per period from the axis up to its label,
 * written horizontally in the band above the plot (whose top is `plotTop`).
 */
export function markLineOf(placed: readonly PlacedLabel[], fontFamily: string, plotTop: number): Record<string, unknown> {
  return {
    silent: true,
    symbol: ['none', 'none'],
    animation: false,
    label: {
      show: true,
      position: 'end',
      distance: 2,
      formatter: '{b}',
      fontFamily,
      fontSize: LABEL_SIZE,
      lineHeight: 13,
      color: MARK_COLOUR,
      backgroundColor: 'rgba(255, 255, 255, 0.85)',
      padding: [1, 2],
      align: 'left',
      overflow: 'truncate',
    },
    lineStyle: { type: 'dashed', width: 1, color: MARK_COLOUR },
    data: placed.map(({ mark, label, lane, x, left, width }) => {
      const colour = mark.user ? USER_MARK_COLOUR : MARK_COLOUR;
      // Infinite ends: the line runs from the axis up; the top end is moved to its lane in the band.
      return [
        {
          name: label ?? '',
          coord: [mark.index, -Infinity],
          ...(mark.user ? { lineStyle: { type: 'dashed', width: 1, color: colour } } : {}),
          label: label === null ? { show: false } : { offset: [left - x, 0], width: width - 4, color: colour },
        },
        // A joined label's line stops at the plot.
        { coord: [mark.index, Infinity], y: label === null ? plotTop : plotTop - 2 - lane * LANE },
      ];
    }),
  };
}
