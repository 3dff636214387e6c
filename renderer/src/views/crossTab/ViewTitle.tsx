import { useTranslation } from 'react-i18next';
import type { ViewSpec } from '../../../../shared/spec';
import { useBluehelm } from '../../store';
import { describeSpec } from '../../../../shared/present/describe';

/** States the computed view in words, filters included, so a screenshot of the grid explains itself. */
export function ViewTitle({ spec }: { spec: ViewSpec }) {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const lookups = useBluehelm((s) => s.lookups);
  const { title, filters, dates } = describeSpec(spec, lang, lookups);
  const said = dates ? [...filters, dates] : filters;
  return (
    <div className="bh-view-title" data-testid="view-title">
      <h2>{title}</h2>
      {said.length > 0 && <p>{said.join(' · ')}</p>}
    </div>
  );
}
