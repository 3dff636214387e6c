import { useEffect } from 'react';
import type { CustomHeaderProps } from 'ag-grid-react';

/** How a header's column sorts the lines, as assistive technology names it. */
export type AriaSort = 'ascending' | 'descending' | 'none';

/**
 * The header of a column the pivot sorts by (AG Grid's own sort would tear groups apart, so the grid does not
 * know the order and would not say it): the label as AG Grid draws it, and aria-sort on the header cell.
 */
export function SortHeader(p: CustomHeaderProps & { ariaSort: AriaSort }) {
  const { eGridHeader, ariaSort } = p;
  useEffect(() => eGridHeader.setAttribute('aria-sort', ariaSort), [eGridHeader, ariaSort]);
  return (
    <div className="ag-header-cell-label">
      <span className="ag-header-cell-text">{p.displayName}</span>
    </div>
  );
}
