import { useTranslation } from 'react-i18next';
import { useBluehelm } from '../../store';
import { formatNumber } from '../../../../shared/present/format';
import { SyntheticMark } from './SyntheticMark';

/** Every imported file with its fingerprint: what the numbers on screen were computed from. */
export function DatasetsList() {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const datasets = useBluehelm((s) => s.info?.datasets ?? []);
  const synthetic = useBluehelm((s) => s.info?.synthetic ?? false);
  if (datasets.length === 0) return <p className="bh-help">{t('datasets.none')}</p>;
  return (
    <section className="bh-datasets" data-testid="datasets-list">
      <div className="bh-view-head">
        <h2>{t('datasets.title')}</h2>
        <SyntheticMark on={synthetic} />
      </div>
      <table>
        <thead>
          <tr>
            <th>{t('datasets.file')}</th>
            <th>{t('datasets.kind')}</th>
            <th className="bh-num">{t('datasets.rows')}</th>
            <th className="bh-num">{t('datasets.rejected')}</th>
            <th>{t('datasets.imported')}</th>
            <th>{t('datasets.sha')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {datasets.map((d) => (
            <tr key={d.id}>
              <td className="bh-file">{d.file_name}</td>
              <td>{t(`kind.${d.kind}`)}</td>
              <td className="bh-num">{formatNumber(d.rows_read, lang)}</td>
              <td className={d.rejected ? 'bh-num bh-warn' : 'bh-num'}>{formatNumber(d.rejected, lang)}</td>
              <td>{new Date(d.imported_at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')}</td>
              <td>
                <code title={d.sha256}>{d.sha256.slice(0, 12)}</code>
              </td>
              <td>{d.synthetic && <span className="bh-flag">{t('synthetic.flag')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
