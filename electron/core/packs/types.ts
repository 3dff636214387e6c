import type { Measure } from '../../../shared/catalogue';
import type { PackSettings, SlideKind, StaleSlide } from '../../../shared/pack';
import type { ChartType } from '../../../shared/present/chart';
import type { ChartMark } from '../../../shared/present/annotations';
import type { Lang } from '../../../shared/present/lang';
import type { Shown } from '../../../shared/present/format';
import type { PivotLine, PivotOptions } from '../../../shared/present/pivot';
import type { ViewSpec } from '../../../shared/spec';

// A pack with every number computed and every word in the pack's language: the one input of the
// three exporters and of the slide preview, so they cannot disagree.

export type CellValue = string | number | null;

/** How a column's numbers are written: in a measure's format, as a pivot shows them (shares, differences, ranks), as a plain number, or as text. */
export type ColumnFormat = { measure: Measure } | { shown: Shown } | 'number' | 'text';

export interface RenderedColumn {
  label: string;
  format: ColumnFormat;
  /** Relative width on a page (text columns that hold sentences are wider). */
  weight?: number;
  /** Never cut (a sha256): the table's font shrinks until the longest value fits. */
  whole?: boolean;
}

export interface RenderedTable {
  columns: RenderedColumn[];
  rows: CellValue[][];
  /** The totals line, drawn apart. */
  totals: CellValue[] | null;
  /** How many leading columns are keys (row labels). */
  keyColumns: number;
  /** A pivot's lines, one per row: a group's line carries its subtotal and is bold. Absent: plain rows. */
  kinds?: PivotLine['kind'][];
}

export interface RenderedChart {
  type: ChartType;
  measure: Measure;
  /** What runs along the x axis (periods, or the values of the first row dimension). */
  categories: string[];
  series: { name: string; values: (number | null)[]; other: boolean }[];
  /** Annotations on the time axis, by category index (none on a chart that is not over time). */
  marks: ChartMark[];
}

/** A map slide's map: each coloured country's fill, and the legend that reads them. */
export interface RenderedMap {
  /** Fill colour by ISO3 for the countries with a value; every other shape is land with no value. */
  fills: Record<string, string>;
  legend: { title: string; classes: { label: string; colour: string }[]; noValue: { label: string; colour: string } };
  /** What the picture shows, for a reader that cannot see it (the deck's alt text). */
  description: string;
}

export interface RenderedSlide {
  kind: SlideKind;
  title: string;
  /** Filters and period of a view, the cover's subtitle. */
  subtitle: string | null;
  message: string | null;
  notes: string;
  chart: RenderedChart | null;
  /** A map slide's choropleth, drawn with its table beside it. */
  map?: RenderedMap;
  /** What the slide shows as a table (capped to fit a page). */
  table: RenderedTable | null;
  /** The whole table, for the workbook. */
  fullTable: RenderedTable | null;
  /** Plain-language remarks shown on the slide: missing data, what a blank means, what was left out. */
  notices: string[];
  /** Lines of text (the cover's author and date, the sources slide's definitions and generated-by line). */
  lines: string[];
}

/** Everything the pack's numbers came from: the sources slide and the workbook's provenance sheet. */
export interface Provenance {
  datasets: { fileName: string; kind: string; publisher: string; lastUpdate: string | null; sha256: string; rows: number; importedAt: string; synthetic: boolean }[];
  /** Each measure used, with its definition, in the pack's language. */
  definitions: { measure: Measure; label: string; text: string }[];
  /** Each view slide's title with its filters and period. */
  scopes: string[];
  generatedBy: string;
}

export interface RenderedPack {
  name: string;
  /** The settings with every text in the pack's language and the date filled in. */
  settings: Omit<PackSettings, 'date' | 'title' | 'subtitle' | 'author'> & { title: string; subtitle: string; author: string; date: string };
  lang: Lang;
  synthetic: boolean;
  generatedAt: string;
  workspace: string;
  slides: RenderedSlide[];
  /** The specs behind the view and map slides (null for other slides), for the workbook's provenance sheet. */
  specs: (ViewSpec | null)[];
  /** How each view slide's table shows its values (absent: the plain table), beside its spec on the provenance sheet. */
  pivots: (PivotOptions | null)[];
  provenance: Provenance;
  stale: StaleSlide[];
}
