import type { CustomCellRendererProps } from 'ag-grid-react';
import { useTranslation } from 'react-i18next';
import { useBluehelm } from '../../store';
import type { GridRow } from './gridModel';
import { isFolded, toggleFold } from '../../../../shared/present/pivot';

/** A key cell of a nested table: on a group's own label, a toggle that folds or unfolds its lines. */
export function GroupCell(p: CustomCellRendererProps<GridRow>) {
  const { t } = useTranslation();
  const line = p.data?.line;
  const own = line?.kind === 'group' && `k${line.depth}` === p.colDef?.colId;
  const folded = useBluehelm((s) => (own && line ? isFolded(s.pivotOptions.fold, line.id) : false));
  const setOptions = useBluehelm((s) => s.setPivotOptions);
  if (!own || !line) return <>{p.value as string}</>;
  return (
    <span className="bh-group">
      {/* The arrow is drawn by CSS, so the cell's text stays the label alone (as copies and finds read it). */}
      <button
        type="button"
        className="bh-fold"
        data-testid="fold"
        aria-expanded={!folded}
        aria-label={t(folded ? 'pivot.unfold' : 'pivot.fold', { label: p.value as string })}
        title={t(folded ? 'pivot.unfold' : 'pivot.fold', { label: p.value as string })}
        onClick={(e) => {
          // Folding is not a click on the number: it neither selects the line nor opens its source rows.
          e.stopPropagation();
          // A step of the view like any other: kept in the address, undone by Ctrl+Z.
          setOptions({ fold: toggleFold(useBluehelm.getState().pivotOptions.fold, line.keys) });
        }}
      />
      {p.value as string}
    </span>
  );
}
