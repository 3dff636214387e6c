// Errors every door maps to the same contract error code (electron/core/dispatch.ts).

/** Something named by the caller does not exist (a pack, a job). */
export class NotFound extends Error {}

/** A call this door cannot serve (for example a native dialog in serve mode). */
export class NotAvailableHere extends Error {}

/** Input the schema lets through but the core refuses (a name already taken, a spec that does not apply): the message names the field. */
export class InvalidInput extends Error {}
