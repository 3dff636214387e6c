import { formatNumber, formatShown, formatValue } from '../../../shared/present/format';
import type { Lang } from '../../../shared/present/lang';
import type { CellValue, ColumnFormat } from './types';

/** A table cell as printed on a slide or a page: numbers in their column's format, a blank as an em dash. */
export function cellText(v: CellValue, format: ColumnFormat, lang: Lang): string {
  if (typeof v === 'string') return v;
  if (format === 'text') return v === null ? '' : String(v);
  if (format === 'number') return formatNumber(v, lang);
  return 'shown' in format ? formatShown(format.shown, v, lang) : formatValue(format.measure, v, lang);
}
