import type { ExportFormat, PackDoc } from '../../../shared/pack';
import { exporterFor } from './export';
import { step, type Progress } from './export/types';
import { buildPack, type PackContext } from './model';
import type { RenderedPack } from './types';
import { shapesFor } from './world';

/** Computing the slides is the first third of an export, writing the file the rest. */
const BUILD_SHARE = 1 / 3;

/** Scales an exporter's own progress into its part of the whole. */
function part(progress: Progress, from: number, share: number): Progress {
  return (done, total) => progress(from + (share * done) / Math.max(1, total), 1);
}

/** The file bytes of one format, from a pack already computed (the work a helper thread can do alone). */
export async function writePack(pack: RenderedPack, format: ExportFormat, progress: Progress = () => undefined): Promise<Buffer> {
  await shapesFor(pack);
  return (await exporterFor(format)).write(pack, progress);
}

/** Computes a pack from the workspace and writes it in one format; progress runs from 0 to 1. */
export async function exportPack(doc: PackDoc, ctx: PackContext, format: ExportFormat, progress: Progress = () => undefined): Promise<{ pack: RenderedPack; bytes: Buffer }> {
  const pack = await buildPack(doc, ctx, (d, t) => step(part(progress, 0, BUILD_SHARE), d, t));
  const bytes = await writePack(pack, format, part(progress, BUILD_SHARE, 1 - BUILD_SHARE));
  return { pack, bytes };
}
