import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useBluehelm } from '../../store';
import { CrossTabGrid } from './CrossTabGrid';
import { CrossTabChart } from './CrossTabChart';
import { TableActions } from './TableActions';
import { PivotControls } from './PivotControls';
import { PrintTable } from './PrintTable';
import { GridNotes } from './GridNotes';
import { SourceRowsPanel } from '../sourceRows/SourceRowsPanel';
import { SyntheticMark } from '../workspace/SyntheticMark';
import { ViewTitle } from './ViewTitle';
import { AddToPack } from '../packs/AddToPack';
import { defaultChart } from '../../../../shared/present/chart';
import { keptPivot } from '../../../../shared/present/pivot';
import { SaveView } from '../savedViews/SaveView';

export function CrossTabView() {
  const { t } = useTranslation();
  const result = useBluehelm((s) => s.result);
  const error = useBluehelm((s) => s.error);
  const running = useBluehelm((s) => s.running);
  const pivotOptions = useBluehelm((s) => s.pivotOptions);
  const selection = useRef<() => number[]>(() => []);
  // What the grid needs beside the source rows (its pinned columns and one scrolling column), held by its box.
  const [gridKeeps, setGridKeeps] = useState(0);
  // While printing, the table is also drawn as a plain table (PrintTable), which the print styles show instead of the grid.
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    // Ctrl+P as well as the button: the table must be in the page before the browser lays it out for print.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  // The Print button draws the table first, then asks the browser to print (which holds the page until the dialog closes).
  const [printAsked, setPrintAsked] = useState(false);
  useEffect(() => {
    if (!printAsked) return;
    window.print();
    setPrintAsked(false);
  }, [printAsked]);
  const print = () => setPrintAsked(true);
  return (
    <section className="bh-crosstab">
      <div className="bh-view-head">
        {result && <ViewTitle spec={result.spec} />}
        <SyntheticMark on={result?.synthetic ?? false} />
        {running && <span className="bh-running">{t('grid.running')}</span>}
        {result && <SaveView tab="crossTab" />}
        {result && <AddToPack slide={() => ({ kind: 'view', spec: result.spec, show: 'both', chart: defaultChart(result.spec), pivot: keptPivot(pivotOptions) })} />}
      </div>
      {error && (
        <p className="bh-error" role="alert" data-testid="crosstab-error">
          {t('grid.refused', { message: error })}
        </p>
      )}
      {result && (
        <>
          <div className="bh-table-tools">
            <TableActions table={result} selectedRows={() => selection.current()} onPrint={print} />
            <PivotControls table={result} />
          </div>
          <div className="bh-crosstab-body">
            {/* A table without a column dimension is narrow: its chart goes beside it, else below it. */}
            <div className={`bh-crosstab-figures ${result.colDim ? 'bh-chart-below' : 'bh-chart-beside'}`} style={{ '--bh-grid-keeps': `${gridKeeps}px` } as CSSProperties}>
              <CrossTabGrid table={result} selection={selection} onKeeps={setGridKeeps} />
              <CrossTabChart table={result} />
            </div>
            {(printing || printAsked) && <PrintTable table={result} />}
            <SourceRowsPanel />
          </div>
          <GridNotes table={result} hint={t('grid.traceHint')} />
        </>
      )}
    </section>
  );
}
