import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useBluehelm } from '../../store';
import { CrossTabGrid } from './CrossTabGrid';
import { TableActions } from './TableActions';
import { PivotControls } from './PivotControls';
import { GridNotes } from './GridNotes';
import { SourceRowsPanel } from '../sourceRows/SourceRowsPanel';
import { SyntheticMark } from '../workspace/SyntheticMark';
import { ViewTitle } from './ViewTitle';
import { AddToPack } from '../packs/AddToPack';
import { defaultChart } from '../../../../shared/present/chart';

export function CrossTabView() {
  const { t } = useTranslation();
  const result = useBluehelm((s) => s.result);
  const error = useBluehelm((s) => s.error);
  const running = useBluehelm((s) => s.running);
  const selection = useRef<() => number[]>(() => []);
  // While printing, the grid lays out every line (no scrolling viewport), so the page holds the whole table.
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    // Ctrl+P as well as the button: the layout must change before the browser lays the page out.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  const print = () => {
    setPrinting(true);
    // Once the grid has drawn every line.
    requestAnimationFrame(() => requestAnimationFrame(() => window.print()));
  };
  return (
    <section className={printing ? 'bh-crosstab bh-printing' : 'bh-crosstab'}>
      <div className="bh-view-head">
        {result && <ViewTitle spec={result.spec} />}
        <SyntheticMark on={result?.synthetic ?? false} />
        {running && <span className="bh-running">{t('grid.running')}</span>}
        {result && <AddToPack slide={() => ({ kind: 'view', spec: result.spec, show: 'both', chart: defaultChart(result.spec) })} />}
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
            <CrossTabGrid table={result} selection={selection} printing={printing} />
            <SourceRowsPanel />
          </div>
          <GridNotes table={result} hint={t('grid.traceHint')} />
        </>
      )}
    </section>
  );
}
