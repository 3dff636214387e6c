import { useTranslation } from 'react-i18next';
import type { CrossTab } from '../../../../shared/spec';
import { FOLD_ALL, showAsFor } from '../../../../shared/present/pivot';
import { ShowAsSelect, TopNSelect } from './PivotSelects';
import { valueText } from '../../../../shared/present/labels';
import { useBluehelm } from '../../store';

/** How the table shows its values: as shares, differences or ranks; the largest N per level; heat colouring; folding every group. */
export function PivotControls({ table }: { table: CrossTab }) {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const lookups = useBluehelm((s) => s.lookups);
  const options = useBluehelm((s) => s.pivotOptions);
  const setOptions = useBluehelm((s) => s.setPivotOptions);
  const offered = showAsFor(table);
  // A way of showing the table cannot take (a share of a rate) is shown as the plain value, as the pivot computes it.
  const showAs = offered.includes(options.showAs) ? options.showAs : 'value';
  const colDim = table.colDim;
  const base = colDim && table.colKeys.includes(options.base ?? '') ? options.base! : table.colKeys[0];
  return (
    <div className="bh-trend-controls bh-pivot-controls" data-testid="pivot-controls">
      <ShowAsSelect offered={offered} value={showAs} lang={lang} onChange={(showAs) => setOptions({ showAs })} testId="show-as" />
      {colDim && (showAs === 'diff' || showAs === 'pct_diff') && (
        <label>
          {t('pivot.base')}
          <select data-testid="show-as-base" value={base} onChange={(e) => setOptions({ base: e.target.value })}>
            {table.colKeys.map((k) => (
              <option key={k} value={k}>
                {valueText(colDim, k, lang, lookups).text}
              </option>
            ))}
          </select>
        </label>
      )}
      {table.rowDims.length > 0 && (
        <TopNSelect label={t('pivot.top')} value={options.top} onChange={(top) => setOptions({ top })} testId="top-n" />
      )}
      <label title={t('pivot.heatHint')}>
        <input type="checkbox" data-testid="heat" checked={options.heat} onChange={(e) => setOptions({ heat: e.target.checked })} />
        {t('pivot.heat')}
      </label>
      {table.rowDims.length > 1 && (
        <span className="bh-fold-all">
          <button type="button" className="bh-link" data-testid="unfold-all" disabled={!options.fold} onClick={() => setOptions({ fold: undefined })}>
            {t('pivot.unfoldAll')}
          </button>
          <button type="button" className="bh-link" data-testid="fold-all" disabled={options.fold?.all && options.fold.groups.length === 0} onClick={() => setOptions({ fold: FOLD_ALL })}>
            {t('pivot.foldAll')}
          </button>
        </span>
      )}
    </div>
  );
}
