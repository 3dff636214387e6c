import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/core/operations';
import { CLI, tempDb, writeTemp } from '../helpers';

const HEADER = 'Incident_Date,Mission_Acronym,Casualty_ID,Type_Of_Casualty,Gender,Casualty_Nationality,Casualty_Personnel_Type,Type_Of_Incident,M49_Code,ISOCode3';

function fatalities(name: string, ids: number[]): string {
  return writeTemp(name, [HEADER, ...ids.map((i) => `2018-02-${String(1 + (i % 27)).padStart(2, '0')},MINUSMA,STALE-${i},Fatality,M,Chad,Military,Malicious Act,148.0,TCD`)].join('\n') + '\n');
}

function cliImport(file: string, db: string): void {
  const r = spawnSync(process.execPath, [CLI, 'import', file, '--db', db], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}

describe('a workspace changed by another process while it is open (finding 1: stale numbers)', () => {
  it("the columnar cross-tab answers with the other process's import at the next question", async () => {
    const db = tempDb();
    cliImport(fatalities('first.csv', [1, 2, 3]), db);
    const ws = new Workspace(db);
    try {
      const spec = { measure: 'fatalities', rows: ['mission'] } as const;
      const before = await ws.crossTabAsync(spec);
      expect(before.grandTotal).toBe(3);

      // Another process (the CLI) imports into the same file while this one holds it open.
      cliImport(fatalities('second.csv', [4, 5, 6, 7, 8]), db);

      const after = await ws.crossTabAsync(spec);
      expect(after.sources.map((s) => s.fileName)).toEqual(['first.csv', 'second.csv']);
      expect(after.grandTotal).toBe(8);
      // …and it keeps agreeing with the reference engine on this thread's own connection.
      expect((await ws.crossTabAsync(spec)).grandTotal).toBe(ws.crossTab(spec).grandTotal);

      // A commit that is not an import (a setting, a pack saved) changes no number…
      const other = new Database(db);
      other.prepare(`INSERT INTO workspace_meta (key, value) VALUES ('a-setting', 'x')`).run();
      other.close();
      expect((await ws.crossTabAsync(spec)).grandTotal).toBe(8);

      // …and an import after it is still seen at once.
      cliImport(fatalities('third.csv', [9]), db);
      expect((await ws.crossTabAsync(spec)).grandTotal).toBe(9);
    } finally {
      ws.close();
    }
  });
});
