/**
 * "Only the latest request may write": each call to `begin` makes every earlier request stale, so a slow
 * answer to an old question never overwrites the answer to a newer one; `drop` makes all of them stale
 * (the workspace changed under them).
 */
export interface LatestOnly {
  /** Starts a request; the returned check is true while no newer request (or drop) has happened. */
  begin(): () => boolean;
  drop(): void;
}

export function latestOnly(): LatestOnly {
  let latest = 0;
  return {
    begin: () => {
      const request = ++latest;
      return () => request === latest;
    },
    drop: () => {
      latest++;
    },
  };
}
