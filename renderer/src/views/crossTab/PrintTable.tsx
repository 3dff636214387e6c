import type { CrossTab } from '../../../../shared/spec';
import { formatShown } from '../../../../shared/present/format';
import { heatClass, shownOf } from '../../../../shared/present/pivot';
import { phrase } from '../../../../shared/present/phrases';
import { pivotTable } from '../../../../shared/present/table';
import { useBluehelm } from '../../store';
import { blankText } from './gridModel';
import { usePivotView } from './usePivotView';

/**
 * The table as printed: every line the grid shows, as a plain HTML table that pages break cleanly and
 * that repeats its header on each page (the grid's scrolling viewport would print only what is in view).
 * Rendered only while printing, so it costs nothing between prints.
 */
export function PrintTable({ table }: { table: CrossTab }) {
  const lang = useBluehelm((s) => s.lang);
  const lookups = useBluehelm((s) => s.lookups);
  const view = usePivotView();
  const m = pivotTable(table, lang, lookups, view);
  const shown = shownOf(table, m.pivot);
  const numbers = (line: (typeof m.lines)[number]['line'], values: (number | null)[]) =>
    values.map((v, j) => {
      const why = line.cells[j].blank;
      const heat = view.options.heat ? heatClass(m.pivot, line, j) : 0;
      return (
        <td key={j} className={`bh-num${v === null ? ' bh-blank' : ''}${heat ? ` bh-heat-${heat}` : ''}`} title={why ? blankText(why, lang) : undefined}>
          {formatShown(shown, v, lang)}
        </td>
      );
    });
  return (
    <table className="bh-print-table" data-testid="print-table">
      <caption>
        {phrase('showAs', lang)}: {phrase(`showAs_${m.pivot.showAs}`, lang, { base: m.valueHeaders[m.pivot.base ?? 0] })}
        {view.options.top > 0 && ` · ${phrase('topN', lang, { n: view.options.top })}`}
      </caption>
      <thead>
        <tr>
          {[...m.keyHeaders, ...m.valueHeaders].map((h, i) => (
            <th key={i}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {m.lines.map(({ line, keys, values }) => (
          <tr key={`${line.kind}:${line.id}`} className={`bh-line-${line.kind}`}>
            {keys.map((k, i) => (
              <th key={i} scope="row">
                {k}
              </th>
            ))}
            {numbers(line, values)}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="bh-line-total">
          {m.totals.keys.map((k, i) => (
            <th key={i} scope="row">
              {k}
            </th>
          ))}
          {numbers(m.pivot.grand, m.totals.values)}
        </tr>
      </tfoot>
    </table>
  );
}
