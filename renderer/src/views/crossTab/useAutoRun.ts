import { useEffect } from 'react';
import { useBluehelm } from '../../store';

const DEBOUNCE_MS = 250;

/** Recomputes the view shortly after the analyst stops changing it, or when new data arrives. */
export function useAutoRun(): void {
  const draft = useBluehelm((s) => s.draft);
  const dataVersion = useBluehelm((s) => s.dataVersion);
  const run = useBluehelm((s) => s.runCrossTab);
  useEffect(() => {
    const timer = setTimeout(() => void run(), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, dataVersion, run]);
}
