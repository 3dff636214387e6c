import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { importFile } from '../../electron/core/import/run';
import { operationsFor } from '../../electron/core/operations';
import { buildPack } from '../../electron/core/packs/model';
import { packContext } from '../../electron/core/packs/context';
import { writePack } from '../../electron/core/packs/export-pack';
import { Session } from '../../electron/core/session';
import type { Pack } from '../../shared/pack';
import { tempDir, writeTemp } from '../helpers';
import { readDeck } from '../pack-files';

// Annotations in the briefing pack: the chart's SVG (the PDF and the preview) draws them as on screen; the
// deck's native chart cannot, so its slide lists them under the chart. A slide may leave them out.

const HEADER = 'id,incident_date,casualty_id,mission_acronym,type_of_casualty,gender,casualty_nationality,casualty_personnel_type,type_of_incident,m49_code,isocode3,last_update';
/** One MINUSMA death a month, 2017 to 2020. */
function fatalities(): string {
  const lines = [HEADER];
  let n = 0;
  for (let y = 2017; y <= 2020; y++)
    for (let m = 1; m <= 12; m++) {
      n++;
      lines.push(`${n},${y}-${String(m).padStart(2, '0')}-10,AX-${n},MINUSMA,Fatality,M,Chad,Military,Malicious Act,148.0,TCD,2021-01-31`);
    }
  return lines.join('\n') + '\n';
}

async function call<T>(ops: ReturnType<typeof operationsFor>, name: string, input: unknown): Promise<T> {
  const r = await dispatch(ops, name, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

describe('annotations in the briefing pack', () => {
  it('are drawn in the chart SVG at their months, listed under the deck’s native chart, and left out when the slide says so', async () => {
    const dir = tempDir('h2-annot-');
    const session = new Session(path.join(dir, 'ws.sqlite'), dir);
    try {
      importFile(session.db, { path: writeTemp('f.csv', fatalities()) });
      const ops = operationsFor(session);
      await call(ops, 'annotationAdd', { date: '2019-06-15', label: { en: 'Mopti attacks', zh: '莫普提袭击' } });
      const spec = { measure: 'fatalities', rows: ['month'], where: { mission: ['MINUSMA'] } };
      const pack = await call<Pack>(ops, 'packAddSlide', { packId: null, slide: { kind: 'view', spec, show: 'chart', chart: 'line' } });
      const preview = await call<{ svgs: string[] }>(ops, 'packPreview', { id: pack.id });
      const svg = preview.svgs[1];
      for (const label of ['Action for Peacekeeping launched', 'Resolution 2518 (2020) adopted', 'Mopti attacks']) expect(svg).toContain(label);
      // MINUSMA started in 2013 and ended in 2023, outside the months drawn.
      expect(svg).not.toContain('MINUSMA established');

      const rendered = await buildPack(pack.doc, packContext(session.current, 'zh'));
      const chart = rendered.slides[1].chart!;
      expect(chart.marks.map((m) => [chart.categories[m.index], m.label])).toEqual([
        ['2018-03', '秘书长发起“以行动促维和”倡议'],
        ['2019-06', '莫普提袭击'],
        ['2020-03', '安理会通过第2518(2020)号决议'],
      ]);
      const deckFile = path.join(dir, 'deck.pptx');
      fs.writeFileSync(deckFile, await writePack(rendered, 'pptx'));
      expect((await readDeck(deckFile))[1].text).toContain('时间轴上的标注：2018-03 秘书长发起“以行动促维和”倡议；2019-06 莫普提袭击；2020-03 安理会通过第2518(2020)号决议');

      const plain = { ...pack.doc, slides: pack.doc.slides.map((s) => (s.kind === 'view' ? { ...s, annotations: false } : s)) };
      const without = await buildPack(plain, packContext(session.current));
      expect(without.slides[1].chart!.marks).toEqual([]);
    } finally {
      session.close();
    }
  });
});
