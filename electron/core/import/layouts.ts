import { deploymentsDataHubLayout, deploymentsOpenDataLayout } from './deployments';
import { fatalitiesLayout } from './fatalities';
import { acledLayout, iedTemplateLayout } from './ied';
import type { Kind, Layout } from './types';

/** Every layout Bluehelm can read, in the order detection tries them. */
export const LAYOUTS: Layout<any>[] = [fatalitiesLayout, deploymentsDataHubLayout, deploymentsOpenDataLayout, acledLayout, iedTemplateLayout];

export function detectLayout(header: string[]): Layout<unknown> | undefined {
  return LAYOUTS.find((l) => l.matches(header));
}

/**
 * The layout a header comes closest to (the largest share of its columns present; the earlier on a
 * tie), with the columns it lacks: what a refusal tells the analyst instead of a list of layout names.
 */
export function nearestLayout(header: string[]): { layout: Layout<unknown>; missing: string[] } {
  const present = new Set(header.map((h) => h.trim().toLowerCase()));
  let best = { layout: LAYOUTS[0], missing: [...LAYOUTS[0].columns], share: -1 };
  for (const layout of LAYOUTS) {
    const missing = layout.columns.filter((c) => !present.has(c));
    const share = (layout.columns.length - missing.length) / layout.columns.length;
    if (share > best.share) best = { layout, missing, share };
  }
  return { layout: best.layout, missing: best.missing };
}

export function layoutsOfKind(kind: Kind): Layout<unknown>[] {
  return LAYOUTS.filter((l) => l.kind === kind);
}
