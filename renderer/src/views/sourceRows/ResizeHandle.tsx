import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBluehelm } from '../../store';

/** The grid keeps at least this much of the row, so a wide panel never hides it. */
const GRID_KEEPS = 320;
const NARROWEST = 320;
const STEP = 40;

/** A width for the panel within what its row allows (the grid keeps its share). */
export function fitPanelWidth(panel: HTMLElement, px: number): number {
  const row = panel.parentElement!;
  // A grid whose pinned columns need more keeps that (its --bh-grid-keeps, see CrossTabGrid), with the gap between.
  const grid = row.querySelector<HTMLElement>('.bh-grid');
  const needs = grid ? (parseFloat(getComputedStyle(grid).getPropertyValue('--bh-grid-keeps')) || 0) + (parseFloat(getComputedStyle(row).columnGap) || 0) : 0;
  return Math.round(Math.max(NARROWEST, Math.min(px, row.getBoundingClientRect().width - Math.max(GRID_KEEPS, needs))));
}

/**
 * The panel's left edge: dragged (or moved with the arrow keys) it widens or narrows the panel, so a
 * file with many columns can be read without scrolling sideways.
 */
export function ResizeHandle() {
  const { t } = useTranslation();
  const setWidth = useBluehelm((s) => s.setSourcePanelWidth);
  const drag = useRef<{ x: number; width: number } | null>(null);

  const panelOf = (el: Element) => el.closest('.bh-source-rows') as HTMLElement;
  const clamp = (el: Element, px: number) => fitPanelWidth(panelOf(el), px);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, width: panelOf(e.currentTarget).getBoundingClientRect().width };
  };
  // The panel sits right of the grid: dragging its edge left widens it.
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) setWidth(clamp(e.currentTarget, drag.current.width + drag.current.x - e.clientX));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const now = panelOf(e.currentTarget).getBoundingClientRect().width;
    setWidth(clamp(e.currentTarget, now + (e.key === 'ArrowLeft' ? STEP : -STEP)));
  };

  return (
    <div
      className="bh-source-resize"
      data-testid="source-rows-resize"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('sourceRows.resize')}
      title={t('sourceRows.resize')}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      onDoubleClick={() => setWidth(null)}
    />
  );
}
