import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBluehelm } from '../../store';
import { SyntheticMark } from '../workspace/SyntheticMark';
import { FigureRow } from './FigureRow';
import { StatusFilter } from './StatusFilter';

/** Every figure the UN published that Bluehelm knows of, recomputed from the open workspace. */
export function PublishedFiguresView() {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const reconciliation = useBluehelm((s) => s.reconciliation);
  const error = useBluehelm((s) => s.figuresError);
  const loading = useBluehelm((s) => s.figuresLoading);
  const checkedFor = useBluehelm((s) => s.figuresVersion);
  const dataVersion = useBluehelm((s) => s.dataVersion);
  const filter = useBluehelm((s) => s.statusFilter);
  const loadFigures = useBluehelm((s) => s.loadFigures);

  useEffect(() => {
    if (checkedFor !== dataVersion) void loadFigures();
  }, [checkedFor, dataVersion, loadFigures]);

  const shown = reconciliation?.figures.filter((f) => filter === 'all' || f.status === filter) ?? [];
  return (
    <section className="bh-figures" data-testid="published-figures">
      <div className="bh-view-head">
        <div className="bh-view-title">
          <h2>{t('figures.title')}</h2>
          <p>{t('figures.what')}</p>
        </div>
        <SyntheticMark on={reconciliation?.synthetic ?? false} />
        {loading && <span className="bh-running">{t('figures.checking')}</span>}
      </div>
      {error && (
        <p className="bh-error" role="alert">
          {t('figures.failed', { message: error })}
        </p>
      )}
      {reconciliation && (
        <>
          <div className="bh-figures-bar">
            <StatusFilter reconciliation={reconciliation} />
            <span className="bh-help">{t('figures.checkedAt', { when: new Date(reconciliation.checkedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB') })}</span>
          </div>
          <div className="bh-figures-scroll">
            <table>
              {/* Fixed widths for the short columns, so the quote takes the room and the numbers line up. */}
              <colgroup>
                <col className="bh-col-doc" />
                <col />
                <col className="bh-col-num" />
                <col className="bh-col-num" />
                <col className="bh-col-num" />
                <col className="bh-col-status" />
                <col className="bh-col-reason" />
                <col className="bh-col-action" />
              </colgroup>
              <thead>
                <tr>
                  <th>{t('figures.document')}</th>
                  <th>{t('figures.quote')}</th>
                  <th className="bh-num">{t('figures.published')}</th>
                  <th className="bh-num">{t('figures.recomputed')}</th>
                  <th className="bh-num">{t('figures.difference')}</th>
                  <th>{t('figures.statusHeader')}</th>
                  <th>{t('figures.reason')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {shown.map((f) => (
                  <FigureRow key={f.figure.id} item={f} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
