import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describePackIssue, EXPORT_FORMATS, packDocSchema, type ExportFormat, type PackDoc } from '../../shared/pack';
import { LANGS, type Lang } from '../../shared/present/lang';
import { writePack } from '../core/packs/export-pack';
import { buildPack, checkFigureIds } from '../core/packs/model';
import { packContext } from '../core/packs/context';
import { findPack, listPacks, PackInvalid } from '../core/packs/store';
import { fileNameFor, outputPath, writeSafely } from '../core/packs/write';
import type { Workspace } from '../core/workspace';

// bluehelm pack list | pack export: the same core operations the app's export uses.

export const PACK_USAGE = `  pack list [--json]                the briefing packs stored in the workspace
  pack export NAME|ID --format pptx|pdf|xlsx[,…] --out PATH [--lang en|zh]
  pack export --spec FILE.json --format … --out PATH [--lang en|zh]
                                    a briefing pack as an editable deck, a PDF or a workbook
                                    (--out: a file, or a folder for the pack's own file name)`;

export class PackUsageError extends Error {}

/** A pack described in a JSON file (docs/PACKS.md): every error names the file, the slide and the field. */
export function loadPackFile(file: string): PackDoc {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new PackInvalid(`${file}: ${(e as Error).message}`);
  }
  const parsed = packDocSchema.safeParse(raw);
  if (!parsed.success) throw new PackInvalid(`${file}: ${describePackIssue(parsed.error.issues[0])}`);
  try {
    checkFigureIds(parsed.data);
  } catch (e) {
    throw new PackInvalid(`${file}: ${(e as Error).message}`);
  }
  return parsed.data;
}

function formats(v: string | undefined): ExportFormat[] {
  if (!v) throw new PackUsageError('pack export needs --format pptx, pdf or xlsx (several with commas)');
  const list = v.split(',').map((f) => f.trim());
  for (const f of list) if (!(EXPORT_FORMATS as readonly string[]).includes(f)) throw new PackUsageError(`--format takes pptx, pdf or xlsx (got "${f}")`);
  return list as ExportFormat[];
}

/** Where each format goes: --out names a file (one format) or a folder (the pack's name, one file per format). */
function targets(out: string | undefined, doc: PackDoc, list: ExportFormat[]): Map<ExportFormat, string> {
  if (!out) throw new PackUsageError('pack export needs --out PATH (a file, or a folder)');
  const isDir = fs.existsSync(out) && fs.statSync(out).isDirectory();
  if (!isDir && list.length > 1) throw new PackUsageError('with several formats, --out names a folder');
  return new Map(list.map((f) => (isDir ? [f, outputPath(out, fileNameFor(doc.name, f))] : [f, outputPath(path.dirname(path.resolve(out)), path.basename(out))])));
}

/** `withWorkspace` opens the workspace named by --db for the time `use` runs, and closes it (electron/cli/main.ts). */
type WithWorkspace = <T>(db: string | undefined, use: (ws: Workspace) => T) => T;

export async function packCommand(argv: string[], withWorkspace: WithWorkspace, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'list') {
    const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' }, db: { type: 'string' } }, strict: true });
    const packs = withWorkspace(values.db, (ws) => listPacks(ws.db));
    if (values.json) out(JSON.stringify(packs) + '\n');
    else if (packs.length === 0) out('No packs yet. Add a view to a pack in the app, or export one from a file: bluehelm pack export --spec FILE.json …\n');
    else for (const p of packs) out(`#${p.id} ${p.name}  ${p.slides} slides  updated ${p.updatedAt}\n`);
    return 0;
  }
  if (sub !== 'export') throw new PackUsageError('pack takes list or export');
  const { values, positionals } = parseArgs({
    args: rest,
    options: { spec: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' }, db: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.lang !== undefined && !(LANGS as readonly string[]).includes(values.lang)) throw new PackUsageError(`--lang takes en or zh (got "${values.lang}")`);
  if (Boolean(values.spec) === positionals.length > 0) throw new PackUsageError('pack export takes a pack NAME|ID or --spec FILE.json (one of them)');
  const list = formats(values.format);
  const fromFile = values.spec ? loadPackFile(values.spec) : null;
  await withWorkspace(values.db, (ws) => {
    const doc = fromFile ?? findPack(ws.db, positionals.join(' ')).doc;
    return exportAll(doc, packContext(ws, values.lang as Lang | undefined), list, targets(values.out, doc, list), out, err);
  });
  return 0;
}

/** The pack is computed once, then written in each format asked for. */
async function exportAll(doc: PackDoc, ctx: ReturnType<typeof packContext>, list: ExportFormat[], where: Map<ExportFormat, string>, out: (s: string) => void, err: (s: string) => void): Promise<void> {
  let started = Date.now();
  const pack = await buildPack(doc, ctx);
  if (pack.synthetic) err('*** SYNTHETIC DEMO DATA: every slide, page and sheet carries the mark ***\n');
  for (const s of pack.stale)
    err(`slide ${s.index + 1} "${s.title}": the numbers changed since it was added (total ${s.before.grandTotal ?? '—'} → ${s.now.grandTotal ?? '—'}; data ${s.before.sources.join(', ') || 'none'} → ${s.now.sources.join(', ') || 'none'})\n`);
  out(`computed ${pack.slides.length} slides in ${Date.now() - started} ms\n`);
  for (const format of list) {
    started = Date.now();
    const bytes = await writePack(pack, format);
    writeSafely(where.get(format)!, bytes);
    out(`${where.get(format)}: ${format}, ${bytes.length} bytes, ${Date.now() - started} ms\n`);
  }
}
