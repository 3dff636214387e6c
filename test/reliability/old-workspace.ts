import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { REPO } from '../helpers';

// Workspaces as earlier versions of Bluehelm left them: the numbered migrations up to a version,
// applied as they were, and rows in every table, generated from the schema itself (so a migration
// added later is covered without editing this file).

export const MIGRATIONS_DIR = path.join(REPO, 'electron', 'core', 'db', 'migrations');

export function migrationFiles(): { version: number; name: string; sql: string }[] {
  return fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}-.*\.sql$/.test(f))
    .sort()
    .map((name) => ({ version: Number(name.slice(0, 3)), name, sql: fs.readFileSync(path.join(MIGRATIONS_DIR, name), 'utf8') }));
}

interface Column {
  name: string;
  type: string;
  notnull: number;
  pk: number;
  hidden: number;
}

/** A value for a column that its CHECK (col IN (…)) and (col >= 0) constraints accept. */
function valueFor(table: string, sql: string, col: Column, row: number, parentIds: Map<string, number[]>): unknown {
  const allowed = new RegExp(`\\b${col.name}\\b[^,]*?CHECK\\s*\\(\\s*${col.name}\\s+IN\\s*\\(([^)]*)\\)`, 'i').exec(sql) ?? new RegExp(`CHECK\\s*\\(\\s*${col.name}\\s+IN\\s*\\(([^)]*)\\)`, 'i').exec(sql);
  if (allowed) {
    const options = allowed[1].split(',').map((v) => v.trim().replace(/^'|'$/g, ''));
    return /INT/i.test(col.type) ? Number(options[row % options.length]) : options[row % options.length];
  }
  if (new RegExp(`CHECK\\s*\\(\\s*json_valid\\(\\s*${col.name}\\s*\\)`, 'i').test(sql)) return JSON.stringify({ row });
  const ref = new RegExp(`\\b${col.name}\\b[^,]*REFERENCES\\s+(\\w+)`, 'i').exec(sql);
  if (ref) {
    const ids = parentIds.get(ref[1]) ?? [];
    return ids[row % Math.max(1, ids.length)] ?? 1;
  }
  if (/INT/i.test(col.type)) return row + 1;
  if (/REAL/i.test(col.type)) return row + 0.5;
  if (/date|month/i.test(col.name)) return col.name.includes('month') && !col.name.includes('date') ? `2020-0${1 + (row % 9)}` : `2020-0${1 + (row % 9)}-15`;
  return `${table}-${col.name}-${row}`;
}

/** A workspace file at `version` (0: blank) with `rows` rows in every table. */
export function oldWorkspace(file: string, version: number, rows = 3): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  for (const m of migrationFiles().filter((m) => m.version <= version)) db.exec(m.sql);
  db.pragma(`user_version = ${version}`);
  const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string; sql: string }[];
  // Parents first: a table whose columns reference another comes after it.
  tables.sort((a, b) => Number(/REFERENCES/i.test(a.sql)) - Number(/REFERENCES/i.test(b.sql)));
  const ids = new Map<string, number[]>();
  for (const t of tables) {
    const cols = (db.pragma(`table_xinfo(${t.name})`) as Column[]).filter((c) => c.hidden === 0);
    const insert = db.prepare(`INSERT INTO "${t.name}" (${cols.map((c) => `"${c.name}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
    const made: number[] = [];
    for (let r = 0; r < rows; r++) made.push(Number(insert.run(...cols.map((c) => valueFor(t.name, t.sql, c, r, ids))).lastInsertRowid));
    ids.set(t.name, made);
  }
  db.close();
}

/** Every row of every table, by table, as JSON of the columns named (sorted, so order does not matter). */
export function contents(file: string, columnsOf?: Map<string, string[]>): Map<string, string[]> {
  const db = new Database(file, { readonly: true });
  try {
    const out = new Map<string, string[]>();
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
    for (const t of tables) {
      const cols = columnsOf?.get(t) ?? (db.pragma(`table_xinfo(${t})`) as Column[]).filter((c) => c.hidden === 0).map((c) => c.name);
      const rows = db.prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${t}"`).raw().all();
      out.set(t, rows.map((r) => JSON.stringify(r)).sort());
    }
    return out;
  } finally {
    db.close();
  }
}

export function columnsOf(file: string): Map<string, string[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
    return new Map(tables.map((t) => [t, (db.pragma(`table_xinfo(${t})`) as Column[]).filter((c) => c.hidden === 0).map((c) => c.name)]));
  } finally {
    db.close();
  }
}
