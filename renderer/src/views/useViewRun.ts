import { useEffect } from 'react';
import { useBluehelm } from '../store';

const DEBOUNCE_MS = 250;

/** Reruns a view's computation shortly after the analyst stops changing the view, or when new data arrives. */
export function useViewRun(run: () => Promise<unknown>): void {
  const draft = useBluehelm((s) => s.draft);
  const dataVersion = useBluehelm((s) => s.dataVersion);
  useEffect(() => {
    const timer = setTimeout(() => void run(), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, dataVersion, run]);
}
