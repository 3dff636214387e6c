import type { Subject } from '../../../shared/catalogue';
import { slideSpec, type MapSlide } from '../../../shared/pack';
import { formatValue } from '../../../shared/present/format';
import { dimensionLabel, listOf, measureLabel, valueText } from '../../../shared/present/labels';
import type { Lang } from '../../../shared/present/lang';
import { choropleth, classLabel, NO_VALUE_COLOUR, paletteFor } from '../../../shared/present/mapClasses';
import { phrase } from '../../../shared/present/phrases';
import type { CrossTab } from '../../../shared/spec';
import { answeredSlide, type PackContext } from './model';
import type { CellValue, RenderedSlide, RenderedTable } from './types';
import { drawnCountries } from '../../../shared/present/worldShapes';
import { referenceTables } from '../reference/tables';

// A map slide: the Map view's choropleth computed here from the same cross-tab (the view's measure,
// filters and period split by host or contributing country) and classed by the same code, so the
// slide's colours are the screen's. Its table is every country with its codes, value and class.

/** Countries listed beside the map; the workbook holds them all. */
const SLIDE_ROWS = 12;

export interface MapResult {
  slide: RenderedSlide;
  table: CrossTab | null;
}

export async function mapSlide(slide: MapSlide, ctx: PackContext, lang: Lang, held: Set<Subject>): Promise<MapResult> {
  const spec = slideSpec(slide)!;
  const dim = spec.rows[0];
  const measure = spec.measure;
  const answer = await answeredSlide('map', slide, spec, ctx, lang, held);
  if (!answer.answered) return answer;
  const out = answer.slide;
  const t = answer.table!;

  // The shapes themselves are loaded only where the map is drawn (the pack worker).
  const drawn = drawnCountries(referenceTables().tables.countries);
  const map = choropleth(t.rows, (k) => drawn.has(k), paletteFor(measure));
  const name = (key: string) => valueText(dim, key, lang, ctx.lookups).text;
  const classOf = (key: string, value: number | null): string => {
    if (!drawn.has(key)) return value ? phrase('mapNotDrawn', lang) : '';
    const c = map.classing.classOf(value);
    return c === null ? phrase('mapNoValue', lang) : classLabel(map.classing.classes[c], measure, lang);
  };
  const ranked = [...t.rows].sort((a, b) => (b.total ?? -Infinity) - (a.total ?? -Infinity));
  const valueColumn = { label: measureLabel(measure, lang), format: { measure } } as const;
  out.fullTable = {
    columns: [
      { label: dimensionLabel(dim, lang), format: 'text', weight: 2 },
      { label: phrase('isoColumn', lang), format: 'text' },
      { label: phrase('m49Column', lang), format: 'text' },
      valueColumn,
      { label: phrase('mapClassColumn', lang), format: 'text', weight: 1.4 },
    ],
    rows: ranked.map((r): CellValue[] => {
      const key = r.key[0];
      const m49 = ctx.lookups.countries.get(key)?.m49;
      // M49 codes are written with their leading zeros (004 Afghanistan), as the UN lists them.
      return [name(key), ctx.lookups.countries.has(key) ? key : '', m49 == null ? '' : String(m49).padStart(3, '0'), r.total, classOf(key, r.total)];
    }),
    totals: [phrase('total', lang), '', '', t.grandTotal, ''],
    keyColumns: 1,
  };
  const shown = ranked.filter((r) => r.total !== null && r.total !== 0);
  const table: RenderedTable = {
    columns: [{ label: dimensionLabel(dim, lang), format: 'text', weight: 2 }, valueColumn],
    rows: shown.slice(0, SLIDE_ROWS).map((r) => [name(r.key[0]), r.total]),
    totals: [phrase('total', lang), t.grandTotal],
    keyColumns: 1,
  };
  out.table = table;
  if (shown.length > SLIDE_ROWS) out.notices.push(phrase('tableRowsShown', lang, { n: ranked.length }));

  const fills = Object.fromEntries([...map.values].flatMap(([key, v]) => {
    const c = map.classing.classOf(v);
    return drawn.has(key) && c !== null ? [[key, map.classing.classes[c].colour]] : [];
  }));
  out.map = {
    fills,
    legend: {
      title: phrase('mapClasses', lang, { measure: measureLabel(measure, lang) }),
      classes: map.classing.classes.map((c) => ({ label: classLabel(c, measure, lang), colour: c.colour })).reverse(),
      noValue: { label: phrase('mapNoValue', lang), colour: NO_VALUE_COLOUR },
    },
    description: phrase('mapAlt', lang, { title: out.title, top: listOf(shown.slice(0, 3).map((r) => name(r.key[0])), lang) }),
  };
  if (map.unplaced.length) {
    // UN Chinese writes a bracket straight after the text it belongs to.
    const list = map.unplaced.map((u) => `${name(u.key)}${lang === 'zh' ? '' : ' '}(${formatValue(measure, u.value, lang)})`);
    out.notices.push(phrase('mapUnplaced', lang, { list: listOf(list, lang) }));
  }
  if (t.blankReason) out.notices.push(phrase('blank', lang, { reason: phrase(`blank_${t.blankReason}`, lang) }));
  out.notices.push(phrase('mapDisclaimer', lang), phrase('mapShapes', lang));
  return { slide: out, table: t };
}
