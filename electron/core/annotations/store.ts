import fs from 'node:fs';
import { z } from 'zod';
import { bundledAnnotationSchema, type Annotation } from '../../../shared/annotations';
import type { Db } from '../db/open';
import { NotFound } from '../errors';
import { rootPath } from '../paths';

// The marks on the time axis the core knows of: the bundled ones (data/annotations.json) and the analyst's
// own (migration 005). The missions' start and end dates come from the reference table, which the
// renderer and the exports already hold, so shared/present/annotations.ts adds them where a chart needs them.

let bundled: Annotation[] | undefined;

export function bundledAnnotations(): Annotation[] {
  if (bundled) return bundled;
  const entries = z.array(bundledAnnotationSchema).parse(JSON.parse(fs.readFileSync(rootPath('data', 'annotations.json'), 'utf8')));
  bundled = entries.map((a) => ({ id: `bundled:${a.id}`, date: a.date, label: a.label, source: 'bundled', mission: null }));
  return bundled;
}

interface Row {
  id: number;
  date: string;
  label_en: string | null;
  label_zh: string | null;
}

const fromRow = (r: Row): Annotation => ({ id: `user:${r.id}`, date: r.date, label: { en: r.label_en, zh: r.label_zh }, source: 'user', mission: null });

export function userAnnotations(db: Db): Annotation[] {
  return (db.prepare(`SELECT id, date, label_en, label_zh FROM annotation ORDER BY date, id`).all() as Row[]).map(fromRow);
}

/** Bundled and the analyst's own, in date order. */
export function listAnnotations(db: Db): Annotation[] {
  return [...bundledAnnotations(), ...userAnnotations(db)].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

export function addAnnotation(db: Db, input: { date: string; label: { en?: string; zh?: string } }): Annotation {
  const id = db
    .prepare(`INSERT INTO annotation (date, label_en, label_zh, created_at) VALUES (?, ?, ?, ?)`)
    .run(input.date, input.label.en ?? null, input.label.zh ?? null, new Date().toISOString()).lastInsertRowid;
  return fromRow(db.prepare(`SELECT id, date, label_en, label_zh FROM annotation WHERE id = ?`).get(id) as Row);
}

/** Only the analyst's own can be deleted; the bundled ones and the mandates are facts. */
export function deleteAnnotation(db: Db, id: number): void {
  if (db.prepare(`DELETE FROM annotation WHERE id = ?`).run(id).changes === 0) throw new NotFound(`no annotation of yours with id ${id}`);
}
