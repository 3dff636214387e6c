import type PptxGenJS from 'pptxgenjs';
import type { Lang } from '../../../../shared/present/lang';
import { cellText } from '../cells';
import type { TextMeasure } from '../fonts';
import { LEGEND_SIZE, legendLayout } from '../map-draw';
import { mapPicture } from '../map-png';
import type { RenderedMap, RenderedSlide } from '../types';

// A map slide in the deck: the map as a picture (with the slide's description as its alt text) and its
// legend as native shapes and text under it, so the legend's words stay editable and searchable.

const IN = 72; // points per inch
const hex = (c: string) => c.replace('#', '').toUpperCase();

/** Draws the map and its legend into a box given in inches. */
export function addMap(pptx: PptxGenJS, slide: PptxGenJS.Slide, map: RenderedMap, box: { x: number; y: number; w: number; h: number }, face: string, m: TextMeasure): void {
  const legend = legendLayout(map, box.w * IN, m);
  const picture = mapPicture(map, box.w * IN, box.h * IN - legend.height - 6);
  slide.addImage({
    data: `image/png;base64,${picture.png.toString('base64')}`,
    x: box.x + picture.x / IN,
    y: box.y + picture.y / IN,
    w: picture.width / IN,
    h: picture.height / IN,
    altText: map.description,
  });
  const top = box.y + (picture.y + picture.height + 6) / IN;
  const left = box.x + Math.max(0, Math.min(picture.x, box.w * IN - legend.width)) / IN;
  const text = { fontFace: face, fontSize: LEGEND_SIZE, color: '1B2733', margin: 0, valign: 'middle' as const };
  const row = legend.rowHeight / IN;
  slide.addText(map.legend.title, { ...text, bold: true, x: left, y: top, w: box.w, h: row });
  for (const item of legend.items) {
    const y = top + row * (item.row + 1);
    const { width, height, gap } = legend.swatch;
    slide.addShape(pptx.ShapeType.rect, { x: left + item.x / IN, y: y + (legend.rowHeight - height) / 2 / IN, w: width / IN, h: height / IN, fill: { color: hex(item.colour) }, line: { color: 'B8C2CC', width: 0.5 } });
    // Office's faces run wider than the measuring font: the label's box has room to spare.
    slide.addText(item.label, { ...text, x: left + (item.x + width + gap) / IN, y, w: (m.width(item.label, LEGEND_SIZE) * 1.3 + 4) / IN, h: row });
  }
}

/** Every country's value and class, for the speaker notes (the slide's table lists the largest only). */
export function mapNotes(s: RenderedSlide, lang: Lang): string {
  const t = s.fullTable;
  if (!t) return '';
  const sep = lang === 'zh' ? '：' : ': ';
  const value = t.columns.findIndex((c) => typeof c.format === 'object');
  const klass = t.columns.length - 1;
  return t.rows
    .filter((r) => r[value] !== null && r[value] !== 0)
    .map((r) => `${r[0]}${sep}${cellText(r[value], t.columns[value].format, lang)}${r[klass] ? ` (${r[klass]})` : ''}`)
    .join('\n');
}
