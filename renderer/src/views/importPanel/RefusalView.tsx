import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../../shared/contract';

type Refusal = NonNullable<ImportJob['refusal']>;

/**
 * A refused file in the analyst's language, from the core's code and facts: where (file, line,
 * field), why, and for an unknown header the nearest layout's columns with the missing ones marked.
 */
export function RefusalView({ refusal }: { refusal: Refusal }) {
  const { t } = useTranslation();
  const { detail } = refusal;
  // A column keeps its name as the file spells it; only the header itself is a word of the UI.
  const field = refusal.field === null ? '—' : t(`refusal.fieldName.${refusal.field}`, { defaultValue: refusal.field });
  const where = t('refusal.where', { file: refusal.file, line: refusal.line ?? '—', field });
  if (detail.code === 'wrong_kind') {
    return (
      <div data-testid="refusal" data-code={detail.code}>
        <p className="bh-refusal-where">{where}</p>
        <p>{t('refusal.wrong_kind', { layout: t(`layout.${detail.layout}`), wanted: t(`subject.${detail.wanted}`) })}</p>
      </div>
    );
  }
  if (detail.code !== 'unknown_layout') {
    return (
      <div data-testid="refusal" data-code={detail.code}>
        <p className="bh-refusal-where">{where}</p>
        <p>{detail.code === 'csv' ? t(`refusal.csv.${detail.problem}`, { offset: detail.offset, byte: detail.byte, looksLike: detail.looksLike && t(`refusal.encoding.${detail.looksLike}`) }) : t(`refusal.${detail.code}`, detail)}</p>
      </div>
    );
  }
  const missing = new Set(detail.missing);
  return (
    <div data-testid="refusal" data-code={detail.code}>
      <p className="bh-refusal-where">{where}</p>
      <p>{t('refusal.unknown_layout', { layout: t(`layout.${detail.layout}`) })}</p>
      <p className="bh-refusal-columns">
        <span className="bh-refusal-label">{t('refusal.expected')}:</span>{' '}
        {detail.expected.map((c) => (
          <code key={c} className={missing.has(c) ? 'bh-missing' : undefined} data-testid="expected-column">
            {c}
          </code>
        ))}
      </p>
      <p className="bh-refusal-columns">
        <span className="bh-refusal-label">{t('refusal.missing')}:</span>{' '}
        {detail.missing.map((c) => (
          <code key={c} className="bh-missing" data-testid="missing-column">
            {c}
          </code>
        ))}
      </p>
    </div>
  );
}
