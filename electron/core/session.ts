import fs from 'node:fs';
import path from 'node:path';
import { verifyWorkspaceFile, type Db } from './db/open';
import { listBackups, restoreBackup, type BackupEntry } from './db/backup';
import { WorkspaceDamaged, workspaceProblem } from './db/errors';
import { writeDemoWorkspace } from './demo/workspace';
import { Workspace, workspaceKind } from './workspace';
import { userDataDir } from './paths';


export interface RecentWorkspace {
  path: string;
  kind: 'empty' | 'real' | 'demo';
  openedAt: string;
}

export function demoWorkspacePath(dataDir = userDataDir()): string {
  return path.join(dataDir, 'demo-workspace.sqlite');
}

export function defaultWorkspacePath(dataDir = userDataDir()): string {
  return path.join(dataDir, 'workspace.sqlite');
}

/** Opens (creating if need be) the synthetic demo workspace file and fills it on first use. */
export function ensureDemoWorkspace(file: string): void {
  const ws = new Workspace(file);
  try {
    if (workspaceKind(ws.db) === 'empty') writeDemoWorkspace(ws.db, file);
  } finally {
    ws.close();
  }
}

/**
 * Which workspace a start opens: the one named (--db or $BLUEHELM_DB), else the analyst's own
 * workspace if it exists, else, on a first start with no workspace, the synthetic demo.
 */
export function startupWorkspace(named: string | undefined, dataDir = userDataDir()): { path: string; firstStart: boolean } {
  if (named) return { path: path.resolve(named), firstStart: false };
  const own = defaultWorkspacePath(dataDir);
  if (fs.existsSync(own)) return { path: own, firstStart: false };
  const demo = demoWorkspacePath(dataDir);
  ensureDemoWorkspace(demo);
  return { path: demo, firstStart: true };
}

/**
 * Opens the session a door starts with. A damaged workspace that has a backup is offered back
 * (`offerRestore` asks the analyst; the app shows a dialog): on yes the newest backup is restored,
 * the damaged file kept aside as a backup, and the session opened on it.
 */
export async function openSession(file: string, offerRestore: (problem: string, backup: BackupEntry) => Promise<boolean>, dataDir = userDataDir()): Promise<Session> {
  try {
    return new Session(file, dataDir);
  } catch (e) {
    const problem = workspaceProblem(e, file);
    const newest = listBackups(file)[0];
    if (!(problem instanceof WorkspaceDamaged) || !newest || !(await offerRestore(problem.message, newest))) throw problem ?? e;
    restoreBackup(file, newest.file, verifyWorkspaceFile);
    return new Session(file, dataDir);
  }
}

/** The workspace a door has open, and the switch between workspace files. */
export class Session {
  current: Workspace;
  private readonly recentFile: string;

  constructor(
    file: string,
    private readonly dataDir = userDataDir(),
    private readonly onSwitch: (ws: Workspace) => void = () => undefined,
  ) {
    this.recentFile = path.join(dataDir, 'recent-workspaces.json');
    this.current = new Workspace(file);
    this.remember();
  }

  get db(): Db {
    return this.current.db;
  }

  /**
   * Opens a workspace the page asked for. A page may only name files the analyst already opened
   * (the recent list) or files in the app-data folder: script in a page must never choose where files are created.
   */
  openFromPage(file: string): Workspace {
    const resolved = path.resolve(file);
    const known = this.recent().some((r) => r.path === resolved) || path.dirname(resolved) === path.resolve(this.dataDir);
    if (!known) throw new WorkspacePathError(`${file}: not a workspace Bluehelm has opened; open it once with --db or from the desktop app's Open dialog`);
    // Only an existing, recognised workspace: a page never creates a file by naming it.
    return this.open(resolved, { create: false });
  }

  open(file: string, options: { create?: boolean } = {}): Workspace {
    const resolved = path.resolve(file);
    if (!/\.(sqlite|bluehelm|db)$/i.test(resolved)) throw new WorkspacePathError(`${file}: a workspace file ends in .sqlite, .bluehelm or .db`);
    if (resolved === this.current.path) return this.current;
    const next = new Workspace(resolved, options);
    this.current.close();
    this.current = next;
    this.remember();
    this.onSwitch(next);
    return next;
  }

  openDemo(): Workspace {
    const file = demoWorkspacePath(this.dataDir);
    if (file !== this.current.path) ensureDemoWorkspace(file);
    return this.open(file);
  }

  /**
   * A new workspace of the analyst's own, for real data, in the app-data folder: named, or the default
   * file (the next free name beside it when the default holds the demo).
   */
  createReal(name?: string): Workspace {
    if (name !== undefined && !/^[\p{L}\p{N} _-]{1,64}$/u.test(name)) throw new WorkspacePathError(`"${name}": a workspace name is letters, digits, spaces, _ and - (at most 64)`);
    let target = name ? path.join(this.dataDir, `${name}.sqlite`) : defaultWorkspacePath(this.dataDir);
    if (!name) for (let i = 2; fs.existsSync(target) && !this.isEmptyOrReal(target); i++) target = path.join(this.dataDir, `workspace-${i}.sqlite`);
    if (name && fs.existsSync(target)) throw new WorkspacePathError(`a workspace named "${name}" exists already`);
    return this.open(target);
  }

  /** The backups of the open workspace, newest first. */
  backups(): BackupEntry[] {
    return listBackups(this.current.path);
  }

  /**
   * Brings back one of the open workspace's own backups (a page can name no other file). Every
   * connection to the workspace is closed first, and it is opened again whatever happens.
   */
  async restore(backup: string): Promise<Workspace> {
    const chosen = this.backups().find((b) => b.file === path.resolve(backup));
    if (!chosen) throw new WorkspacePathError(`${backup}: not a backup of ${this.current.path}`);
    if (this.current.jobs.running()) throw new WorkspacePathError('an import is running: restore once it has finished');
    const file = this.current.path;
    await this.current.closeFully();
    try {
      restoreBackup(file, chosen.file, verifyWorkspaceFile);
    } finally {
      this.current = new Workspace(file, { create: false });
      this.onSwitch(this.current);
    }
    return this.current;
  }

  recent(): RecentWorkspace[] {
    try {
      const list = JSON.parse(fs.readFileSync(this.recentFile, 'utf8')) as RecentWorkspace[];
      return list.filter((r) => fs.existsSync(r.path));
    } catch {
      return [];
    }
  }

  close(): void {
    this.current.close();
  }

  private isEmptyOrReal(file: string): boolean {
    const ws = new Workspace(file);
    try {
      return workspaceKind(ws.db) !== 'demo';
    } finally {
      ws.close();
    }
  }

  private remember(): void {
    const entry: RecentWorkspace = { path: this.current.path, kind: workspaceKind(this.current.db), openedAt: new Date().toISOString() };
    const list = [entry, ...this.recent().filter((r) => r.path !== entry.path)].slice(0, 10);
    fs.mkdirSync(this.dataDir, { recursive: true });
    fs.writeFileSync(this.recentFile, JSON.stringify(list, null, 2));
  }
}

export class WorkspacePathError extends Error {}
