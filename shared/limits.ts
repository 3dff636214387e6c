// Caps on what a caller or a file may hand the core (issue 12: unbounded inputs). Kept apart from the
// zod schemas so a reader thread can use them without loading zod.

/** Values one filter may list. */
export const MAX_FILTER_VALUES = 1000;
/** Characters in one filter value, and in a name read from a file. */
export const MAX_VALUE_LENGTH = 200;

/** What makes a file's bytes unreadable as CSV: named here so the reader threads (which keep zod out) and the contract share the list. */
export const CSV_PROBLEMS = ['unclosed_quote', 'after_quote', 'utf16', 'bare_cr', 'nul_byte', 'not_utf8'] as const;
export type CsvProblem = (typeof CSV_PROBLEMS)[number];
