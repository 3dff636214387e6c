import type { Db } from './db/open';

export type WorkspaceKind = 'empty' | 'real' | 'demo';

/** A workspace is real or a synthetic demo for its whole life; the first import decides which. */
export function workspaceKind(db: Db): WorkspaceKind {
  const row = db.prepare(`SELECT value FROM workspace_meta WHERE key = 'kind'`).pluck().get() as string | undefined;
  if (row === 'demo' || row === 'real') return row;
  const any = db.prepare(`SELECT synthetic FROM dataset LIMIT 1`).pluck().get() as number | undefined;
  if (any === undefined) return 'empty';
  return any === 1 ? 'demo' : 'real';
}

export function isSynthetic(db: Db): boolean {
  return workspaceKind(db) === 'demo';
}
