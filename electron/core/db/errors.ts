import { listBackups } from './backup';

// What went wrong with a workspace file, in the analyst's words: one line naming the file, never a
// stack trace. Every door (CLI, serve, the app) reports these the same way.

/** A file that is not a workspace this Bluehelm may open: refused before anything is written to it. */
export class WorkspaceRefused extends Error {}

const DAMAGED = /^SQLITE_(CORRUPT|NOTADB)/;
const NOT_WRITABLE = /^SQLITE_(READONLY|CANTOPEN|PERM|AUTH)/;
const BUSY = /^SQLITE_(BUSY|LOCKED)/;

/** A workspace file SQLite finds damaged. The message names the way back: the newest backup (the app offers the same), else how to list them. */
export class WorkspaceDamaged extends WorkspaceRefused {
  constructor(
    readonly file: string,
    why: string,
  ) {
    const newest = listBackups(file)[0];
    const back = newest ? `The backup taken ${newest.takenAt} brings it back: bluehelm db restore ${newest.file} --db ${file}` : `Earlier copies: bluehelm db backups --db ${file}`;
    super(`${file}: the workspace file is damaged (${why}); nothing was changed. ${back}`);
  }
}

/** A SQLite failure of the workspace file as a one-line refusal, or undefined when it is not one (a bug: let it be seen). */
export function workspaceProblem(e: unknown, file: string): WorkspaceRefused | undefined {
  if (e instanceof WorkspaceRefused) return e;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined;
  const why = (e as Error).message;
  if (DAMAGED.test(code)) return new WorkspaceDamaged(file, why);
  if (NOT_WRITABLE.test(code)) return new WorkspaceRefused(`${file}: the workspace cannot be written (${why}); nothing was changed`);
  if (BUSY.test(code)) return new WorkspaceRefused(`${file}: another program is writing the workspace (${why}); nothing was changed, try again when it has finished`);
  if (code.startsWith('SQLITE_FULL')) return new WorkspaceRefused(`${file}: the disk is full (${why}); nothing was changed`);
  if (code.startsWith('SQLITE_IOERR')) return new WorkspaceRefused(`${file}: the workspace could not be read or written (${why}); nothing was changed`);
  return undefined;
}
