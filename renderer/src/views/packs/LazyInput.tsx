import { useEffect, useState } from 'react';

/** A text field that stores its value when the analyst leaves it (or presses Enter), not on every key. */
export function LazyInput({ value, onCommit, maxLength, multiline = false, testId }: { value: string; onCommit: (v: string) => void; maxLength: number; multiline?: boolean; testId?: string }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  return multiline ? (
    <textarea value={draft} maxLength={maxLength} rows={3} onChange={(e) => setDraft(e.target.value)} onBlur={commit} data-testid={testId} />
  ) : (
    <input
      value={draft}
      maxLength={maxLength}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
      data-testid={testId}
    />
  );
}
