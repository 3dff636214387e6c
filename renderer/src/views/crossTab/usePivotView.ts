import { useMemo } from 'react';
import type { PivotView } from '../../../../shared/present/table';
import { useBluehelm } from '../../store';

/** The pivot options (folded groups among them), as one value that changes only when they do (the grid and the exports share it). */
export function usePivotView(): PivotView {
  const options = useBluehelm((s) => s.pivotOptions);
  return useMemo(() => ({ options }), [options]);
}
