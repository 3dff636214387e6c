import { useMemo } from 'react';
import type { PivotView } from '../../../../shared/present/table';
import { useBluehelm } from '../../store';

/** The pivot options and folded groups, as one value that changes only when either does (the grid and the exports share it). */
export function usePivotView(): PivotView {
  const options = useBluehelm((s) => s.pivotOptions);
  const collapsed = useBluehelm((s) => s.collapsed);
  return useMemo(() => ({ options, collapsed: new Set(collapsed) }), [options, collapsed]);
}
