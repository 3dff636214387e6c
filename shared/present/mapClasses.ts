import { measureInfo, type Measure } from '../catalogue';
import { formatValue } from './format';
import type { Lang } from './lang';

// How a choropleth turns numbers into colours: quantile classes over the countries that have a value,
// one home for the screen's map and any export of it, so a country never changes colour between the two.

/** At most five classes: more are not told apart reliably on a map. */
export const CLASS_COUNT = 5;

/**
 * ColorBrewer sequential schemes (Cynthia Brewer, Penn State), both marked colour-blind safe: yellow to
 * red for losses (deaths, IED incidents), yellow to blue for presence (strength, shares, missions).
 */
export const LOSS_PALETTE = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'] as const;
export const PRESENCE_PALETTE = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;
/** A country with nothing to count (0) or no value (blank) is not a class: it stays the land's grey. */
export const NO_VALUE_COLOUR = '#e4e8ec';

export function paletteFor(measure: Measure): readonly string[] {
  const losses = measure === 'fatalities' || measure === 'fatality_rate' || measureInfo[measure].subjects.includes('ied');
  return losses ? LOSS_PALETTE : PRESENCE_PALETTE;
}

export interface MapClass {
  /** The smallest and largest value of the countries in the class (so the legend never names a value nobody has). */
  low: number;
  high: number;
  colour: string;
  countries: number;
}

export interface Classing {
  classes: MapClass[];
  /** Index into classes, or null for a country left out (no value, or 0). */
  classOf(value: number | null | undefined): number | null;
}

/**
 * Quantile classes: the countries with a value above 0, sorted, cut into up to `count` groups of about
 * equal size. Ties never straddle a cut (a value belongs to one class), so with few distinct values there
 * are fewer classes; the darkest colours go to the largest values.
 */
export function classify(values: readonly (number | null | undefined)[], palette: readonly string[], count = CLASS_COUNT): Classing {
  const sorted = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  const uppers: number[] = [];
  for (let i = 1; i <= count && sorted.length > 0; i++) {
    const upper = sorted[Math.ceil((i * sorted.length) / count) - 1];
    if (uppers[uppers.length - 1] !== upper) uppers.push(upper);
  }
  // Fewer classes than colours take the dark end, so the largest values always read as the most.
  const colours = palette.slice(palette.length - uppers.length);
  const classOf = (v: number | null | undefined): number | null => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) return null;
    const i = uppers.findIndex((u) => v <= u);
    return i < 0 ? uppers.length - 1 : i;
  };
  const classes: MapClass[] = uppers.map((high, i) => {
    const members = sorted.filter((v) => classOf(v) === i);
    return { low: members[0], high, colour: colours[i], countries: members.length };
  });
  return { classes, classOf };
}

/** A class as the legend writes it: "12–40", or one value when the class holds one. */
export function classLabel(c: MapClass, measure: Measure, lang: Lang): string {
  const low = formatValue(measure, c.low, lang);
  const high = formatValue(measure, c.high, lang);
  return low === high ? high : `${low}–${high}`;
}

export interface Choropleth {
  /** Each country's value by ISO3, as the cross-tab's row totals give them. */
  values: Map<string, number | null>;
  classing: Classing;
  /** Keys with a value that no shape shows (a dissolved state, no host on record), to be listed beside the map. */
  unplaced: { key: string; value: number }[];
}

/** A cross-tab split by one country dimension, as the map colours it: classes over the countries it can draw. */
export function choropleth(rows: readonly { key: readonly string[]; total: number | null }[], onMap: (key: string) => boolean, palette: readonly string[]): Choropleth {
  const values = new Map(rows.map((r) => [r.key[0], r.total]));
  const classing = classify([...values].filter(([k]) => onMap(k)).map(([, v]) => v), palette);
  const unplaced = [...values].flatMap(([key, value]) => (!onMap(key) && value !== null && value !== 0 ? [{ key, value }] : []));
  return { values, classing, unplaced };
}
