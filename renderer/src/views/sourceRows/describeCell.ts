import type { TFunction } from 'i18next';
import type { Dimension } from '../../../../shared/catalogue';
import { dimensionLabel, valueText, type Lookups } from '../../../../shared/present/labels';
import type { Lang } from '../../i18n/setup';
import { cellKind, type SourceCell } from './sourceCell';

/** A cell in words: what kind of number it is, then each dimension with its value ("all" where it is totalled). */
export function describeCell(cell: SourceCell, lang: Lang, lookups: Lookups, t: TFunction): { kind: string; keys: string[] } {
  const sep = lang === 'zh' ? '：' : ': ';
  const say = (d: Dimension, key: string | undefined) =>
    `${dimensionLabel(d, lang)}${sep}${key === undefined ? t('sourceRows.allValues') : valueText(d, key, lang, lookups).text}`;
  const { rows, cols } = cell.spec;
  const keys = rows.map((d, i) => say(d, cell.rowKey[i]));
  if (cols) keys.push(say(cols, cell.colKey));
  return { kind: t(`sourceRows.kind.${cellKind(cell)}`), keys };
}
