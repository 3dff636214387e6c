import { useTranslation } from 'react-i18next';
import { textIn, type PackDoc, type Slide } from '../../../../shared/pack';
import { chartTypesFor } from '../../../../shared/present/chart';
import { mapDimensionsFor } from '../../../../shared/present/mapSpec';
import { DEFAULT_PIVOT_OPTIONS, showAsFor } from '../../../../shared/present/pivot';
import { useBluehelm } from '../../store';
import { withText } from '../../store/packSlice';
import { LazyInput } from './LazyInput';
import { ShowAsSelect, TopNSelect } from '../crossTab/PivotSelects';

/** Title, key message, notes and what to show, for the selected slide. */
export function SlideEditor({ doc, index }: { doc: PackDoc; index: number }) {
  const { t } = useTranslation();
  const editPack = useBluehelm((s) => s.editPack);
  const uiLang = useBluehelm((s) => s.lang);
  const slide = doc.slides[index];
  if (!slide) return null;
  const lang = doc.settings.lang;
  const change = (patch: Partial<Slide>) => void editPack((d) => ({ ...d, slides: d.slides.map((s, i) => (i === index ? ({ ...s, ...patch } as Slide) : s)) }));
  return (
    <fieldset className="bh-slide-editor" data-testid="slide-editor">
      <legend>{t('packs.slide', { n: index + 1 })}</legend>
      {slide.kind !== 'cover' && (
        <>
          <label>
            {t('packs.title')}
            <LazyInput value={textIn(slide.title, lang)} maxLength={200} onCommit={(v) => change({ title: withText(slide.title, lang, v) })} testId="slide-title" />
          </label>
          <label>
            {t('packs.message')}
            <LazyInput value={textIn(slide.message, lang)} maxLength={400} onCommit={(v) => change({ message: withText(slide.message, lang, v) })} testId="slide-message" />
          </label>
        </>
      )}
      <label>
        {t('packs.notes')}
        <LazyInput value={textIn(slide.notes, lang)} maxLength={5000} multiline onCommit={(v) => change({ notes: withText(slide.notes, lang, v) })} testId="slide-notes" />
      </label>
      {slide.kind === 'map' && (
        <div className="bh-slide-show">
          <label>
            {t('map.colour')}
            <select value={slide.by} onChange={(e) => change({ by: e.target.value as 'country' })} data-testid="slide-map-by">
              {mapDimensionsFor(slide.spec.measure).map((d) => (
                <option key={d} value={d}>
                  {t(`map.by.${d}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {slide.kind === 'view' && (
        <div className="bh-slide-show">
          <label>
            {t('packs.show')}
            <select value={slide.show} onChange={(e) => change({ show: e.target.value as 'chart' })} data-testid="slide-show">
              {(['both', 'chart', 'table'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`packs.showAs.${s}`)}
                </option>
              ))}
            </select>
          </label>
          {slide.show !== 'chart' && slide.spec.rows.length > 0 && (
            <>
              {/* How the table reads, kept from the cross-tab it came from; a slide made before keeps the plain table until changed. */}
              <ShowAsSelect
                offered={showAsFor({ colDim: slide.spec.cols ?? null, spec: slide.spec })}
                value={slide.pivot?.showAs ?? 'value'}
                lang={uiLang}
                onChange={(showAs) => change({ pivot: { ...(slide.pivot ?? DEFAULT_PIVOT_OPTIONS), showAs } })}
                testId="slide-show-as"
              />
              <TopNSelect label={t('packs.topN')} value={slide.pivot?.top ?? 0} onChange={(top) => change({ pivot: { ...(slide.pivot ?? DEFAULT_PIVOT_OPTIONS), top } })} testId="slide-top-n" />
            </>
          )}
          {slide.show !== 'table' && (
            <label>
              {t('packs.chart')}
              <select value={slide.chart} onChange={(e) => change({ chart: e.target.value as 'line' })} data-testid="slide-chart">
                {chartTypesFor(slide.spec.measure).map((c) => (
                  <option key={c} value={c}>
                    {t(`packs.chartType.${c}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      )}
    </fieldset>
  );
}
