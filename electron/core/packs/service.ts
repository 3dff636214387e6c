import type { Pack, PackDoc, Slide, SlideInput, StaleSlide } from '../../../shared/pack';
import { slideSchema, slideSpec } from '../../../shared/pack';
import type { Lang } from '../../../shared/present/lang';
import type { Workspace } from '../workspace';
import { packContext } from './context';
import { basisOf, buildPack, staleSlides } from './model';
import { getPack, listPacks, savePack } from './store';
import { startWorker } from '../threads';
import type { PackWorkerData, PackWorkerMessage } from '../workers/pack-worker';
import type { RenderedPack } from './types';

// What the doors ask of packs beyond storing them: adding a view, the stale check, the preview.


/** A view or map slide remembers the dataset versions and grand total it was made from. */
async function withBasis(ws: Workspace, slide: Slide): Promise<Slide> {
  if (slide.kind !== 'view' && slide.kind !== 'map') return slide;
  try {
    return { ...slide, basis: basisOf(await ws.crossTabAsync(slideSpec(slide)!)) };
  } catch {
    // A view that cannot be computed now (its data is missing) has no basis; the slide says so at export.
    return slide;
  }
}

function nextFreeName(ws: Workspace, base: string): string {
  const taken = new Set(listPacks(ws.db).map((p) => p.name));
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base} ${i}`;
  return name;
}

/**
 * "Add to pack" from a view: the slide goes at the end of the pack, before its sources slide. With no
 * pack named, a new pack is made: a cover, the slide, and the sources slide.
 */
export async function addToPack(ws: Workspace, packId: number | null, input: SlideInput, lang: Lang): Promise<Pack> {
  const slide = await withBasis(ws, slideSchema.parse(input));
  if (packId === null) {
    const doc: PackDoc = {
      name: nextFreeName(ws, lang === 'zh' ? '简报' : 'Briefing pack'),
      settings: { title: lang === 'zh' ? '简报' : 'Briefing', subtitle: '', author: '', lang, marking: 'UNCLASSIFIED', pageSize: '16:9' },
      slides: [{ kind: 'cover' }, slide, { kind: 'sources' }],
    };
    return savePack(ws.db, { doc });
  }
  const pack = getPack(ws.db, packId);
  const slides = [...pack.doc.slides];
  const sources = slides.findIndex((s) => s.kind === 'sources');
  const at = sources === -1 ? slides.length : sources;
  const before = slides[at - 1];
  if (slide.kind === 'figures' && before?.kind === 'figures') {
    // Published figures added one after another gather on one slide, as a table of them.
    slides[at - 1] = { ...before, figures: [...new Set([...before.figures, ...slide.figures])] };
  } else slides.splice(at, 0, slide);
  return savePack(ws.db, { id: packId, doc: { ...pack.doc, slides } });
}

/** Which slides' numbers would change if the pack were exported now. */
export async function checkPack(ws: Workspace, id: number): Promise<StaleSlide[]> {
  const pack = getPack(ws.db, id);
  const ctx = packContext(ws);
  const tables = await Promise.all(pack.doc.slides.map((s) => ((s.kind === 'view' || s.kind === 'map') && s.basis ? ctx.crossTab(slideSpec(s)!).catch(() => null) : Promise.resolve(null))));
  return staleSlides(pack.doc, tables, pack.doc.settings.lang, ctx.lookups);
}

/** Takes the workspace's current numbers as the pack's new basis (after the analyst has seen what changed). */
export async function acceptPackNumbers(ws: Workspace, id: number): Promise<Pack> {
  const pack = getPack(ws.db, id);
  const slides = await Promise.all(pack.doc.slides.map((s) => withBasis(ws, s)));
  return savePack(ws.db, { id, doc: { ...pack.doc, slides } });
}

/** Every slide of a pack as the SVG the PDF prints, for the builder's preview (drawn in the pack worker, off this thread). */
export async function previewPack(ws: Workspace, id: number, lang?: Lang): Promise<{ svgs: string[]; pack: RenderedPack }> {
  const pack = await buildPack(getPack(ws.db, id).doc, packContext(ws, lang));
  const data: PackWorkerData = { pack, task: 'preview', cancel: new Int32Array(new SharedArrayBuffer(4)) };
  const worker = startWorker('pack-worker', { workerData: data });
  const svgs = await new Promise<string[]>((resolve, reject) => {
    worker.on('message', (m: PackWorkerMessage) => {
      if (m.type === 'preview') resolve(m.svgs);
      if (m.type === 'failed') reject(new Error(m.error));
    });
    worker.on('error', reject);
    worker.on('exit', () => reject(new Error('the preview stopped unexpectedly')));
  });
  return { svgs, pack };
}
