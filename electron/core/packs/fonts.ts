import fs from 'node:fs';
import { createRequire } from 'node:module';
import { rootPath } from '../paths';

// One CJK font (Noto Sans SC, SIL Open Font License, from an npm package) for every export: it holds
// Latin and Chinese glyphs, so a pack in either language renders on a laptop with no CJK font; the PDF
// embeds only the glyphs it uses. TrueType, not WOFF2: pdfkit reads WOFF2 very slowly.

export const FONT_FAMILY = 'Noto Sans SC';

const FILES = {
  regular: ['400Regular', 'NotoSansSC_400Regular.ttf'],
  bold: ['700Bold', 'NotoSansSC_700Bold.ttf'],
} as const;

export type Weight = keyof typeof FILES;

export function fontPath(weight: Weight): string {
  const [dir, file] = FILES[weight];
  return rootPath('node_modules', '@expo-google-fonts', 'noto-sans-sc', dir, file);
}

const bytes = new Map<Weight, Buffer>();

/** The font file's bytes, read once per process. */
export function fontBytes(weight: Weight): Buffer {
  let b = bytes.get(weight);
  if (!b) bytes.set(weight, (b = fs.readFileSync(fontPath(weight))));
  return b;
}

type Font = { unitsPerEm: number; glyphForCodePoint(cp: number): { advanceWidth: number } };
const fonts = new Map<Weight, Font>();

/** fontkit, required on first use: a pack that never measures text (a workbook) never loads it. */
function loadFontkit(): { create(b: Buffer): unknown } {
  return createRequire(import.meta.url)('fontkit') as { create(b: Buffer): unknown };
}

/**
 * Text widths in points from the font's own metrics, so slide text is wrapped and fitted the way it
 * will print. Widths are summed glyph by glyph (cached per character): Chinese and Latin text set
 * without kerning, as pdfkit and SVG set it, and far quicker than shaping each string.
 */
export class TextMeasure {
  private readonly advance = { regular: new Map<number, number>(), bold: new Map<number, number>() };

  width(text: string, size: number, weight: Weight = 'regular'): number {
    const cache = this.advance[weight];
    let em = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let w = cache.get(cp);
      if (w === undefined) {
        let font = fonts.get(weight);
        if (!font) fonts.set(weight, (font = loadFontkit().create(fontBytes(weight)) as unknown as Font));
        w = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
        cache.set(cp, w);
      }
      em += w;
    }
    return em * size;
  }

  /** The text cut to fit a width, with an ellipsis where it was cut. */
  fit(text: string, size: number, maxWidth: number, weight: Weight = 'regular'): string {
    if (this.width(text, size, weight) <= maxWidth) return text;
    const chars = [...text];
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.width(chars.slice(0, mid).join('') + '…', size, weight) <= maxWidth) lo = mid;
      else hi = mid - 1;
    }
    return chars.slice(0, lo).join('') + '…';
  }

  /** Lines of at most maxWidth, broken at spaces in Latin text and between any two CJK characters; at most maxLines (the last one cut). */
  wrap(text: string, size: number, maxWidth: number, maxLines: number, weight: Weight = 'regular'): string[] {
    const tokens = text.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+|\s+/g) ?? [];
    const lines: string[] = [];
    let line = '';
    for (const token of tokens) {
      const next = line + token;
      if (line && !/^\s+$/.test(token) && this.width(next.trimEnd(), size, weight) > maxWidth) {
        lines.push(line.trimEnd());
        line = token.trimStart();
      } else line = next;
    }
    if (line.trim()) lines.push(line.trim());
    if (lines.length <= maxLines) return lines;
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = this.fit(lines.slice(maxLines - 1).join(' '), size, maxWidth, weight);
    return kept;
  }
}
