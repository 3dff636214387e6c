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

/** About how wide a mark's label is, written along its line (11 px text and its backing). */
const LABEL_THICKNESS = 16;
/** The chart's size where the caller does not know it (the Trends view at a laptop's size). */
const SCREEN_SIZE = { width: 1000, height: 400 };
/** The chart's height taken by the legend, the axis labels and the margins: a label longer than the rest is cut with "…". */
const NOT_PLOT_HEIGHT = 90;

/**
 * Which side of its line each mark's label goes: the left, unless the mark before it is so close that the
 * two labels would overlap (a year axis drawn since 1948 puts 2018 and 2020 a few pixels apart), then the
 * right. A third mark as close has no free side: its label joins the one before it.
 */
function placeLabels(marks: readonly ChartMark[], categories: number, width: number, lang: Lang): { mark: ChartMark; side: 'left' | 'right'; label: string | null }[] {
  const step = Math.max(1, width - 60) / Math.max(1, categories);
  const out: { mark: ChartMark; side: 'left' | 'right'; label: string | null }[] = [];
  for (const mark of marks) {
    const before = out[out.length - 1];
    const crowded = before && (mark.index - before.mark.index) * step < LABEL_THICKNESS;
    if (!crowded) out.push({ mark, side: 'left', label: mark.label });
    else if (before.side === 'left') out.push({ mark, side: 'right', label: mark.label });
    else {
      const owner = [...out].reverse().find((p) => p.label !== null)!;
      owner.label = `${owner.label}${lang === 'zh' ? '；' : '; '}${mark.label}`;
      out.push({ mark, side: 'right', label: null });
    }
  }
  return out;
}

/** The ECharts markLine that draws the marks: a dashed vertical line per period, its label along the line. */
export function markLineOf(
  marks: readonly ChartMark[],
  fontFamily: string,
  lang: Lang,
  categories: number,
  { width = SCREEN_SIZE.width, height = SCREEN_SIZE.height }: { width?: number; height?: number } = {},
): Record<string, unknown> {
  return {
    silent: true,
    symbol: ['none', 'none'],
    animation: false,
    // A light backing keeps the label legible where it crosses a line of the chart.
    label: {
      show: true,
      position: 'insideEndTop',
      formatter: '{b}',
      fontFamily,
      fontSize: 11,
      color: MARK_COLOUR,
      backgroundColor: 'rgba(255, 255, 255, 0.75)',
      padding: [1, 2],
      // Written along the line, a label's width is its length on the plot's height.
      width: Math.max(60, height - NOT_PLOT_HEIGHT),
      overflow: 'truncate',
    },
    lineStyle: { type: 'dashed', width: 1, color: MARK_COLOUR },
    data: placeLabels(marks, categories, width, lang).map(({ mark, side, label }) => ({
      name: label ?? '',
      xAxis: mark.index,
      ...(mark.user ? { lineStyle: { type: 'dashed', width: 1, color: USER_MARK_COLOUR } } : {}),
      ...(label === null
        ? { label: { show: false } }
        : side === 'right' || mark.user
          ? { label: { ...(side === 'right' ? { position: 'insideEndBottom' } : {}), ...(mark.user ? { color: USER_MARK_COLOUR } : {}) } }
          : {}),
    })),
  };
}
