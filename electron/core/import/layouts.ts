import { fatalitiesLayout } from './fatalities';
import type { Kind, Layout } from './types';

/** Every layout Bluehelm can read, in the order detection tries them. */
export const LAYOUTS: Layout<any>[] = [fatalitiesLayout];

export function detectLayout(header: string[]): Layout<unknown> | undefined {
  return LAYOUTS.find((l) => l.matches(header));
}

export function layoutsOfKind(kind: Kind): Layout<unknown>[] {
  return LAYOUTS.filter((l) => l.kind === kind);
}
