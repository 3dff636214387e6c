import { describePackIssue, packDocSchema, type Pack, type PackDoc, type PackSummary } from '../../../shared/pack';
import type { Db } from '../db/open';
import { NotFound } from '../errors';

/** A pack document that fails its schema: the message names the slide and the field. */
export class PackInvalid extends Error {}

interface Row {
  id: number;
  name: string;
  doc: string;
  created_at: string;
  updated_at: string;
}

function parseDoc(raw: unknown, where: string): PackDoc {
  const parsed = packDocSchema.safeParse(raw);
  if (!parsed.success) throw new PackInvalid(`${where}: ${describePackIssue(parsed.error.issues[0])}`);
  return parsed.data;
}

function fromRow(r: Row): Pack {
  return { id: r.id, createdAt: r.created_at, updatedAt: r.updated_at, doc: parseDoc(JSON.parse(r.doc), `pack "${r.name}"`) };
}

export function listPacks(db: Db): PackSummary[] {
  const rows = db.prepare(`SELECT id, name, json_array_length(doc, '$.slides') AS slides, updated_at FROM pack ORDER BY name COLLATE NOCASE`).all() as {
    id: number;
    name: string;
    slides: number;
    updated_at: string;
  }[];
  return rows.map((r) => ({ id: r.id, name: r.name, slides: r.slides, updatedAt: r.updated_at }));
}

export function getPack(db: Db, id: number): Pack {
  const row = db.prepare(`SELECT * FROM pack WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw new NotFound(`no pack with id ${id}`);
  return fromRow(row);
}

/** A pack by its name, or by its id written as a number (the CLI's NAME|ID). */
export function findPack(db: Db, nameOrId: string): Pack {
  const row = (db.prepare(`SELECT * FROM pack WHERE name = ?`).get(nameOrId) ??
    (/^\d+$/.test(nameOrId) ? db.prepare(`SELECT * FROM pack WHERE id = ?`).get(Number(nameOrId)) : undefined)) as Row | undefined;
  if (!row) {
    const names = listPacks(db).map((p) => `"${p.name}"`);
    throw new NotFound(`no pack named "${nameOrId}" in this workspace${names.length ? ` (packs: ${names.join(', ')})` : ' (it has no packs yet)'}`);
  }
  return fromRow(row);
}

function nameTaken(db: Db, name: string, except?: number): boolean {
  return db.prepare(`SELECT 1 FROM pack WHERE name = ? AND id IS NOT ?`).get(name, except ?? null) !== undefined;
}

/** Creates a pack, or replaces the whole document of an existing one; the document is checked first. */
export function savePack(db: Db, input: { id?: number; doc: unknown }): Pack {
  const doc = parseDoc(input.doc, 'pack');
  if (nameTaken(db, doc.name, input.id)) throw new PackInvalid(`a pack named "${doc.name}" exists already`);
  const now = new Date().toISOString();
  const json = JSON.stringify(doc);
  if (input.id === undefined) {
    const id = db.prepare(`INSERT INTO pack (name, doc, created_at, updated_at) VALUES (?, ?, ?, ?)`).run(doc.name, json, now, now).lastInsertRowid;
    return getPack(db, Number(id));
  }
  const changed = db.prepare(`UPDATE pack SET name = ?, doc = ?, updated_at = ? WHERE id = ?`).run(doc.name, json, now, input.id).changes;
  if (changed === 0) throw new NotFound(`no pack with id ${input.id}`);
  return getPack(db, input.id);
}

export function renamePack(db: Db, id: number, name: string): Pack {
  const pack = getPack(db, id);
  return savePack(db, { id, doc: { ...pack.doc, name } });
}

/** A copy under a new name ("… (copy)", "… (copy 2)" when not named). */
export function duplicatePack(db: Db, id: number, name?: string): Pack {
  const pack = getPack(db, id);
  let copy = name ?? `${pack.doc.name} (copy)`;
  for (let i = 2; !name && nameTaken(db, copy); i++) copy = `${pack.doc.name} (copy ${i})`;
  return savePack(db, { doc: { ...pack.doc, name: copy } });
}

export function deletePack(db: Db, id: number): void {
  if (db.prepare(`DELETE FROM pack WHERE id = ?`).run(id).changes === 0) throw new NotFound(`no pack with id ${id}`);
}
