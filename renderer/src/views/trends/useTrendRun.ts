import { useEffect } from 'react';
import { useBluehelm } from '../../store';

const DEBOUNCE_MS = 250;

/** Redraws the chart shortly after the view changes or new data arrives, while the Trends tab is open. */
export function useTrendRun(): void {
  const draft = useBluehelm((s) => s.draft);
  const dataVersion = useBluehelm((s) => s.dataVersion);
  const run = useBluehelm((s) => s.runTrend);
  useEffect(() => {
    const timer = setTimeout(() => void run(), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, dataVersion, run]);
}
