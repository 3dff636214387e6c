import { csvField } from './safeText';

// The source rows the panel lists, as a CSV file: the same columns under the same headings as on
// screen, each row ending with where it is (file:line, as an editor or grep takes it). Values are the
// file's own, formula-safe; a blank stays blank rather than the screen's dash.

export type SourceValue = string | number | null;

/** `rows` as the engine sends them: the shown columns, then the file name and the line. */
export function sourceRowsCsv(headings: readonly string[], fileLineHeading: string, rows: readonly (readonly SourceValue[])[]): string {
  const lines = [[...headings, fileLineHeading].map(csvField).join(',')];
  for (const row of rows) {
    const [file, line] = row.slice(-2);
    lines.push([...row.slice(0, -2).map(csvField), csvField(`${file}:${line}`)].join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
