/**
 * Progress for a file whose rows are held back until it is read (a layout that may prefer a later
 * listing of a key): reading is the first half and writing the held rows the second, so progress
 * still follows the work and an import can be stopped while it writes.
 */
export function heldBackProgress(holdsBack: () => boolean, report: (done: number, total: number) => void) {
  let totalBytes = 0;
  return {
    reading(done: number, total: number): void {
      totalBytes = total;
      report(holdsBack() ? Math.floor(done / 2) : done, total);
    },
    writing(written: number, held: number): void {
      if (holdsBack() && held > 0) report(Math.floor(totalBytes / 2 + (totalBytes / 2) * (written / held)), totalBytes);
    },
  };
}
