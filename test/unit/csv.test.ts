import { describe, expect, it } from 'vitest';
import { CsvParser, CsvSyntaxError, readCsv } from '../../electron/core/import/csv';

function parseAll(text: string, chunkSize = text.length || 1): [string[], number][] {
  const out: [string[], number][] = [];
  const p = new CsvParser((f, line) => out.push([f, line]));
  for (let i = 0; i < text.length; i += chunkSize) p.push(text.slice(i, i + chunkSize));
  p.end();
  return out;
}

describe('CsvParser', () => {
  const tricky = '\uFEFFa,b,c\r\n1,"two, with comma","say ""hi"""\r\n3,"multi\nline",x\n\n5,,\n"last","",end';

  it('reads quoted fields, doubled quotes, embedded newlines, CRLF and a BOM', () => {
    expect(parseAll(tricky)).toEqual([
      [['a', 'b', 'c'], 1],
      [['1', 'two, with comma', 'say "hi"'], 2],
      [['3', 'multi\nline', 'x'], 3],
      [['5', '', ''], 6],
      [['last', '', 'end'], 7],
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const whole = parseAll(tricky);
    for (const size of [1, 2, 3, 5, 7, 13]) expect(parseAll(tricky, size)).toEqual(whole);
  });

  it('keeps a trailing CR-less last line and a lone CR inside a field', () => {
    expect(parseAll('x,y\n1,a\rb')).toEqual([
      [['x', 'y'], 1],
      [['1', 'a\rb'], 2],
    ]);
  });

  it('names the line of a quote never closed', () => {
    expect(() => parseAll('a,b\n1,2\n3,"open\n4,5\n')).toThrowError(CsvSyntaxError);
    try {
      parseAll('a,b\n1,2\n3,"open\n4,5\n');
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(3);
    }
  });

  it('refuses text after a closing quote', () => {
    expect(() => parseAll('a\n"x"y\n')).toThrow(/after a closing quote/);
  });

  it('hashes the bytes it reads', () => {
    const bytes = new TextEncoder().encode('a,b\n1,2\n');
    const rows: string[][] = [];
    const r = readCsv({ bytes }, (f) => rows.push(f));
    expect(rows).toEqual([['a', 'b'], ['1', '2']]);
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.bytes).toBe(8);
  });
});
