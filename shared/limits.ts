// Caps on what a caller or a file may hand the core (issue 12: unbounded inputs). Kept apart from the
// zod schemas so a reader thread can use them without loading zod.

/** Values one filter may list. */
export const MAX_FILTER_VALUES = 1000;
/** Characters in one filter value, and in a name read from a file. */
export const MAX_VALUE_LENGTH = 200;
