import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBluehelm } from '../../store';
import { CrossTabGrid } from './CrossTabGrid';
import { CrossTabChart } from './CrossTabChart';
import { TableActions } from './TableActions';
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
  return (
    <section className="bh-crosstab">
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
          <TableActions table={result} selectedRows={() => selection.current()} />
          <div className="bh-crosstab-body">
            {/* A table without a column dimension is narrow: its chart goes beside it, else below it. */}
            <div className={`bh-crosstab-figures ${result.colDim ? 'bh-chart-below' : 'bh-chart-beside'}`}>
              <CrossTabGrid table={result} selection={selection} />
              <CrossTabChart table={result} />
            </div>
            <SourceRowsPanel />
          </div>
          <GridNotes table={result} hint={t('grid.traceHint')} />
        </>
      )}
    </section>
  );
}
