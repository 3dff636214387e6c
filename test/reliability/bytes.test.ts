import crypto from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../electron/core/db/open';
import { importFile, ImportRefused } from '../../electron/core/import/run';
import { rejectsInWords, tempDb } from '../helpers';

// Finding 5: bytes that used to change silently. Each is decided (docs/DATA.md, "What an import
// refuses") and tested on both readers: this thread, and the CSV worker used for large files.

const HEADER = 'Incident_Date,Mission_Acronym,Casualty_ID,Type_Of_Casualty,Gender,Casualty_Nationality,Casualty_Personnel_Type,Type_Of_Incident,M49_Code,ISOCode3';
const ROW = (id: number, nationality = 'Chad', date = '2018-02-28') => `${date},MINUSMA,BYTES-${id},Fatality,M,${nationality},Military,Malicious Act,148.0,TCD`;

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function workspace(): string {
  const file = tempDb();
  const db = openWorkspace(file);
  importFile(db, { fileName: 'base.csv', bytes: Buffer.from([HEADER, ROW(0)].join('\n')) });
  db.close();
  return file;
}

/** Imports bytes on the chosen reader; returns the refusal's message, or the result. */
function importBytes(file: string, fileName: string, bytes: Buffer, parallel: boolean) {
  const db = openWorkspace(file);
  try {
    return importFile(db, { fileName, bytes }, { parallel });
  } finally {
    db.close();
  }
}

function refusal(fileName: string, bytes: Buffer, parallel: boolean): { message: string; unchanged: boolean } {
  const file = workspace();
  const before = sha(file);
  try {
    importBytes(file, fileName, bytes, parallel);
  } catch (e) {
    if (!(e instanceof ImportRefused)) throw e;
    return { message: e.message, unchanged: sha(file) === before };
  }
  throw new Error(`${fileName} was imported`);
}

const utf8 = (lines: string[]) => Buffer.from(lines.join('\n') + '\n', 'utf8');

for (const parallel of [false, true]) {
  describe(`bytes an import refuses (${parallel ? 'CSV worker' : 'one thread'})`, () => {
    it('Latin-1 / Windows-1252: refused naming the line, the byte and its offset', () => {
      const bytes = Buffer.concat([utf8([HEADER, ROW(1)]), Buffer.from(ROW(2, "C\xf4te d'Ivoire") + '\n', 'latin1')]);
      const offset = bytes.indexOf(0xf4);
      expect(refusal('latin1.csv', bytes, parallel)).toEqual({
        message: `latin1.csv:3: (csv): byte 0xF4 at offset ${offset} is not UTF-8; the file looks like Latin-1 or Windows-1252: save it as UTF-8 and import again`,
        unchanged: true,
      });
    });

    it('UTF-16: refused at once', () => {
      const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([HEADER, ROW(1)].join('\n'), 'utf16le')]);
      expect(refusal('utf16.csv', bytes, parallel)).toEqual({ message: 'utf16.csv:1: (csv): the file is UTF-16 text: save it as UTF-8 and import again', unchanged: true });
    });

    it('a NUL byte: refused naming the line and offset', () => {
      const bytes = utf8([HEADER, ROW(1), ROW(2).replace('MINUSMA', 'MINUS\0MA')]);
      expect(refusal('nul.csv', bytes, parallel)).toEqual({ message: `nul.csv:3: (csv): a NUL byte at offset ${bytes.indexOf(0)}; a text file has none`, unchanged: true });
    });

    it('a duplicated header column: refused, naming both columns', () => {
      const bytes = utf8([HEADER + ',mission_acronym', ROW(1) + ',MINUSCA']);
      expect(refusal('dup.csv', bytes, parallel)).toEqual({ message: 'dup.csv:1: header: column "mission_acronym" appears twice (columns 2 and 11)', unchanged: true });
    });

    it('a header and no rows: no dataset', () => {
      expect(refusal('header-only.csv', utf8([HEADER]), parallel)).toEqual({ message: 'header-only.csv: the file has a header but no rows; nothing was imported', unchanged: true });
    });

    it('dates in the future, or after the row’s own last_update, are rejected rows', () => {
      const file = workspace();
      const today = new Date().toISOString().slice(0, 10);
      const withUpdate = 'id,incident_date,casualty_id,mission_acronym,type_of_casualty,gender,casualty_nationality,casualty_personnel_type,type_of_incident,m49_code,isocode3,last_update';
      const bytes = utf8([
        withUpdate,
        '1,2018-02-28,F-1,MINUSMA,Fatality,M,Chad,Military,Malicious Act,148.0,TCD,2025-04-04',
        '2,2099-01-01,F-2,MINUSMA,Fatality,M,Chad,Military,Malicious Act,148.0,TCD,2025-04-04',
        '3,2025-06-01,F-3,MINUSMA,Fatality,M,Chad,Military,Malicious Act,148.0,TCD,2025-04-04',
      ]);
      const r = importBytes(file, 'future.csv', bytes, parallel);
      expect(r.inserted).toBe(1);
      expect(rejectsInWords(r.rejects)).toEqual([
        { line: 3, field: 'incident_date', reason: `"2099-01-01" is in the future (today is ${today})` },
        { line: 4, field: 'incident_date', reason: '"2025-06-01" is after the row\'s last_update, 2025-04-04' },
      ]);
    });
  });
}
