import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { slideSpec, textIn, type PackDoc, type Slide } from '../../../../shared/pack';
import { describeSpec } from '../../../../shared/present/describe';
import { useBluehelm } from '../../store';

/** A slide's name in the list: its own title, else what it shows. */
function slideName(slide: Slide, doc: PackDoc, t: (k: string) => string, lookups: ReturnType<typeof useBluehelm.getState>['lookups']): string {
  const lang = doc.settings.lang;
  if (slide.kind === 'cover') return textIn(doc.settings.title, lang);
  const own = textIn(slide.title, lang);
  if (own) return own;
  const spec = slideSpec(slide);
  if (spec) return describeSpec(spec, lang, lookups).title;
  return t(`packs.kind.${slide.kind}`);
}

/**
 * The slides in order. Reordered by dragging, by the arrow buttons, or from the keyboard:
 * Alt+↑ / Alt+↓ on a selected slide moves it.
 */
export function SlideList({ doc }: { doc: PackDoc }) {
  const { t } = useTranslation();
  const lookups = useBluehelm((s) => s.lookups);
  const selected = useBluehelm((s) => s.slideIndex);
  const stale = useBluehelm((s) => s.stale);
  const { selectSlide, moveSlide, removeSlide } = useBluehelm.getState();
  const dragged = useRef<number | null>(null);
  return (
    <ol className="bh-slide-list" data-testid="slide-list" aria-label={t('packs.slideList')}>
      {doc.slides.map((slide, i) => (
        <li
          key={i}
          draggable
          aria-selected={i === selected}
          tabIndex={0}
          data-testid="slide-item"
          data-kind={slide.kind}
          onClick={() => selectSlide(i)}
          onKeyDown={(e) => {
            if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
              e.preventDefault();
              void moveSlide(i, e.key === 'ArrowUp' ? i - 1 : i + 1);
            }
          }}
          onDragStart={(e) => {
            dragged.current = i;
            e.dataTransfer.effectAllowed = 'move';
          }}
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            if (dragged.current !== null) void moveSlide(dragged.current, i);
            dragged.current = null;
          }}
        >
          <span className="bh-slide-no">{i + 1}</span>
          <span className="bh-slide-kind">{t(`packs.kind.${slide.kind}`)}</span>
          <span className="bh-slide-name" data-testid="slide-name">
            {slideName(slide, doc, t, lookups)}
          </span>
          {stale.some((s) => s.index === i) && <span className="bh-stale-flag">{t('packs.staleFlag')}</span>}
          <span className="bh-slide-buttons">
            <button type="button" aria-label={t('packs.moveUp')} data-testid="slide-up" disabled={i === 0} onClick={() => void moveSlide(i, i - 1)}>
              ↑
            </button>
            <button type="button" aria-label={t('packs.moveDown')} data-testid="slide-down" disabled={i === doc.slides.length - 1} onClick={() => void moveSlide(i, i + 1)}>
              ↓
            </button>
            <button type="button" aria-label={t('packs.removeSlide')} disabled={doc.slides.length === 1} onClick={() => void removeSlide(i)}>
              ✕
            </button>
          </span>
        </li>
      ))}
    </ol>
  );
}
