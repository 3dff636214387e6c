import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../electron/core/db/open';
import { listBackups } from '../../electron/core/db/backup';
import { importFile, ImportRefused } from '../../electron/core/import/run';
import { rejectsInWords, tempDb } from '../helpers';
import { fuzzCases, fatality, FATALITIES } from './fuzz-cases';

// Every importer fed hostile and unlucky files (test/reliability/fuzz-cases.ts), through both
// readers: the one on the importing thread and the CSV worker that reads large files. A refused
// file leaves the workspace byte for byte as it was, and no backup behind; an accepted one stores
// exactly the rows expected and names every reject by line, field and reason.

const CASES = fuzzCases();
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A closed workspace holding one dataset, so a refused import has something to leave untouched. */
function workspace(): string {
  const file = tempDb();
  const db = openWorkspace(file);
  importFile(db, { fileName: 'base.csv', bytes: Buffer.from([FATALITIES, fatality(999_999, { casualty: 'BASE-1' })].join('\n')) });
  db.close();
  return file;
}

describe('importer fuzz suite', () => {
  it(`has at least 30 cases (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  for (const parallel of [false, true]) {
    describe(parallel ? 'CSV worker' : 'one thread', () => {
      it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        const file = workspace();
        const before = sha(file);
        const db = openWorkspace(file);
        let outcome: unknown;
        try {
          const r = importFile(db, { fileName: 'f.csv', bytes: c.bytes }, { kind: c.kind, parallel });
          outcome = { inserted: r.inserted, rejects: rejectsInWords(r.rejects), ...(r.skipped ? { skipped: r.skipped } : {}) };
        } catch (e) {
          if (!(e instanceof ImportRefused)) throw e;
          outcome = { refused: e.message };
        } finally {
          db.close();
        }
        expect(outcome).toEqual(c.expect);
        if ('refused' in c.expect) {
          expect(sha(file)).toBe(before);
          expect(listBackups(file)).toEqual([]);
          expect(fs.readdirSync(path.dirname(file))).toEqual(['workspace.sqlite']);
        }
      });
    });
  }
});
