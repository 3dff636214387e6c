import { useEffect } from 'react';
import { useBluehelm } from '../store';

/**
 * Reruns a view's computation as soon as the view changes or new data arrives: no pause to wait for.
 * A newer change supersedes an older one still running, because only the latest request may write
 * its answer (store/latestOnly.ts).
 */
export function useViewRun(run: () => Promise<unknown>): void {
  const draft = useBluehelm((s) => s.draft);
  const dataVersion = useBluehelm((s) => s.dataVersion);
  useEffect(() => {
    void run();
  }, [draft, dataVersion, run]);
}
