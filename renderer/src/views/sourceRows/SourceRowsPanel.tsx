import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBluehelm } from '../../store';
import { describeSpec } from '../../../../shared/present/describe';
import { SyntheticMark } from '../workspace/SyntheticMark';
import { describeCell } from './describeCell';
import { SourceRowsTable } from './SourceRowsTable';
import { fitPanelWidth, ResizeHandle } from './ResizeHandle';

/**
 * Beside the grid, never over it: the analyst can keep clicking numbers and the panel follows.
 * Focus stays where it was, so Escape from the grid closes it.
 */
export function SourceRowsPanel() {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const lookups = useBluehelm((s) => s.lookups);
  const cell = useBluehelm((s) => s.sourceCell);
  const parts = useBluehelm((s) => s.sourceParts);
  const error = useBluehelm((s) => s.sourceError);
  const close = useBluehelm((s) => s.closeSourceRows);
  const dragged = useBluehelm((s) => s.sourcePanelWidth);
  const panel = useRef<HTMLElement>(null);
  // Until the analyst drags its edge, the panel takes the width its columns need, as far as the grid allows.
  const [fitted, setFitted] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = panel.current;
    if (!el || !parts || dragged) return;
    const overflow = Math.max(0, ...[...el.querySelectorAll('.bh-source-scroll')].map((s) => s.scrollWidth - s.clientWidth));
    if (overflow > 0) setFitted(fitPanelWidth(el, el.getBoundingClientRect().width + overflow));
  }, [parts, dragged]);
  const width = dragged ?? fitted;
  const open = cell !== null;

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, close]);

  if (!cell) return null;
  const view = describeSpec(cell.spec, lang, lookups);
  const { kind, keys } = describeCell(cell, lang, lookups, t);
  const viewNotes = view.dates ? [...view.filters, view.dates] : view.filters;
  return (
    <aside ref={panel} className="bh-source-rows" data-testid="source-rows-panel" aria-label={t('sourceRows.title')} style={width ? { width } : undefined}>
      <ResizeHandle />
      <header className="bh-source-head">
        <h3>{t('sourceRows.title')}</h3>
        <SyntheticMark on={cell.synthetic} />
        <button type="button" className="bh-source-close" data-testid="source-rows-close" title={t('sourceRows.close')} aria-label={t('sourceRows.close')} onClick={close}>
          ×
        </button>
      </header>
      <div className="bh-source-body">
        <div className="bh-source-cell" data-testid="source-rows-cell">
          <p className="bh-source-view">{view.title}</p>
          {viewNotes.length > 0 && <p className="bh-help">{viewNotes.join(' · ')}</p>}
          <p>
            <strong>{kind}</strong> · {keys.join(' · ')}
          </p>
        </div>
        {error && (
          <p className="bh-error" role="alert">
            {t('sourceRows.failed', { message: error })}
          </p>
        )}
        {!parts && !error && <p className="bh-help">{t('sourceRows.loading')}</p>}
        {parts?.map((part) => <SourceRowsTable key={part.role} part={part} heading={parts.length > 1} />)}
      </div>
    </aside>
  );
}
