import type { RenderedPack } from '../types';

/** Reports how far an export got; returns false to cancel it. */
export type Progress = (done: number, total: number) => boolean | void;

/** Thrown when the analyst cancels an export: nothing is written. */
export class ExportCancelled extends Error {
  constructor() {
    super('export cancelled; nothing was written');
  }
}

/** One output format: a small class per format, one way to call them all. */
export interface Exporter {
  readonly extension: string;
  readonly mime: string;
  write(pack: RenderedPack, progress: Progress): Promise<Buffer>;
}

/** Calls progress and stops the export when it answers false. */
export function step(progress: Progress, done: number, total: number): void {
  if (progress(done, total) === false) throw new ExportCancelled();
}
