// Text that a spreadsheet would run as a formula, escaped as OWASP recommends for CSV injection:
// a cell starting with = + - @, a tab or a carriage return gets a leading apostrophe. Numbers are
// never passed through here, so they stay numbers.

const FORMULA_LEAD = /^[=+\-@\t\r]/;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_LEAD.test(text);
}

/** The text as a spreadsheet must receive it: unchanged unless it would be read as a formula. */
export function safeCellText(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** One CSV field: formula-safe, then quoted where it holds a comma, quote or line break. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = safeCellText(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
