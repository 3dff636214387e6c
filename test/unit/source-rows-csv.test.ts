import { describe, expect, it } from 'vitest';
import { sourceRowsCsv } from '../../shared/present/sourceRowsCsv';

describe('the source rows as a CSV file', () => {
  it('has the headings shown, each row ending with file:line, text formula-safe and blanks blank', () => {
    const csv = sourceRowsCsv(
      ['Casualty ID', 'Nationality, as given', 'Gender'],
      'File:line',
      [
        ['MINUSMA-1', '=HYPERLINK("http://x")', 'M', 'f.csv', 12],
        ['MINUSMA-2', null, '@SUM(A1)', 'f.csv', 13],
      ],
    );
    expect(csv).toBe(
      ['Casualty ID,"Nationality, as given",Gender,File:line', `MINUSMA-1,"'=HYPERLINK(""http://x"")",M,f.csv:12`, "MINUSMA-2,,'@SUM(A1),f.csv:13", ''].join('\r\n'),
    );
  });
});
