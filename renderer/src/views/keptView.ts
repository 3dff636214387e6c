import { useEffect } from 'react';
import { api } from '../api/client';
import { useBluehelm } from '../store';
import type { BluehelmState } from '../store';
import { draftOf, specOf } from '../store/viewSlice';
import { afterWorkspaceSwitch, beforeWorkspaceSwitch } from '../store/resets';
import { DEFAULT_PIVOT_OPTIONS, pivotKey } from '../../../shared/present/pivot';
import { DEFAULT_MAP_OPTIONS } from '../../../shared/present/mapSpec';
import { keptHash, keptSettings, readViewHash, viewHash } from './viewHash';

/**
 * The last view is written to the workspace once the analyst pauses, not on every click of a quick sequence:
 * a write waits for the disk (synchronous=FULL) on the thread that also answers the next change.
 */
const KEEP_AFTER_MS = 1000;

/** Opens a saved view as a new step of history (back returns to the view before it; Ctrl+Z undoes it). */
export function openKeptView(view: { spec: object; tab: string; chart: Record<string, unknown> }): void {
  window.location.hash = keptHash(view as Parameters<typeof keptHash>[0]);
}

/** Text the analyst types into keeps the browser's own undo; everywhere else Ctrl+Z undoes a change of the view. */
function typesText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

/** The address of a state's view. */
function hashOf(s: BluehelmState): string {
  return viewHash({ spec: specOf(s.draft), tab: s.tab, trend: s.trendOptions, pivot: s.pivotOptions, map: s.mapOptions });
}

/** The address of the view on screen. */
const currentHash = () => hashOf(useBluehelm.getState());

/** The view a workspace opens on when it kept none: the one the app starts with. */
const defaultHash = () => hashOf(useBluehelm.getInitialState());

// While an address is being loaded, the changes it makes are not new history entries.
let loading = false;

/** Shows the view the address asks for. */
function showAddress(): void {
  const asked = readViewHash(window.location.hash);
  const s = useBluehelm.getState();
  loading = true;
  try {
    if (asked.spec && JSON.stringify(specOf(s.draft)) !== JSON.stringify(specOf(draftOf(asked.spec)))) s.loadSpec(asked.spec);
    if (asked.tab && asked.tab !== s.tab) s.setTab(asked.tab);
    if (Object.keys(asked.trend).length > 0) s.setTrendOptions(asked.trend);
    // An address without pivot options is one of the default way of showing values (they are left out then).
    const pivot = asked.pivot ?? DEFAULT_PIVOT_OPTIONS;
    if (pivotKey(pivot) !== pivotKey(s.pivotOptions)) useBluehelm.setState({ pivotOptions: pivot });
    // Likewise the map's: an address without them draws the default map.
    const map = asked.map ?? DEFAULT_MAP_OPTIONS;
    if (map.by !== s.mapOptions.by || map.points !== s.mapOptions.points) useBluehelm.setState({ mapOptions: map });
  } finally {
    loading = false;
  }
  // The address is rewritten in its canonical form (a partial or mangled link shows what is on screen).
  if (currentHash() !== window.location.hash) window.history.replaceState(null, '', currentHash());
}

/** Opens a view the workspace kept in place of the one on screen; undo starts from it. */
function openKept(hash: string): void {
  window.history.replaceState(null, '', hash);
  showAddress();
  useBluehelm.setState({ past: [], future: [] });
}

// The last view written to the workspace, and the write waiting for the analyst to pause.
let kept = '';
let keeping: { timer: ReturnType<typeof setTimeout>; write: () => Promise<void> } | null = null;

function keepLast(): void {
  if (keeping) clearTimeout(keeping.timer);
  const write = async () => {
    keeping = null;
    const s = useBluehelm.getState();
    const view = { spec: specOf(s.draft), tab: s.tab, chart: keptSettings(s) };
    if (JSON.stringify(view) === kept) return;
    kept = JSON.stringify(view);
    // A workspace that cannot be written (a read-only copy) still shows every view; only the next start forgets it.
    await api.viewKeepLast(view).catch(() => undefined);
  };
  keeping = { timer: setTimeout(() => void write(), KEEP_AFTER_MS), write };
}

// A switch to another workspace first writes the view on screen as the last view of the one being left (a
// write still waiting would otherwise land in the new one), then opens the new one's last view, or the
// default view if it kept none.
beforeWorkspaceSwitch('lastView', async () => {
  if (!keeping) return;
  clearTimeout(keeping.timer);
  await keeping.write();
});
afterWorkspaceSwitch('lastView', async () => {
  const last = await api.viewLast({}).catch(() => null);
  kept = last ? JSON.stringify(last) : '';
  openKept(last ? keptHash(last) : defaultHash());
});

/**
 * Keeps the view in the URL's hash, both ways (and the last one in the workspace, reopened at the next start
 * when the address names no view): each change of the view, tab or chart settings adds a history
 * entry (so back and forward step through views), and a hash that changes under it (back, forward, a pasted
 * link, a reload) is loaded. Also binds Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) to undo and redo.
 */
export function useKeptView(): void {
  useEffect(() => {
    const linked = readViewHash(window.location.hash).spec !== undefined;
    showAddress();
    // The view a link or a reload opens on is where undo starts, not a step back to the default view.
    useBluehelm.setState({ past: [], future: [] });
    let changed = false;
    // The history entry is written after the frame that shows the change: pushState costs the browser a
    // round trip to its history (tens of ms on a busy machine), which the new numbers need not wait for.
    // Changes made within one frame become one entry, the last view's.
    let pending = 0;
    const push = () => {
      pending = 0;
      const hash = currentHash();
      if (hash !== window.location.hash) window.history.pushState(null, '', hash);
    };
    const unsubscribe = useBluehelm.subscribe((s, before) => {
      if (s.draft === before.draft && s.tab === before.tab && s.trendOptions === before.trendOptions && s.pivotOptions === before.pivotOptions && s.mapOptions === before.mapOptions) return;
      changed = true;
      keepLast();
      if (loading) return;
      if (!pending) pending = requestAnimationFrame(() => setTimeout(push));
    });
    // With no view in the address, the workspace's last view reopens, unless the analyst has already moved on.
    if (!linked) {
      api
        .viewLast({})
        .then((last) => {
          if (!last || changed) return;
          openKept(keptHash(last));
        })
        // Unreadable, it is as if none was kept: the default view stays.
        .catch(() => undefined);
    }
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || typesText(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) useBluehelm.getState().undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') useBluehelm.getState().redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('popstate', showAddress);
    window.addEventListener('hashchange', showAddress);
    window.addEventListener('keydown', onKey);
    return () => {
      if (keeping) clearTimeout(keeping.timer);
      keeping = null;
      if (pending) cancelAnimationFrame(pending);
      unsubscribe();
      window.removeEventListener('popstate', showAddress);
      window.removeEventListener('hashchange', showAddress);
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}
