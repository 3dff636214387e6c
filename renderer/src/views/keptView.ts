import { useEffect } from 'react';
import { useBluehelm } from '../store';
import { draftOf, specOf } from '../store/viewSlice';
import { readViewHash, viewHash } from './viewHash';

/** Text the analyst types into keeps the browser's own undo; everywhere else Ctrl+Z undoes a change of the view. */
function typesText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

/**
 * Keeps the view in the URL's hash, both ways: each change of the view, tab or chart settings adds a history
 * entry (so back and forward step through views), and a hash that changes under it (back, forward, a pasted
 * link, a reload) is loaded. Also binds Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) to undo and redo.
 */
export function useKeptView(): void {
  useEffect(() => {
    const current = () => {
      const s = useBluehelm.getState();
      return viewHash({ spec: specOf(s.draft), tab: s.tab, trend: s.trendOptions });
    };
    // While an address is being loaded, the changes it makes are not new history entries.
    let loading = false;
    const apply = () => {
      const asked = readViewHash(window.location.hash);
      const s = useBluehelm.getState();
      loading = true;
      if (asked.spec && JSON.stringify(specOf(s.draft)) !== JSON.stringify(specOf(draftOf(asked.spec)))) s.loadSpec(asked.spec);
      if (asked.tab && asked.tab !== s.tab) s.setTab(asked.tab);
      if (Object.keys(asked.trend).length > 0) s.setTrendOptions(asked.trend);
      loading = false;
      // The address is rewritten in its canonical form (a partial or mangled link shows what is on screen).
      if (current() !== window.location.hash) window.history.replaceState(null, '', current());
    };
    apply();
    // The view a link or a reload opens on is where undo starts, not a step back to the default view.
    useBluehelm.setState({ past: [], future: [] });
    // The history entry is written after the frame that shows the change: pushState costs the browser a
    // round trip to its history (tens of ms on a busy machine), which the new numbers need not wait for.
    // Changes made within one frame become one entry, the last view's.
    let pending = 0;
    const push = () => {
      pending = 0;
      const hash = current();
      if (hash !== window.location.hash) window.history.pushState(null, '', hash);
    };
    const unsubscribe = useBluehelm.subscribe((s, before) => {
      if (loading || (s.draft === before.draft && s.tab === before.tab && s.trendOptions === before.trendOptions)) return;
      if (!pending) pending = requestAnimationFrame(() => setTimeout(push));
    });
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || typesText(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) useBluehelm.getState().undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') useBluehelm.getState().redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('popstate', apply);
    window.addEventListener('hashchange', apply);
    window.addEventListener('keydown', onKey);
    return () => {
      if (pending) cancelAnimationFrame(pending);
      unsubscribe();
      window.removeEventListener('popstate', apply);
      window.removeEventListener('hashchange', apply);
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}
