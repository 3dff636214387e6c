import { parseViewSpec, SpecError } from '../../../shared/spec';
import { keptViewSchema, type KeptViewInput, type SavedView, type SaveViewInput } from '../../../shared/views';
import type { Db } from '../db/open';
import { InvalidInput, NotFound } from '../errors';

// Saved views and the last view, kept in the workspace (migration 005): the same views on every door and
// on any machine the workspace file is carried to. Serve mode runs on a new port each start, so the
// browser's own storage (per origin) would lose them at every restart.

interface Row {
  id: number;
  name: string;
  spec: string;
  tab: string;
  chart: string;
  note: string;
  created_at: string;
  updated_at: string;
}

/** The spec is checked as any view is (a measure with a dimension it does not apply to is refused), naming the field. */
function checkedSpec(spec: unknown): ReturnType<typeof parseViewSpec> {
  try {
    return parseViewSpec(spec);
  } catch (e) {
    if (e instanceof SpecError) throw new InvalidInput(`spec: ${e.message}`);
    throw e;
  }
}

function fromRow(r: Row): SavedView {
  return { id: r.id, name: r.name, spec: checkedSpec(JSON.parse(r.spec)), tab: r.tab, chart: JSON.parse(r.chart), note: r.note, createdAt: r.created_at, updatedAt: r.updated_at };
}

export function listViews(db: Db): SavedView[] {
  return (db.prepare(`SELECT * FROM saved_view ORDER BY name COLLATE NOCASE, id`).all() as Row[]).map(fromRow);
}

export function getView(db: Db, id: number): SavedView {
  const row = db.prepare(`SELECT * FROM saved_view WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw new NotFound(`no saved view with id ${id}`);
  return fromRow(row);
}

function nameTaken(db: Db, name: string, except?: number): boolean {
  return db.prepare(`SELECT 1 FROM saved_view WHERE name = ? AND id IS NOT ?`).get(name, except ?? null) !== undefined;
}

/** Saves a new view (no id) or replaces one: its name, spec, tab, chart settings and note. */
export function saveView(db: Db, input: Omit<SaveViewInput, 'spec'> & { spec: unknown }): SavedView {
  const spec = checkedSpec(input.spec);
  const name = input.name.trim();
  if (nameTaken(db, name, input.id)) throw new InvalidInput(`name: a view named "${name}" exists already`);
  const now = new Date().toISOString();
  const values = [name, JSON.stringify(spec), input.tab, JSON.stringify(input.chart ?? {}), input.note ?? ''];
  if (input.id === undefined) {
    const id = db.prepare(`INSERT INTO saved_view (name, spec, tab, chart, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(...values, now, now).lastInsertRowid;
    return getView(db, Number(id));
  }
  const changed = db.prepare(`UPDATE saved_view SET name = ?, spec = ?, tab = ?, chart = ?, note = ?, updated_at = ? WHERE id = ?`).run(...values, now, input.id).changes;
  if (changed === 0) throw new NotFound(`no saved view with id ${input.id}`);
  return getView(db, input.id);
}

export function renameView(db: Db, id: number, name: string): SavedView {
  const view = getView(db, id);
  return saveView(db, { ...view, name });
}

/** A copy under a new name ("… (copy)", "… (copy 2)" when not named). */
export function duplicateView(db: Db, id: number, name?: string): SavedView {
  const view = getView(db, id);
  let copy = name ?? `${view.name} (copy)`;
  for (let i = 2; !name && nameTaken(db, copy); i++) copy = `${view.name} (copy ${i})`;
  return saveView(db, { ...view, id: undefined, name: copy });
}

export function deleteView(db: Db, id: number): void {
  if (db.prepare(`DELETE FROM saved_view WHERE id = ?`).run(id).changes === 0) throw new NotFound(`no saved view with id ${id}`);
}

const LAST_VIEW = 'last_view';

/** The view the workbench showed last, reopened at the next start; null when none was kept or it no longer reads. */
export function lastView(db: Db): ReturnType<typeof keptViewSchema.parse> | null {
  const raw = db.prepare(`SELECT value FROM workspace_meta WHERE key = ?`).pluck().get(LAST_VIEW) as string | undefined;
  if (!raw) return null;
  try {
    const kept = keptViewSchema.parse(JSON.parse(raw));
    return { ...kept, spec: parseViewSpec(kept.spec) };
  } catch {
    // A view this version cannot draw (written by another version, a measure renamed) opens the default view instead.
    return null;
  }
}

export function keepLastView(db: Db, view: KeptViewInput): void {
  const kept = keptViewSchema.parse(view);
  const spec = checkedSpec(kept.spec);
  db.prepare(`INSERT INTO workspace_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(LAST_VIEW, JSON.stringify({ ...kept, spec }));
}
