import { useTranslation } from 'react-i18next';
import { explain, type ReconciledFigure } from '../../../../shared/reconcile';
import { useBluehelm } from '../../store';
import { describeSpec } from '../../../../shared/present/describe';
import { figureValue, quoteLang, signedDifference } from './figureFormat';
import { StatusBadge } from './StatusBadge';
import { AddToPack } from '../packs/AddToPack';

/** One published figure beside its recomputation, with what it was recomputed as and why it may differ. */
export function FigureRow({ item }: { item: ReconciledFigure }) {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const lookups = useBluehelm((s) => s.lookups);
  const openFigure = useBluehelm((s) => s.openFigure);
  const { figure, status } = item;
  const doc = figure.document;
  const zh = lang === 'zh';
  const docTitle = zh ? doc.title_zh : doc.title;
  const note = zh ? figure.note_zh : figure.note;
  const quoteIn = quoteLang(figure.quote);
  const spec = describeSpec(figure.spec, lang, lookups);
  // Chinese separates the parts of a description with a full-width semicolon, as describeScope does.
  const sep = zh ? '；' : ' · ';
  return (
    <tr data-testid="figure-row" data-figure-id={figure.id} data-status={status}>
      <td className="bh-fig-doc">
        <strong title={docTitle}>{doc.symbol ?? docTitle}</strong>
        <span>{zh ? doc.locator_zh : doc.locator}</span>
        <span>{doc.date}</span>
      </td>
      <td className="bh-fig-quote">
        {/* A quote in the other language is read through Bluehelm's translation, marked as one, with the original beside it. */}
        {(quoteIn === 'en') === zh ? (
          <>
            <q lang={zh ? 'zh-CN' : 'en'} data-testid="figure-translation">
              {figure.quote_translation}
            </q>
            <span className="bh-fig-quote-lang">{t('figures.translation')}</span>
            <span className="bh-fig-original">
              <span className="bh-fig-quote-lang">{t('figures.quoteLanguage')}</span> <q lang={quoteIn} data-testid="figure-quote">{figure.quote}</q>
            </span>
          </>
        ) : (
          <q lang={quoteIn} data-testid="figure-quote">
            {figure.quote}
          </q>
        )}
        {figure.quoted_by && (
          <p className="bh-fig-secondary" data-testid="figure-quoted-by">
            {t('figures.quotedBy', { source: figure.quoted_by })}
          </p>
        )}
        <p className="bh-help" title={note}>
          <span className="bh-fig-as">{t('figures.recomputedAs')}</span>
          {[spec.title, ...spec.filters].join(sep)}
          {spec.dates && (
            <>
              {sep}
              <span className="bh-nowrap">{spec.dates}</span>
            </>
          )}
        </p>
      </td>
      <td className="bh-num" data-testid="figure-published">
        {figureValue(figure.value, figure.unit, lang)}
      </td>
      <td className="bh-num" data-testid="figure-recomputed">
        {figureValue(item.recomputed, figure.unit, lang)}
      </td>
      <td className="bh-num" data-testid="figure-difference">
        {signedDifference(item.difference, lang)}
      </td>
      <td>
        <StatusBadge status={status} />
      </td>
      <td className="bh-fig-reason">
        {item.why.map((e, i) => (
          <p key={i}>{explain(e, lang)}</p>
        ))}
        {item.caveats.length > 0 && (
          <ul>
            {item.caveats.map((c, i) => (
              <li key={i}>{explain(c, lang)}</li>
            ))}
          </ul>
        )}
      </td>
      <td>
        <button type="button" className="bh-button bh-small" data-testid="open-crosstab" onClick={() => openFigure(item)}>
          {t('figures.openCrossTab')}
        </button>
        <AddToPack testId="add-figure-to-pack" slide={() => ({ kind: 'figures', figures: [figure.id] })} />
      </td>
    </tr>
  );
}
