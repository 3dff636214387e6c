import { phrase } from '../../../../shared/present/phrases';
import { useBluehelm } from '../../store';

/**
 * Carried by each view itself, so a view cut out of the window (a screenshot, a slide) still says what it is.
 * Worded by the same phrase as the chart's watermark, so the view and its chart never mark it differently.
 */
export function SyntheticMark({ on }: { on: boolean }) {
  const lang = useBluehelm((s) => s.lang);
  if (!on) return null;
  return (
    <span className="bh-synthetic-mark" data-testid="synthetic-mark">
      {phrase('syntheticMark', lang)}
    </span>
  );
}
