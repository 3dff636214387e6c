import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { isDesktop } from '../../api/client';
import { useBluehelm } from '../../store';
import { KindBadge } from './KindBadge';
import { WorkspacePath } from './WorkspacePath';

/** Closes a popup on a click outside it or on Escape, the way menus do. */
function useDismiss(root: RefObject<HTMLElement | null>, open: boolean, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) close();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [root, open, close]);
}

function NewWorkspaceForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const switching = useBluehelm((s) => s.switching);
  const newWorkspace = useBluehelm((s) => s.newWorkspace);
  const [name, setName] = useState('');
  return (
    <form
      className="bh-switcher-new"
      onSubmit={(e) => {
        e.preventDefault();
        void newWorkspace(name.trim() || undefined).then((done) => done && onDone());
      }}
    >
      <input
        type="text"
        value={name}
        maxLength={64}
        placeholder={t('workspaces.namePlaceholder')}
        aria-label={t('workspaces.namePlaceholder')}
        data-testid="workspace-name"
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="bh-button primary bh-small" disabled={switching} data-testid="menu-new-workspace">
        {t('workspaces.new')}
      </button>
    </form>
  );
}

/** Which workspace file is open, and the way to another: recent files, a new one of one's own, the demo. */
export function WorkspaceSwitcher() {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const info = useBluehelm((s) => s.info);
  const recent = useBluehelm((s) => s.recent);
  const switching = useBluehelm((s) => s.switching);
  const switchError = useBluehelm((s) => s.switchError);
  const loadRecent = useBluehelm((s) => s.loadRecent);
  const openWorkspace = useBluehelm((s) => s.openWorkspace);
  const openDemo = useBluehelm((s) => s.openDemo);
  const chooseWorkspaceFile = useBluehelm((s) => s.chooseWorkspaceFile);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(root, open, close);

  useEffect(() => {
    if (open) void loadRecent();
  }, [open, loadRecent]);

  if (!info) return null;
  const after = (switched: Promise<boolean>) => void switched.then((done) => done && close());
  return (
    <div className="bh-switcher" ref={root}>
      <button type="button" className="bh-switcher-current" aria-haspopup="dialog" aria-expanded={open} data-testid="workspace-switcher" onClick={() => setOpen(!open)}>
        <span className="bh-label">{t('app.workspace')}</span>
        <KindBadge kind={info.kind} />
        <WorkspacePath path={info.path} />
        <span className="bh-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div className="bh-switcher-menu" role="dialog" aria-label={t('workspaces.title')} data-testid="workspace-menu">
          <h3>{t('workspaces.recent')}</h3>
          <ul>
            {recent.map((r) => {
              const current = r.path === info.path;
              return (
                <li key={r.path}>
                  <button type="button" disabled={current || switching} aria-current={current || undefined} data-testid="recent-workspace" onClick={() => after(openWorkspace(r.path))}>
                    {/* The open file's kind is read now; the others' as it was when they were last opened. */}
                    <KindBadge kind={current ? info.kind : r.kind} />
                    <WorkspacePath path={r.path} />
                    <span className="bh-help">{current ? t('workspaces.open') : new Date(r.openedAt).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB')}</span>
                  </button>
                </li>
              );
            })}
          </ul>
          {isDesktop() && (
            <button type="button" className="bh-button bh-small" disabled={switching} data-testid="open-workspace-file" onClick={() => after(chooseWorkspaceFile())}>
              {t('workspaces.openFile')}
            </button>
          )}
          <h3>{t('workspaces.newTitle')}</h3>
          <p className="bh-help">{t('workspaces.newHelp')}</p>
          <NewWorkspaceForm onDone={close} />
          <div className="bh-switcher-demo">
            <button type="button" className="bh-button bh-small" disabled={info.kind === 'demo' || switching} data-testid="open-demo" onClick={() => after(openDemo())}>
              {t('workspaces.openDemo')}
            </button>
            <span className="bh-help">{t('workspaces.demoHelp')}</span>
          </div>
          {switchError && (
            <p className="bh-error" role="alert">
              {switchError}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
