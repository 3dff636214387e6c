import { deploymentsDataHubLayout, deploymentsOpenDataLayout } from './deployments';
import { fatalitiesLayout } from './fatalities';
import { acledLayout, iedTemplateLayout } from './ied';
import type { Kind, Layout } from './types';

/** Every layout Bluehelm can read, in the order detection tries them. */
export const LAYOUTS: Layout<any>[] = [fatalitiesLayout, deploymentsDataHubLayout, deploymentsOpenDataLayout, acledLayout, iedTemplateLayout];

export function detectLayout(header: string[]): Layout<unknown> | undefined {
  return LAYOUTS.find((l) => l.matches(header));
}

export function layoutsOfKind(kind: Kind): Layout<unknown>[] {
  return LAYOUTS.filter((l) => l.kind === kind);
}
