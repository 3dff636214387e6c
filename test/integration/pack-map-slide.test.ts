import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../electron/core/import/run';
import { Workspace } from '../../electron/core/workspace';
import { packContext } from '../../electron/core/packs/context';
import { exporterFor } from '../../electron/core/packs/export';
import { TextMeasure } from '../../electron/core/packs/fonts';
import { buildPack } from '../../electron/core/packs/model';
import { addToPack } from '../../electron/core/packs/service';
import { dispatch } from '../../electron/core/dispatch';
import { operationsFor } from '../../electron/core/operations';
import { ensureDemoWorkspace, Session } from '../../electron/core/session';
import { slideSvg } from '../../electron/core/packs/slide-svg';
import { loadWorld } from '../../electron/core/packs/world';
import { packDocSchema, type ExportJob, type Pack, type PackDoc } from '../../shared/pack';
import { choropleth, classLabel, paletteFor, type Choropleth } from '../../shared/present/mapClasses';
import { lookups, valueText } from '../../shared/present/labels';
import type { Lang } from '../../shared/present/lang';
import { referenceTables } from '../../electron/core/reference/tables';
import type { RenderedPack } from '../../electron/core/packs/types';
import { CONTRIBUTIONS_PSDH, FATALITIES_CSV, tempDb, tempDir } from '../helpers';
import { hasPoppler, pdfPages, pdfText, readDeck, readWorkbook } from '../pack-files';

// A pack with map slides, as "Add to pack" on the Map view makes it, exported to the three formats from a
// workspace holding the real UN files: the map's numbers and colours must be the core's cross-tab's.

const ref = lookups(referenceTables().tables);
/** Host countries in different classes of fatalities (checked below), far apart on the map. */
const NAMED = [
  ['MLI', 'Mali'],
  ['SSD', 'South Sudan'],
  ['AFG', 'Afghanistan'],
  ['TCD', 'Chad'],
] as const;

let ws: Workspace;
let out: string;
let doc: PackDoc;
let hosts: Choropleth;
const packs: Partial<Record<Lang, RenderedPack>> = {};
const file = (lang: Lang, ext: string) => path.join(out, `map-${lang}.${ext}`);

beforeAll(async () => {
  ws = new Workspace(tempDb());
  for (const f of [FATALITIES_CSV, CONTRIBUTIONS_PSDH]) importFile(ws.db, { path: f });
  const world = await loadWorld();
  hosts = choropleth(ws.crossTab({ measure: 'fatalities', rows: ['host_country'] }).rows, (k) => world.iso3.has(k), paletteFor('fatalities'));
  // As the Map view adds it: its cross-tab's spec and the countries it colours.
  const pack = await addToPack(ws, null, { kind: 'map', spec: { measure: 'fatalities', rows: ['host_country'], where: {} }, by: 'host_country' }, 'en');
  doc = packDocSchema.parse({
    ...pack.doc,
    slides: [...pack.doc.slides.slice(0, -1), { kind: 'map', spec: { measure: 'deployed', from: '2022-01-01', to: '2022-12-31' }, by: 'country' }, pack.doc.slides.at(-1)],
  });
  out = tempDir();
  for (const lang of ['en', 'zh'] as const) {
    packs[lang] = await buildPack(doc, packContext(ws, lang));
    for (const format of ['pptx', 'pdf', 'xlsx'] as const) fs.writeFileSync(file(lang, format), await (await exporterFor(format)).write(packs[lang]!, () => true));
  }
}, 120_000);

afterAll(() => ws?.close());

describe('a map slide', () => {
  it('is added from the Map view before the sources slide, remembering the numbers it was made from', async () => {
    expect(doc.slides.map((s) => s.kind)).toEqual(['cover', 'map', 'map', 'sources']);
    const added = doc.slides[1];
    const total = ws.crossTab({ measure: 'fatalities', rows: ['host_country'] }).grandTotal;
    expect(added.kind === 'map' && added.basis?.grandTotal).toBe(total);
    expect(packs.en!.stale).toEqual([]);
    // Numbers that changed since (here: a basis from another day) are reported, as for a view.
    const changed = packDocSchema.parse({ ...doc, slides: doc.slides.map((s, i) => (i === 1 && s.kind === 'map' ? { ...s, basis: { ...s.basis!, grandTotal: total! - 5 } } : s)) });
    expect((await buildPack(changed, packContext(ws))).stale).toMatchObject([{ index: 1, title: 'Fatalities by Host country', before: { grandTotal: total! - 5 }, now: { grandTotal: total } }]);
  });

  it('fills each named country in the PDF’s SVG with the colour of its class of the core’s fatalities', () => {
    const classes = NAMED.map(([iso3]) => hosts.classing.classOf(hosts.values.get(iso3)));
    // Different classes, so a wrong cut or a shifted palette cannot pass.
    expect(new Set(classes).size).toBeGreaterThanOrEqual(3);
    const svg = slideSvg(packs.en!, 1, new TextMeasure());
    for (const [iso3, name] of NAMED) {
      const fill = new RegExp(`<path data-country="${iso3}" d="[^"]+" fill="(#[0-9a-f]{6})"`).exec(svg)?.[1];
      const c = hosts.classing.classOf(hosts.values.get(iso3))!;
      expect(fill, name).toBe(hosts.classing.classes[c].colour);
    }
    // A country with no fatalities is land with no value; the legend names every class.
    expect(/<path data-country="ISL" d="[^"]+" fill="(#[0-9a-f]{6})"/.exec(svg)?.[1]).toBe('#e4e8ec');
    for (const c of hosts.classing.classes) expect(svg).toContain(`>${classLabel(c, 'fatalities', 'en')}<`);
    expect(svg).toContain('do not imply official endorsement or acceptance by the United Nations');
  });

  it('exports to a workbook sheet of every host country with its codes, the core’s value and its class', async () => {
    const t = ws.crossTab({ measure: 'fatalities', rows: ['host_country'] });
    const sheet = (await readWorkbook(file('en', 'xlsx'))).worksheets[1];
    const rows: unknown[][] = [];
    sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const header = rows.findIndex((r) => r[1] === 'ISO 3166 code');
    expect(rows[header]).toEqual(['Host country', 'ISO 3166 code', 'UN M49 code', 'Fatalities', 'Class on the map']);
    const body = rows.slice(header + 1, header + 1 + t.rows.length);
    const byName = new Map(t.rows.map((r) => [valueText('host_country', r.key[0], 'en', ref).text, r.total]));
    expect(new Map(body.map((r) => [r[0], r[3]]))).toEqual(byName);
    const mali = body.find((r) => r[1] === 'MLI')!;
    expect(mali).toEqual(['Mali', 'MLI', '466', hosts.values.get('MLI'), classLabel(hosts.classing.classes[hosts.classing.classOf(hosts.values.get('MLI'))!], 'fatalities', 'en')]);
    const totals = rows[header + 1 + t.rows.length];
    expect([totals[0], totals[3]]).toEqual(['Total', t.grandTotal]);
  });

  it('exports to a deck slide holding the map as a picture, its legend, the largest values beside it and every value in the notes', async () => {
    const slide = (await readDeck(file('en', 'pptx')))[1];
    expect(slide.xml).toContain('<p:pic>');
    expect(slide.xml).toMatch(/descr="World map: Fatalities by Host country; darkest: Democratic Republic of the Congo, Sudan, Lebanon"/);
    expect(slide.text).toContain('Fatalities: quantile classes of the countries with a value');
    expect(slide.text).toContain('0 or no value');
    expect(slide.text).toContain('Mali');
    expect(slide.text).toContain('The boundaries and names shown and the designations used on this map do not imply official endorsement');
    expect(slide.notes).toContain(`Mali: ${hosts.values.get('MLI')}`);
    expect(slide.notes).toContain(`Chad: ${hosts.values.get('TCD')}`);
  });

  it('speaks the pack’s language', () => {
    const svg = slideSvg(packs.zh!, 2, new TextMeasure());
    expect(svg).toContain('部署人数(月均)：按有数值的国家分位数分级');
    expect(svg).toContain('孟加拉国');
    expect(svg).toContain('本地图所示边界和名称及所用称谓并不意味着联合国正式认可或接受。');
  });
});

describe.skipIf(!hasPoppler)('a map slide in the PDF', () => {
  it('is a page with its title, table and disclaimer as text, in English and Chinese', () => {
    expect(pdfPages(file('en', 'pdf'))).toBe(4);
    const en = pdfText(file('en', 'pdf'), 2);
    expect(en).toContain('Fatalities by Host country');
    expect(en).toContain('Democratic Republic of the Congo');
    expect(en).toContain('Not on the map (no country shape)');
    const zh = pdfText(file('zh', 'pdf'), 2);
    expect(zh).toContain('死亡人数：按东道国');
    expect(zh).toContain('本地图所示边界');
  });
});

describe('a map slide on the synthetic demo, exported by the job runner', () => {
  it('is added through the contract, drawn in the export worker and carries SYNTHETIC DEMO DATA', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'demo.sqlite');
    ensureDemoWorkspace(db);
    const session = new Session(db, dir);
    const ops = operationsFor(session);
    const call = async <T>(name: string, input: unknown): Promise<T> => {
      const r = await dispatch(ops, name, input);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.value as T;
    };
    try {
      const pack = await call<Pack>('packAddSlide', { packId: null, slide: { kind: 'map', spec: { measure: 'ied_incidents', rows: ['host_country'], where: {} }, by: 'host_country' } });
      expect(pack.doc.slides.map((s) => s.kind)).toEqual(['cover', 'map', 'sources']);
      let job = await call<ExportJob>('packExportStart', { id: pack.id, format: 'pdf' });
      for (let i = 0; i < 600 && job.state === 'running'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        job = await call<ExportJob>('packExportStatus', { jobId: job.id });
      }
      expect(job).toMatchObject({ state: 'done', synthetic: true });
      const pdf = path.join(dir, 'demo.pdf');
      fs.writeFileSync(pdf, session.current.exports.file(job.id).bytes);
      if (hasPoppler) {
        const page = pdfText(pdf, 2);
        expect(page).toContain('SYNTHETIC DEMO DATA');
        expect(page).toContain('IED incidents by Host country');
        expect(page).toContain('do not imply official endorsement');
      }
    } finally {
      session.close();
    }
  }, 120_000);
});
