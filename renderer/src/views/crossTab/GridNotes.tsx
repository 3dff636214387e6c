import { useTranslation } from 'react-i18next';
import type { CrossTab } from '../../../../shared/spec';
import { formatNumber } from '../../../../shared/present/format';
import { phrase } from '../../../../shared/present/phrases';
import { useBluehelm } from '../../store';

/** What the analyst needs to trust the numbers: why cells are blank, how fast, and which files. */
export function GridNotes({ table, hint }: { table: CrossTab; hint?: string }) {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  return (
    <footer className="bh-notes" data-testid="grid-notes">
      {table.blankReason && <p className="bh-note-blank">{phrase('blank', lang, { reason: phrase(`blank_${table.blankReason}`, lang) })}</p>}
      {(table.rate?.grandTotal?.excluded ?? 0) > 0 && (
        <p className="bh-note-blank" data-testid="excluded-deaths">
          {phrase('excludedDeaths', lang, { count: table.rate!.grandTotal!.excluded })}
        </p>
      )}
      <p>
        {hint && <span>{hint}</span>}
        <span>{t('grid.elapsed', { ms: formatNumber(Math.round(table.elapsedMs * 10) / 10, lang) })}</span>
        {table.sources.map((s) => (
          <span key={s.id} className="bh-source" title={s.sha256}>
            {t('grid.sources')}
            {lang === 'zh' ? '：' : ': '}
            <strong>{s.fileName}</strong> {t('grid.sha')} <code>{s.sha256.slice(0, 12)}</code>
            {s.synthetic && <span className="bh-flag">{t('synthetic.flag')}</span>}
          </span>
        ))}
      </p>
    </footer>
  );
}
