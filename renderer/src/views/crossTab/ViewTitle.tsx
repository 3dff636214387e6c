import type { ViewSpec } from '../../../../shared/spec';
import { useBluehelm } from '../../store';
import { describeScope, describeSpec } from '../../../../shared/present/describe';

/** States the computed view in words, filters included, so a screenshot of the grid explains itself. */
export function ViewTitle({ spec }: { spec: ViewSpec }) {
  const lang = useBluehelm((s) => s.lang);
  const lookups = useBluehelm((s) => s.lookups);
  const described = describeSpec(spec, lang, lookups);
  const scope = describeScope(described, lang);
  return (
    <div className="bh-view-title" data-testid="view-title">
      <h2>{described.title}</h2>
      {scope && <p>{scope}</p>}
    </div>
  );
}
