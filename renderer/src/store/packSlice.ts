import type { StateCreator } from 'zustand';
import type { ExportFormat, ExportJob, LocalText, Pack, PackDoc, PackSummary, Slide, SlideInput, StaleSlide } from '../../../shared/pack';
import { api, errorMessage, isDesktop } from '../api/client';
import type { BluehelmState } from './index';
import { latestOnly } from './latestOnly';
import { resetOnWorkspaceSwitch } from './resets';

resetOnWorkspaceSwitch('packs', (s) => s.forgetPacks());

export interface PackSlice {
  packs: PackSummary[];
  pack: Pack | null;
  /** The slide the builder shows and previews. */
  slideIndex: number;
  /** Each slide as the SVG the PDF prints. */
  previews: string[];
  stale: StaleSlide[];
  packError: string | null;
  packBusy: boolean;
  exportJob: ExportJob | null;
  /** Where the desktop app saved the last export. */
  savedTo: string | null;
  /** The pack "Add to pack" goes to (null: a new one). */
  targetPackId: number | null;
  loadPacks(): Promise<void>;
  openPack(id: number): Promise<void>;
  addSlide(slide: SlideInput): Promise<void>;
  /** Replaces the pack's document (an edit in the builder): stored at once, the preview redrawn. */
  editPack(change: (doc: PackDoc) => PackDoc): Promise<void>;
  moveSlide(from: number, to: number): Promise<void>;
  removeSlide(index: number): Promise<void>;
  selectSlide(index: number): void;
  renamePack(name: string): Promise<void>;
  duplicatePack(): Promise<void>;
  deletePack(): Promise<void>;
  newPack(): Promise<void>;
  acceptNumbers(): Promise<void>;
  exportPack(format: ExportFormat): Promise<void>;
  cancelExport(): Promise<void>;
  setTargetPack(id: number | null): void;
  forgetPacks(): void;
}

/** A text in one language of the pack, keeping the other language where the pack file has both. */
export function withText(t: LocalText | undefined, lang: 'en' | 'zh', value: string): LocalText {
  return t !== undefined && typeof t === 'object' ? { ...t, [lang]: value } : value;
}

export const createPackSlice: StateCreator<BluehelmState, [], [], PackSlice> = (set, get) => {
  // As for the cross-tab: only the newest preview may write its answer.
  const previews = latestOnly();
  let polling: ReturnType<typeof setTimeout> | undefined;

  const refresh = async (pack: Pack) => {
    const current = previews.begin();
    try {
      const r = await api.packPreview({ id: pack.id });
      if (current() && get().pack?.id === pack.id) set({ previews: r.svgs, stale: r.stale });
    } catch (e) {
      if (current()) set({ packError: errorMessage(e) });
    }
  };

  const adopt = async (pack: Pack, slideIndex = get().slideIndex) => {
    set({ pack, targetPackId: pack.id, slideIndex: Math.min(slideIndex, pack.doc.slides.length - 1), packError: null });
    await Promise.all([refresh(pack), get().loadPacks()]);
  };

  const guarded = async (work: () => Promise<void>) => {
    set({ packBusy: true, packError: null });
    try {
      await work();
    } catch (e) {
      set({ packError: errorMessage(e) });
    } finally {
      set({ packBusy: false });
    }
  };

  const finish = async (job: ExportJob) => {
    if (job.state !== 'done') return;
    if (isDesktop()) {
      const saved = await api.packExportSave({ jobId: job.id });
      set({ savedTo: saved.path });
    } else {
      // Serve mode: the browser downloads the file from the core (the token travels in the cookie).
      const a = document.createElement('a');
      a.href = `/download/${encodeURIComponent(job.id)}`;
      a.download = job.fileName;
      document.body.append(a);
      a.click();
      a.remove();
    }
  };

  return {
    packs: [],
    pack: null,
    slideIndex: 0,
    previews: [],
    stale: [],
    packError: null,
    packBusy: false,
    exportJob: null,
    savedTo: null,
    targetPackId: null,

    loadPacks: async () => {
      try {
        const packs = await api.packList({});
        const target = get().targetPackId;
        set({ packs, targetPackId: target !== null && packs.some((p) => p.id === target) ? target : (packs[0]?.id ?? null) });
      } catch (e) {
        set({ packError: errorMessage(e) });
      }
    },

    openPack: (id) => guarded(async () => adopt(await api.packGet({ id }), 0)),

    addSlide: (slide) =>
      guarded(async () => {
        const pack = await api.packAddSlide({ packId: get().targetPackId, slide, lang: get().lang });
        const added = pack.doc.slides.findIndex((s) => s.kind === 'sources');
        await adopt(pack, added > 0 ? added - 1 : pack.doc.slides.length - 1);
      }),

    editPack: async (change) => {
      const pack = get().pack;
      if (!pack) return;
      const doc = change(pack.doc);
      // Shown at once; the core checks and stores it, and answers what it stored.
      set({ pack: { ...pack, doc } });
      await guarded(async () => adopt(await api.packSave({ id: pack.id, doc })));
    },

    moveSlide: async (from, to) => {
      const n = get().pack?.doc.slides.length ?? 0;
      if (to < 0 || to >= n || from === to) return;
      set({ slideIndex: to });
      await get().editPack((doc) => {
        const slides = [...doc.slides];
        const [moved] = slides.splice(from, 1);
        slides.splice(to, 0, moved);
        return { ...doc, slides };
      });
    },

    removeSlide: (index) => get().editPack((doc) => ({ ...doc, slides: doc.slides.filter((_, i) => i !== index) })),

    selectSlide: (slideIndex) => set({ slideIndex }),

    renamePack: (name) =>
      guarded(async () => {
        const pack = get().pack;
        if (pack) await adopt(await api.packRename({ id: pack.id, name }));
      }),

    duplicatePack: () =>
      guarded(async () => {
        const pack = get().pack;
        if (pack) await adopt(await api.packDuplicate({ id: pack.id }), 0);
      }),

    deletePack: () =>
      guarded(async () => {
        const pack = get().pack;
        if (!pack) return;
        await api.packDelete({ id: pack.id });
        set({ pack: null, previews: [], stale: [], targetPackId: null });
        await get().loadPacks();
      }),

    newPack: () =>
      guarded(async () => {
        const zh = get().lang === 'zh';
        const taken = new Set(get().packs.map((p) => p.name));
        let name = zh ? '简报' : 'Briefing pack';
        for (let i = 2; taken.has(name); i++) name = `${zh ? '简报' : 'Briefing pack'} ${i}`;
        const slides: Slide[] = [{ kind: 'cover' }, { kind: 'sources' }];
        const doc: PackDoc = { name, settings: { title: zh ? '简报' : 'Briefing', subtitle: '', author: '', lang: get().lang, marking: 'UNCLASSIFIED', pageSize: '16:9' }, slides };
        await adopt(await api.packSave({ doc }), 0);
      }),

    acceptNumbers: () =>
      guarded(async () => {
        const pack = get().pack;
        if (pack) await adopt(await api.packAccept({ id: pack.id }));
      }),

    exportPack: async (format) => {
      const pack = get().pack;
      if (!pack) return;
      clearTimeout(polling);
      set({ savedTo: null, packError: null });
      try {
        let job = await api.packExportStart({ id: pack.id, format });
        set({ exportJob: job });
        while (job.state === 'running') {
          await new Promise((r) => (polling = setTimeout(r, 150)));
          job = await api.packExportStatus({ jobId: job.id });
          if (get().exportJob?.id !== job.id) return;
          set({ exportJob: job });
        }
        await finish(job);
      } catch (e) {
        set({ packError: errorMessage(e) });
      }
    },

    cancelExport: async () => {
      const job = get().exportJob;
      if (job?.state === 'running') set({ exportJob: await api.packExportCancel({ jobId: job.id }) });
    },

    setTargetPack: (targetPackId) => set({ targetPackId }),

    forgetPacks: () => {
      previews.drop();
      clearTimeout(polling);
      set({ packs: [], pack: null, previews: [], stale: [], exportJob: null, savedTo: null, targetPackId: null, packError: null, slideIndex: 0 });
    },
  };
};
