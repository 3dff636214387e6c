import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/annotations';
import { chartOption } from '../../shared/present/chart';
import { init } from 'echarts/core';
import { chartMarks, mandateAnnotations, missionsInTrend, periodOf, placeLabels } from '../../shared/present/annotations';
import { lookups } from '../../shared/present/labels';
import { chartSvg } from '../../electron/core/packs/chart-svg';
import { bundledAnnotations } from '../../electron/core/annotations/store';
import type { Trend } from '../../shared/present/trend';
import { REPO } from '../helpers';

// Which annotations a chart over time shows, and where: the screen and the export build the same option.

const missions = JSON.parse(fs.readFileSync(path.join(REPO, 'data', 'reference', 'missions.json'), 'utf8'));
const ref = lookups({ missions, countries: [], regions: {} });
const bundled = bundledAnnotations();
const mine: Annotation = { id: 'user:1', date: '2019-06-15', label: { en: 'Mopti attacks', zh: null }, source: 'user', mission: null };

const months = (from: string, to: string) => {
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)), m = Number(from.slice(5, 7)); `${y}-${String(m).padStart(2, '0')}` <= to; m === 12 ? (y++, (m = 1)) : m++) out.push(`${y}-${String(m).padStart(2, '0')}`);
  return out;
};

describe('annotations on the time axis', () => {
  it('fall in the period of their date on each grain', () => {
    expect(['year', 'quarter', 'month'].map((g) => periodOf('2018-03-28', g as 'year'))).toEqual(['2018', '2018-Q1', '2018-03']);
    expect(periodOf('2020-10-01', 'quarter')).toBe('2020-Q4');
    expect(periodOf('2020-10-01', 'mission')).toBeNull();
  });

  it('show only those inside the periods drawn, and a mission’s start and end only for the missions drawn', () => {
    const times = months('2013-01', '2019-12');
    const marks = chartMarks({ times, time: 'month', annotations: [...bundled, mine], missions: ['MINUSMA', 'MINUSCA'], lookups: ref, lang: 'en' });
    expect(marks.map((m) => [times[m.index], m.label, m.user])).toEqual([
      ['2013-04', 'MINUSMA established', false],
      ['2014-04', 'MINUSCA established', false],
      ['2018-03', 'Action for Peacekeeping launched', false],
      ['2019-06', 'Mopti attacks', true],
    ]);
    // Resolution 2518 (March 2020) and MINUSMA's end (December 2023) are after the last period drawn.
    const zh = chartMarks({ times: months('2020-01', '2024-06'), time: 'month', annotations: [...bundled, mine], missions: ['MINUSMA'], lookups: ref, lang: 'zh' });
    expect(zh.map((m) => m.label)).toEqual(['安理会通过第2518(2020)号决议', '马里稳定团任务期结束']);
    // Without a mission drawn, no mission's dates.
    expect(chartMarks({ times, time: 'month', annotations: [], missions: [], lookups: ref, lang: 'en' })).toEqual([]);
  });

  it('that fall in the same period share one mark, so their labels never overlap; a label in one language is shown in the other', () => {
    const marks = chartMarks({ times: ['2017', '2018', '2019'], time: 'year', annotations: [...bundled, mine, { ...mine, id: 'user:2', date: '2018-01-02' }], missions: [], lookups: ref, lang: 'zh' });
    expect(marks.map((m) => [m.index, m.dates, m.label, m.user])).toEqual([
      [1, ['2018-01-02', '2018-03-28'], 'Mopti attacks；秘书长发起“以行动促维和”倡议', true],
      [2, ['2019-06-15'], 'Mopti attacks', true],
    ]);
  });

  it('take the missions of a trend from its lines, else from its mission filter', () => {
    const base = { table: { spec: { measure: 'fatalities', rows: ['year'], where: { mission: ['UNMISS'] } } } } as unknown as Trend;
    expect(missionsInTrend({ ...base, axes: { time: 'year', series: 'mission' }, lines: [{ kind: 'value', key: 'MINUSMA', values: [] }, { kind: 'other', values: [] }] })).toEqual(['MINUSMA']);
    expect(missionsInTrend({ ...base, axes: { time: 'year', series: 'service', second: 'mission' }, lines: [{ kind: 'combination', key: 'military', second: 'MONUSCO', values: [] }] })).toEqual(['MONUSCO']);
    expect(missionsInTrend({ ...base, axes: { time: 'year', series: null }, lines: [{ kind: 'total', values: [] }] })).toEqual(['UNMISS']);
    expect(mandateAnnotations(['UNMISS', 'NOPE'], ref).map((a) => [a.id, a.date, a.label.zh])).toEqual([['start:UNMISS', '2011-07-08', '南苏丹特派团设立']]);
  });

  it('that stand too close for their labels share one label above the plot; further apart, each has its own, stacked in lanes', () => {
    // Years since 1948 on a chart 400 px wide: 2018, 2019 and 2020 are about 4 px apart.
    const times = Array.from({ length: 78 }, (_, i) => String(1948 + i));
    const marks = chartMarks({ times, time: 'year', annotations: [...bundled, mine], missions: [], lookups: ref, lang: 'en' });
    const frame = { width: 400, left: 40, right: 24, bands: false, categories: times.length };
    const placed = placeLabels(marks, frame, 'en');
    expect(placed.map((p) => [times[p.mark.index], p.label, p.lane])).toEqual([
      ['2018', 'Action for Peacekeeping launched; Mopti attacks; Resolution 2518 (2020) adopted', 0],
      ['2019', null, 0],
      ['2020', null, 0],
    ]);
    // On a wide chart each keeps its own label, the earlier ones a lane above the later ones whose lines they span.
    const wide = placeLabels(chartMarks({ times: times.slice(60), time: 'year', annotations: [...bundled, mine], missions: [], lookups: ref, lang: 'en' }), { ...frame, width: 1000, categories: 18 }, 'en');
    expect(wide.map((p) => [p.label, p.lane])).toEqual([
      ['Action for Peacekeeping launched', 2],
      ['Mopti attacks', 1],
      ['Resolution 2518 (2020) adopted', 0],
    ]);
  });

  it('never lay a label over another, nor a rising line across a lower label, however many marks crowd a narrow chart', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const words = ['MINUSMA established', 'Action for Peacekeeping launched', '安理会通过第2518(2020)号决议', 'Mopti', 'Resolution 2518 (2020) adopted; UNAMID mandate ends'];
    for (let round = 0; round < 200; round++) {
      const categories = 12 + Math.floor(random() * 200);
      const indices = [...new Set(Array.from({ length: 1 + Math.floor(random() * 9) }, () => Math.floor(random() * categories)))].sort((a, b) => a - b);
      const marks = indices.map((index) => ({ index, dates: [], label: words[Math.floor(random() * words.length)], user: false }));
      const frame = { width: 300 + Math.floor(random() * 700), left: 40, right: 24, bands: random() < 0.5, categories };
      const placed = placeLabels(marks, frame, 'en');
      const shown = placed.filter((p) => p.label !== null);
      // Every mark's text is still on the chart, in its own label or joined to another's.
      for (const m of marks) expect(shown.some((p) => p.label!.includes(m.label))).toBe(true);
      for (const p of shown) {
        expect(p.left).toBeLessThanOrEqual(p.x);
        expect(p.left).toBeGreaterThanOrEqual(0);
        expect(p.left + p.width).toBeLessThanOrEqual(frame.width);
        expect(p.width).toBeGreaterThan(0);
        for (const q of shown) {
          if (q === p) continue;
          if (q.lane === p.lane) expect(q.left + q.width <= p.left || p.left + p.width <= q.left, `${round}: two labels in lane ${p.lane}`).toBe(true);
          if (q.lane > p.lane) expect(q.x < p.left || q.x > p.left + p.width, `${round}: a line through a lower label`).toBe(true);
        }
      }
    }
  });

  // The rendered chart: ECharts lays the option out (as the PDF and the screen draw it) and the boxes are read back.
  const drawn = (chart: Parameters<typeof chartSvg>[0], lang: 'en' | 'zh', width: number, height: number) => {
    const ec = init(null, null, { renderer: 'svg', ssr: true, width, height });
    try {
      const option = chartOption({ times: chart.categories, lines: chart.series, measure: chart.measure, lang, fontFamily: 'sans-serif', watermark: null, type: chart.type, forPrint: true, width, marks: chart.marks });
      ec.setOption(option);
      const labelTexts = (option as { series: { markLine: { data: [{ name: string }, object][] } }[] }).series[0].markLine.data.map(([from]) => from.name).filter(Boolean);
      type El = { style?: { text?: string }; getBoundingRect(): { clone(): Box & { applyTransform(m: unknown): void } }; transform?: unknown };
      type Box = { x: number; y: number; width: number; height: number };
      const els = (ec.getZr() as unknown as { storage: { getDisplayList(u: boolean): El[] } }).storage.getDisplayList(true);
      const box = (el: El): Box => {
        const r = el.getBoundingRect().clone();
        if (el.transform) r.applyTransform(el.transform);
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      };
      const labels = els.filter((e) => e.style?.text && e.style.text.length > 3 && labelTexts.some((l) => l.startsWith(e.style!.text!.replace(/(…|\.\.\.)$/, ''))));
      const bars = chart.series.flatMap((_, i) => {
        const data = ((ec as unknown as { getModel(): { getSeriesByIndex(i: number): unknown } }).getModel().getSeriesByIndex(i) as { getData(): { count(): number; getItemLayout(j: number): Box | null } }).getData();
        return Array.from({ length: data.count() }, (_, j) => data.getItemLayout(j)).filter((b): b is Box => b !== null && b.height !== 0);
      });
      const norm = (b: Box): Box => ({ x: Math.min(b.x, b.x + b.width), y: Math.min(b.y, b.y + b.height), width: Math.abs(b.width), height: Math.abs(b.height) });
      // The angle the text is drawn at, from its transform (a label along a vertical line is at ±90°).
      const angle = (el: El) => (el.transform ? Math.round((Math.atan2((el.transform as number[])[1], (el.transform as number[])[0]) * 180) / Math.PI) : 0);
      return { labels: labels.map((l) => ({ text: l.style!.text!, rotation: angle(l), box: box(l) })), bars: bars.map(norm) };
    } finally {
      ec.dispose();
    }
  };
  const intersects = (a: { x: number; y: number; width: number; height: number }, b: typeof a) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  it.each(['en', 'zh'] as const)('on a stacked bar slide (%s) are written upright above the bars, two close dates apart', (lang) => {
    // A4P (March 2018) and a mission that started a month later, on a chart the width of a pack slide's.
    const times = months('2017-01', '2019-12');
    const start: Annotation = { id: 'start:X', date: '2018-04-20', label: { en: 'MINUSXX starts', zh: '某某特派团设立' }, source: 'mandate', mission: null };
    const marks = chartMarks({ times, time: 'month', annotations: [...bundled, start], missions: [], lookups: ref, lang });
    expect(marks.map((m) => times[m.index])).toEqual(['2018-03', '2018-04']);
    const series = ['A', 'B', 'C'].map((name, k) => ({ name, values: times.map((_, i) => 5 + ((i * (k + 3)) % 9)), other: false }));
    const { labels, bars } = drawn({ type: 'stacked_bar', measure: 'fatalities', categories: times, series, marks }, lang, 510, 320);
    expect(labels.map((l) => l.text), JSON.stringify(marks)).toHaveLength(2);
    for (const l of labels) {
      expect(l.rotation).toBe(0);
      for (const b of bars) expect(intersects(l.box, b)).toBe(false);
    }
    expect(intersects(labels[0].box, labels[1].box)).toBe(false);
    expect(bars.length).toBe(times.length * series.length);
  });

  it('are drawn as vertical lines by the one option builder, and in the export’s SVG at their periods', () => {
    const times = ['2017', '2018', '2019', '2020', '2021'];
    const marks = chartMarks({ times, time: 'year', annotations: bundled, missions: [], lookups: ref, lang: 'en' });
    const lines = [{ name: 'Fatalities', values: [10, 20, 30, 40, 50], other: false }];
    const option = chartOption({ times, lines, measure: 'fatalities', lang: 'en', fontFamily: 'sans-serif', watermark: null, marks }) as { series: { markLine?: { data: [{ name: string; coord: number[] }, object][] } }[] };
    expect(option.series[0].markLine?.data.map(([from]) => [from.name, from.coord[0]])).toEqual([
      ['Action for Peacekeeping launched', 1],
      ['Resolution 2518 (2020) adopted', 3],
    ]);
    expect((chartOption({ times, lines, measure: 'fatalities', lang: 'en', fontFamily: 'sans-serif', watermark: null }) as { series: object[] }).series[0]).not.toHaveProperty('markLine');
    const svg = chartSvg({ type: 'line', measure: 'fatalities', categories: times, series: lines, marks }, 'en', 800, 400);
    expect(svg).toContain('Action for Peacekeeping launched');
    expect(svg).toContain('Resolution 2518 (2020) adopted');
    // Each mark's dashed line stands where the axis writes its year.
    const axisX = (year: string) => Number(new RegExp(`translate\\(([\\d.]+) [\\d.]+\\)" fill="[^"]+">${year}<`).exec(svg)![1]);
    const dashed = [...svg.matchAll(/d="M([\d.]+) [\d.]+L[\d.]+ [\d.]+"[^>]*stroke-dasharray/g)].map((m) => Number(m[1]));
    expect(dashed).toHaveLength(2);
    expect(Math.abs(dashed[0] - axisX('2018'))).toBeLessThan(1);
    expect(Math.abs(dashed[1] - axisX('2020'))).toBeLessThan(1);
  });
});
