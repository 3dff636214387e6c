import path from 'node:path';
import { TIME_DIMENSIONS, measureInfo, type Measure, type Subject } from '../../../shared/catalogue';
import { slideSpec, textIn, type PackDoc, type SlideBasis, type StaleSlide, type ViewSlide } from '../../../shared/pack';
import { describeScope, describeSpec } from '../../../shared/present/describe';
import { dimensionLabel, measureLabel, valueText, type Lookups } from '../../../shared/present/labels';
import type { Lang } from '../../../shared/present/lang';
import { phrase } from '../../../shared/present/phrases';
import { publisherOf } from '../../../shared/present/provenance';
import { tableModel } from '../../../shared/present/table';
import { buildTrend, clipToMandates, otherSpec, splitSeries, trendAxes, trendLines, trendSpec, TOP_SERIES } from '../../../shared/present/trend';
import { explain, type ReconciledFigure } from '../../../shared/reconcile';
import { SpecError, type CrossTab, type RateCell, type ViewSpec, type ViewSpecInput } from '../../../shared/spec';
import { formatValue } from '../../../shared/present/format';
import { tableLines } from '../../../shared/present/tableExport';
import type { PivotOptions } from '../../../shared/present/pivot';
import type { DatasetEntry } from '../../../shared/contract';
import { loadPublishedFigures, reconcile } from '../reconcile/reconcile';
import type { Workspace } from '../workspace';
import { PackInvalid } from './store';
import { chartMarks, missionsInTrend } from '../../../shared/present/annotations';
import { listAnnotations } from '../annotations/store';
import { mapSlide } from './map-slide';
import type { CellValue, Provenance, RenderedChart, RenderedPack, RenderedSlide, RenderedTable } from './types';

/** What a slide can hold and still be read from the back of a room; the workbook holds everything. */
const SLIDE_ROWS = 12;
/** A pivot alone on its slide: its groups take lines of their own, so it gets more of them (at 7 pt at least). */
const PIVOT_SLIDE_ROWS = 22;
/** Value columns a table may keep: alone on a slide, or beside a chart (the chart shows the whole span). */
const SLIDE_VALUE_COLUMNS = { table: 9, both: 4 } as const;
const CHART_CATEGORIES = 15;

export interface PackContext {
  ws: Workspace;
  /** The engine the door uses (the columnar worker): the numbers on a slide are the numbers on screen. */
  crossTab: (spec: ViewSpecInput) => Promise<CrossTab>;
  lookups: Lookups;
  /** The export's language when it overrides the pack's (bluehelm pack export --lang). */
  lang?: Lang;
  /** YYYY-MM-DD; today by default. */
  today?: string;
}

const isTime = (d: string) => (TIME_DIMENSIONS as readonly string[]).includes(d);
const subjectsHeld = (datasets: DatasetEntry[]) => new Set<Subject>(datasets.map((d) => d.kind));

/** The dataset versions and grand total behind a view slide's numbers, as remembered in the pack. */
export function basisOf(t: CrossTab): SlideBasis {
  return { sources: t.sources.map((s) => ({ fileName: s.fileName, sha256: s.sha256 })), grandTotal: t.grandTotal };
}

/** Figures a pack names must exist: the message names the slide and the field, like the schema's. */
export function checkFigureIds(doc: PackDoc, known = new Set(loadPublishedFigures().map((f) => f.id))): void {
  doc.slides.forEach((s, i) => {
    if (s.kind !== 'figures') return;
    const unknown = s.figures.filter((id) => !known.has(id));
    if (unknown.length) throw new PackInvalid(`slide ${i + 1}, field "figures": no published figure "${unknown[0]}" (see data/published-figures.json for the ids)`);
  });
}

/** The order rows are shown in: periods in time order; anything else largest first, as an analyst ranks it (blank last). */
function rowOrder(t: CrossTab): number[] {
  const order = t.rows.map((_, i) => i);
  if (t.rowDims.length === 0 || isTime(t.rowDims[0])) return order;
  return order.sort((a, b) => (t.rows[b].total ?? -Infinity) - (t.rows[a].total ?? -Infinity));
}

function viewTable(t: CrossTab, lang: Lang, lookups: Lookups, order: number[]): RenderedTable {
  const model = tableModel({ ...t, rows: order.map((i) => t.rows[i]) }, lang, lookups);
  const measure = t.spec.measure;
  return {
    columns: [...model.keyHeaders.map((label) => ({ label, format: 'text' as const, weight: 2 })), ...model.valueHeaders.map((label) => ({ label, format: { measure } }))],
    rows: model.rows.map((r) => [...r.keys, ...r.values]),
    totals: [...model.totals.keys, ...model.totals.values],
    keyColumns: model.keyHeaders.length,
  };
}

/**
 * A view slide's table as the cross-tab's grid shows it (groups with their subtotals, values shown as asked,
 * "Other"): the lines of shared/present/tableExport, which the app's copy, CSV and workbook hold too.
 * `rows` gives each line's row in the cross-tab (a group and "Other" have none).
 */
function pivotViewTable(t: CrossTab, lang: Lang, lookups: Lookups, options: PivotOptions): { table: RenderedTable; rows: (number | undefined)[]; scope: string[] } {
  const lines = tableLines(t, lang, lookups, { options });
  const index = new Map(t.rows.map((r, i) => [JSON.stringify(r.key), i]));
  // Nested keys share the room one key column has on a plain table, a little more, so the numbers keep theirs.
  const keyWeight = lines.keyColumns > 1 ? 1.5 : 2;
  const columns: RenderedTable['columns'] = lines.header.map((label, i) => (i < lines.keyColumns ? { label, format: 'text', weight: keyWeight } : { label, format: { shown: lines.shown } }));
  // The way values are shown, when not as they are: said under the title, since the headers are the plain ones.
  const scope: string[] = [];
  if (lines.showAs !== 'value') scope.push(`${phrase('showAs', lang)}${lang === 'zh' ? '：' : ': '}${phrase(`showAs_${lines.showAs}`, lang, { base: lines.header[lines.keyColumns + (lines.base ?? 0)] })}`);
  if (options.top > 0) scope.push(phrase('topN', lang, { n: options.top }));
  return {
    table: { columns, rows: lines.body, totals: lines.totals, keyColumns: lines.keyColumns, kinds: lines.kinds },
    rows: lines.keys.map((k, i) => (lines.kinds[i] === 'leaf' ? index.get(JSON.stringify(k)) : undefined)),
    scope,
  };
}

/**
 * A rate's uncertainty beside its total (exact Poisson 95 % interval on the deaths): in the workbook as
 * numbers (deaths, low, high, deaths left out), on a slide as one "low–high" column, so nobody briefs
 * "twice as deadly" on 2 deaths against 1. `rows` gives each table row's row in the cross-tab (none: no detail).
 */
function withRateDetail(table: RenderedTable, t: CrossTab, rows: (number | undefined)[], lang: Lang, asText: boolean): RenderedTable {
  const rate = t.rate;
  if (!rate) return table;
  const measure = t.spec.measure;
  const interval = (c: RateCell | null): CellValue => (c && c.low !== null && c.high !== null ? `${formatValue(measure, c.low, lang)}–${formatValue(measure, c.high, lang)}` : '—');
  const detail = (c: RateCell | null): CellValue[] => (asText ? [interval(c)] : [c?.deaths ?? null, c?.low ?? null, c?.high ?? null, c?.excluded ?? null]);
  const columns: RenderedTable['columns'] = asText
    ? [{ label: phrase('rateIntervalColumn', lang), format: 'text', weight: 1.6 }]
    : [
        { label: phrase('rateDeaths', lang), format: 'number' },
        { label: phrase('rateLow', lang), format: { measure } },
        { label: phrase('rateHigh', lang), format: { measure } },
        { label: phrase('rateExcluded', lang), format: 'number' },
      ];
  return {
    ...table,
    columns: [...table.columns, ...columns],
    rows: table.rows.map((r, k) => [...r, ...detail(rows[k] === undefined ? null : (rate.rowTotals[rows[k]] ?? null))]),
    totals: table.totals && [...table.totals, ...detail(rate.grandTotal)],
  };
}

/** The part of a table a slide can show: the first rows, and the latest value columns with the Total. */
function fitToSlide(full: RenderedTable, maxValues: number, latestRows: boolean, maxRows = SLIDE_ROWS): { table: RenderedTable; cut: boolean; shown: number[] } {
  const values = full.columns.length - full.keyColumns;
  const keep = (row: CellValue[]) => (values <= maxValues ? row : [...row.slice(0, full.keyColumns), ...row.slice(row.length - maxValues)]);
  // Periods: the latest ones; anything else: the largest (the rows come ranked).
  const all = full.rows.map((_, k) => k);
  let from = latestRows ? Math.max(0, all.length - maxRows) : 0;
  // The latest lines of a pivot start with a whole group: its outer label is on its first line.
  if (latestRows && full.kinds) while (from < all.length - 1 && full.rows[from][0] === '') from++;
  const shown = latestRows ? all.slice(from) : all.slice(0, maxRows);
  const table: RenderedTable = {
    ...full,
    columns: keep(full.columns as unknown as CellValue[]) as unknown as RenderedTable['columns'],
    rows: shown.map((k) => keep(full.rows[k])),
    totals: full.totals && keep(full.totals),
    ...(full.kinds ? { kinds: shown.map((k) => full.kinds![k]) } : {}),
  };
  return { table, cut: full.rows.length > maxRows || values > maxValues, shown };
}

async function viewChart(slide: ViewSlide, t: CrossTab, ctx: PackContext, lang: Lang, notices: string[]): Promise<RenderedChart | null> {
  const spec = slide.spec;
  const measure = spec.measure;
  if ([...spec.rows, ...(spec.cols ? [spec.cols] : [])].some(isTime)) {
    // Over time: the Trends view's model, so the slide's chart is the chart on screen.
    const axes = trendAxes(spec);
    const tspec = trendSpec(spec, axes);
    const table = await ctx.crossTab(tspec);
    const { top, rest } = splitSeries(table);
    const other = axes.series && rest.length > 0 ? await ctx.crossTab(otherSpec(tspec, axes.series, rest)) : null;
    // As on screen: a mission's line starts and ends with its mandate (no zeros before it existed).
    const trend = clipToMandates(buildTrend(axes, table, top, other, rest.length), ctx.lookups.missions);
    if (rest.length && axes.series) notices.push(phrase('otherCombined', lang, { top: TOP_SERIES, n: rest.length, series: dimensionLabel(axes.series, lang) }));
    // The marks on screen: the same annotations, in the periods drawn, the missions' own dates for the missions drawn.
    const marks = slide.annotations
      ? chartMarks({ times: trend.times, time: axes.time, annotations: listAnnotations(ctx.ws.db), missions: missionsInTrend(trend), lookups: ctx.lookups, lang })
      : [];
    return { type: slide.chart, measure, categories: trend.times.map((k) => valueText(axes.time, k, lang, ctx.lookups).text), series: trendLines(trend, lang, ctx.lookups), marks };
  }
  if (t.rowDims.length === 0) return null;
  const rows = [...t.rows].sort((a, b) => (b.total ?? -Infinity) - (a.total ?? -Infinity)).slice(0, CHART_CATEGORIES);
  if (t.rows.length > CHART_CATEGORIES) notices.push(phrase('largestShown', lang, { top: CHART_CATEGORIES, n: t.rows.length }));
  const categories = rows.map((r) => r.key.map((k, i) => valueText(t.rowDims[i], k, lang, ctx.lookups).text).join(' · '));
  const colDim = t.colDim;
  const series =
    colDim && t.colKeys.length <= TOP_SERIES + 1
      ? t.colKeys.map((k, j) => ({ name: valueText(colDim, k, lang, ctx.lookups).text, values: rows.map((r) => r.cells[j]), other: false }))
      : [{ name: measureLabel(measure, lang), values: rows.map((r) => r.total), other: false }];
  return { type: slide.chart, measure, categories, series, marks: [] };
}

interface ViewResult {
  slide: RenderedSlide;
  table: CrossTab | null;
}

/** The title, message and notes every slide drawn from a cross-tab carries. */
type SlideTexts = Pick<ViewSlide, 'title' | 'message' | 'notes'>;

/**
 * A slide drawn from a cross-tab (a view or a map), with its answer. A slide whose data is not in the
 * workspace, or whose spec no longer applies, says so on the slide and the export goes on: then
 * `answered` is false and the slide is done.
 */
export async function answeredSlide(
  kind: 'view' | 'map',
  slide: SlideTexts,
  spec: ViewSpec,
  ctx: PackContext,
  lang: Lang,
  held: Set<Subject>,
): Promise<{ slide: RenderedSlide; table: CrossTab | null; answered: boolean }> {
  const described = describeSpec(spec, lang, ctx.lookups);
  const out: RenderedSlide = {
    kind,
    title: textIn(slide.title, lang) || described.title,
    subtitle: describeScope(described, lang) || null,
    message: textIn(slide.message, lang) || null,
    notes: textIn(slide.notes, lang),
    chart: null,
    table: null,
    fullTable: null,
    notices: [],
    lines: [],
  };
  const missing = measureInfo[spec.measure].subjects.find((s) => !held.has(s));
  if (missing) {
    out.notices.push(phrase('noData', lang, { reason: explain({ code: 'no_dataset', subject: missing }, lang) }));
    return { slide: out, table: null, answered: false };
  }
  let t: CrossTab;
  try {
    t = await ctx.crossTab(spec);
  } catch (e) {
    if (!(e instanceof SpecError) && !(e instanceof Error && /does not apply|unknown/.test(e.message))) throw e;
    out.notices.push(phrase('noData', lang, { reason: (e as Error).message }));
    return { slide: out, table: null, answered: false };
  }
  if (t.rows.length === 0 && t.grandTotal === null) {
    out.notices.push(phrase('noData', lang, { reason: phrase('noRows', lang) }));
    return { slide: out, table: t, answered: false };
  }
  return { slide: out, table: t, answered: true };
}

async function viewSlide(slide: ViewSlide, ctx: PackContext, lang: Lang, held: Set<Subject>): Promise<ViewResult> {
  const answer = await answeredSlide('view', slide, slide.spec, ctx, lang, held);
  if (!answer.answered) return answer;
  const out = answer.slide;
  const t = answer.table!;
  // A slide made from the cross-tab keeps its pivot (a one-number view has none to keep); an older slide, the plain table.
  const pivot = slide.pivot && t.rowDims.length > 0 ? pivotViewTable(t, lang, ctx.lookups, slide.pivot) : null;
  const order = pivot ? [] : rowOrder(t);
  const base = pivot ? pivot.table : viewTable(t, lang, ctx.lookups, order);
  const rowsOf = pivot ? pivot.rows : order;
  out.fullTable = withRateDetail(base, t, rowsOf, lang, false);
  if (pivot) out.subtitle = [out.subtitle, ...pivot.scope].filter(Boolean).join(lang === 'zh' ? '；' : ' · ');
  if (slide.show !== 'chart' || t.rowDims.length === 0) {
    const latest = t.rowDims.length > 0 && isTime(t.rowDims[0]);
    const rows = pivot && slide.show === 'table' ? PIVOT_SLIDE_ROWS : SLIDE_ROWS;
    const { table, cut, shown } = fitToSlide(base, SLIDE_VALUE_COLUMNS[slide.show === 'both' ? 'both' : 'table'] - (t.rate ? 1 : 0), latest, rows);
    out.table = withRateDetail(table, t, shown.map((k) => rowsOf[k]), lang, true);
    if (cut) out.notices.push(phrase('tableRowsShown', lang, { shown: table.rows.length, n: base.rows.length }));
  }
  const excluded = t.rate?.grandTotal?.excluded ?? 0;
  if (excluded > 0) out.notices.push(phrase('excludedDeaths', lang, { count: excluded }));
  if (slide.show !== 'table') out.chart = await viewChart(slide, t, ctx, lang, out.notices);
  if (t.blankReason) out.notices.push(phrase('blank', lang, { reason: phrase(`blank_${t.blankReason}`, lang) }));
  return { slide: out, table: t };
}

function figureRow(f: ReconciledFigure, lang: Lang, lookups: Lookups): CellValue[] {
  const doc = f.figure.document;
  const title = lang === 'zh' ? (doc.title_zh ?? doc.title) : doc.title;
  const why = [...f.why, ...f.caveats].map((e) => explain(e, lang)).join(lang === 'zh' ? '；' : '; ');
  return [
    `${doc.symbol ?? title}, ${lang === 'zh' ? (doc.locator_zh ?? doc.locator) : doc.locator} (${doc.date})`,
    // What was counted, in the pack's language (the quote itself is in the document's).
    [describeSpec(f.figure.spec, lang, lookups)].map((d) => [d.title, describeScope(d, lang)].filter(Boolean).join(lang === 'zh' ? '；' : ' · '))[0],
    f.figure.value,
    f.recomputed,
    f.difference,
    phrase(`status_${f.status}`, lang),
    why,
  ];
}

function figuresSlide(slide: Extract<PackDoc['slides'][number], { kind: 'figures' }>, ctx: PackContext, lang: Lang): RenderedSlide {
  const wanted = new Set(slide.figures);
  const r = reconcile(ctx.ws, loadPublishedFigures().filter((f) => wanted.has(f.id)));
  const byId = new Map(r.figures.map((f) => [f.figure.id, f]));
  const rows = slide.figures.map((id) => figureRow(byId.get(id)!, lang, ctx.lookups));
  const table: RenderedTable = {
    columns: [
      { label: phrase('documentColumn', lang), format: 'text', weight: 2 },
      { label: phrase('figureColumn', lang), format: 'text', weight: 3 },
      { label: phrase('publishedColumn', lang), format: 'number', weight: 1.1 },
      { label: phrase('recomputedColumn', lang), format: 'number', weight: 1.25 },
      { label: phrase('differenceColumn', lang), format: 'number', weight: 1.2 },
      { label: phrase('statusColumn', lang), format: 'text', weight: 1.4 },
      { label: phrase('whyColumn', lang), format: 'text', weight: 2.6 },
    ],
    rows,
    totals: null,
    keyColumns: 2,
  };
  return tableSlide(slide, phrase('figuresTitle', lang), table, [], lang);
}

/** A built-in slide that is a table (published figures, sources): the analyst's text, else the default title. */
function tableSlide(slide: Extract<PackDoc['slides'][number], { kind: 'figures' | 'sources' }>, title: string, table: RenderedTable, lines: string[], lang: Lang): RenderedSlide {
  return {
    kind: slide.kind,
    title: textIn(slide.title, lang) || title,
    subtitle: null,
    message: textIn(slide.message, lang) || null,
    notes: textIn(slide.notes, lang),
    chart: null,
    table,
    fullTable: table,
    notices: [],
    lines,
  };
}

/** Every dataset behind the pack: the sources slide's table and the workbook's provenance sheet. */
export function sourcesTable(prov: Provenance, lang: Lang): RenderedTable {
  return {
    columns: [
      { label: phrase('fileColumn', lang), format: 'text', weight: 2 },
      { label: phrase('publisherColumn', lang), format: 'text', weight: 2.2 },
      { label: phrase('lastUpdateColumn', lang), format: 'text' },
      { label: 'SHA-256', format: 'text', weight: 4.2, whole: true },
      { label: phrase('rowsColumn', lang), format: 'number', weight: 0.8 },
    ],
    rows: prov.datasets.map((d) => [d.fileName, d.publisher, d.lastUpdate ?? '—', d.sha256, d.rows]),
    totals: null,
    keyColumns: 1,
  };
}

function sourcesSlide(slide: Extract<PackDoc['slides'][number], { kind: 'sources' }>, lang: Lang, prov: Provenance): RenderedSlide {
  const sep = lang === 'zh' ? '：' : ': ';
  const lines = [
    `${phrase('definitions', lang)}${sep}`,
    ...prov.definitions.map((d) => `• ${d.label}${sep}${d.text}`),
    `${phrase('filtersUsed', lang)}${sep}`,
    ...prov.scopes.map((s) => `• ${s}`),
    prov.generatedBy,
  ];
  return tableSlide(slide, phrase('sourcesTitle', lang), sourcesTable(prov, lang), lines, lang);
}

/** Which view and map slides' numbers would change if the pack were exported now (old and new grand total). */
export function staleSlides(doc: PackDoc, tables: (CrossTab | null)[], lang: Lang, lookups: Lookups): StaleSlide[] {
  const out: StaleSlide[] = [];
  doc.slides.forEach((s, i) => {
    if ((s.kind !== 'view' && s.kind !== 'map') || !s.basis) return;
    const t = tables[i];
    const now = t ? basisOf(t) : { sources: [], grandTotal: null };
    const shas = (b: SlideBasis) => b.sources.map((x) => x.sha256).sort().join(',');
    if (shas(now) === shas(s.basis) && now.grandTotal === s.basis.grandTotal) return;
    out.push({
      index: i,
      title: textIn(s.title, lang) || describeSpec(slideSpec(s)!, lang, lookups).title,
      before: { grandTotal: s.basis.grandTotal, sources: s.basis.sources.map((x) => `${x.fileName} (${x.sha256.slice(0, 12)})`) },
      now: { grandTotal: now.grandTotal, sources: now.sources.map((x) => `${x.fileName} (${x.sha256.slice(0, 12)})`) },
    });
  });
  return out;
}

/** Every slide of a pack computed from the workspace and worded in the pack's language. */
export async function buildPack(doc: PackDoc, ctx: PackContext, onSlide: (done: number, total: number) => void = () => undefined): Promise<RenderedPack> {
  checkFigureIds(doc);
  const lang = ctx.lang ?? doc.settings.lang;
  const date = doc.settings.date ?? ctx.today ?? new Date().toISOString().slice(0, 10);
  const datasets = ctx.ws.datasets();
  const held = subjectsHeld(datasets);
  const slides: (RenderedSlide | null)[] = [];
  const tables: (CrossTab | null)[] = [];
  const usedShas = new Set<string>();
  const usedSubjects = new Set<Subject>();
  const measures: Measure[] = [];
  const scopes: string[] = [];
  for (const [i, s] of doc.slides.entries()) {
    tables.push(null);
    if (s.kind === 'cover') {
      const [title, subtitle, author] = [doc.settings.title, doc.settings.subtitle, doc.settings.author].map((t) => textIn(t, lang));
      const lines = [author ? `${phrase('author', lang)}${lang === 'zh' ? '：' : ': '}${author}` : '', date].filter(Boolean);
      slides.push({ kind: 'cover', title, subtitle: subtitle || null, message: null, notes: textIn(s.notes, lang), chart: null, table: null, fullTable: null, notices: [], lines });
    } else if (s.kind === 'view') {
      const r = await viewSlide(s, ctx, lang, held);
      tables[i] = r.table;
      r.table?.sources.forEach((x) => usedShas.add(x.sha256));
      if (!measures.includes(s.spec.measure)) measures.push(s.spec.measure);
      scopes.push(`${i + 1}. ${r.slide.title}${r.slide.subtitle ? ` (${r.slide.subtitle})` : ''}`);
      slides.push(r.slide);
    } else if (s.kind === 'map') {
      const r = await mapSlide(s, ctx, lang, held);
      tables[i] = r.table;
      r.table?.sources.forEach((x) => usedShas.add(x.sha256));
      if (!measures.includes(s.spec.measure)) measures.push(s.spec.measure);
      scopes.push(`${i + 1}. ${r.slide.title}${r.slide.subtitle ? ` (${r.slide.subtitle})` : ''}`);
      slides.push(r.slide);
    } else if (s.kind === 'figures') {
      const r = figuresSlide(s, ctx, lang);
      loadPublishedFigures()
        .filter((f) => s.figures.includes(f.id))
        .forEach((f) => measureInfo[f.spec.measure].subjects.forEach((x) => usedSubjects.add(x)));
      slides.push(r);
    } else slides.push(null); // the sources slide is written last, once every other slide has named its files
    onSlide(i + 1, doc.slides.length);
  }
  const provenance: Provenance = {
    datasets: datasets
      .filter((d) => usedShas.has(d.sha256) || usedSubjects.has(d.kind))
      .map((d) => ({
        fileName: d.file_name,
        kind: d.kind,
        publisher: publisherOf(d.layout, d.synthetic, lang),
        lastUpdate: d.last_update,
        sha256: d.sha256,
        rows: d.inserted,
        importedAt: d.imported_at,
        synthetic: d.synthetic,
      })),
    definitions: measures.map((m) => ({ measure: m, label: measureLabel(m, lang), text: measureInfo[m].help[lang] })),
    scopes: scopes.length ? scopes : [phrase('noFilters', lang)],
    generatedBy: phrase('generatedBy', lang, { date, workspace: path.basename(ctx.ws.path) }),
  };
  const rendered = doc.slides.map((s, i) => (s.kind === 'sources' ? sourcesSlide(s, lang, provenance) : slides[i]!));
  const info = ctx.ws.info();
  return {
    name: doc.name,
    settings: { ...doc.settings, title: textIn(doc.settings.title, lang), subtitle: textIn(doc.settings.subtitle, lang), author: textIn(doc.settings.author, lang), date },
    lang,
    synthetic: info.synthetic,
    generatedAt: new Date().toISOString(),
    workspace: ctx.ws.path,
    slides: rendered,
    specs: doc.slides.map(slideSpec),
    pivots: doc.slides.map((s) => (s.kind === 'view' ? (s.pivot ?? null) : null)),
    provenance,
    stale: staleSlides(doc, tables, lang, ctx.lookups),
  };
}

