import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/annotations';
import { chartOption } from '../../shared/present/chart';
import { chartMarks, mandateAnnotations, missionsInTrend, periodOf } from '../../shared/present/annotations';
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

  it('that stand too close for their labels put the second label on the other side of its line, and a third joins the one before', () => {
    // Years since 1948 on a slide 400 px wide: 2018, 2019 and 2020 are about 4 px apart.
    const times = Array.from({ length: 78 }, (_, i) => String(1948 + i));
    const marks = chartMarks({ times, time: 'year', annotations: [...bundled, mine], missions: [], lookups: ref, lang: 'en' });
    const lines = [{ name: 'Fatalities', values: times.map(() => 1), other: false }];
    const option = chartOption({ times, lines, measure: 'fatalities', lang: 'en', fontFamily: 'sans-serif', watermark: null, marks, width: 400, height: 260, forPrint: true }) as {
      series: { markLine: { label: { width: number }; data: { name: string; xAxis: number; label?: { position?: string; show?: boolean } }[] } }[];
    };
    const data = option.series[0].markLine.data;
    expect(data.map((d) => [times[d.xAxis], d.name, d.label?.position ?? (d.label?.show === false ? 'hidden' : 'left')])).toEqual([
      ['2018', 'Action for Peacekeeping launched', 'left'],
      ['2019', 'Mopti attacks; Resolution 2518 (2020) adopted', 'insideEndBottom'],
      ['2020', '', 'hidden'],
    ]);
    // A label is cut to the plot's height rather than running past the axis.
    expect(option.series[0].markLine.label.width).toBe(170);
    // On a wide chart the same marks each keep their own label on the left.
    const wide = chartOption({ times: times.slice(60), lines, measure: 'fatalities', lang: 'en', fontFamily: 'sans-serif', watermark: null, marks: chartMarks({ times: times.slice(60), time: 'year', annotations: [...bundled, mine], missions: [], lookups: ref, lang: 'en' }) }) as typeof option;
    expect(wide.series[0].markLine.data.map((d) => d.label?.position ?? 'left')).toEqual(['left', 'left', 'left']);
  });

  it('are drawn as vertical lines by the one option builder, and in the export’s SVG at their periods', () => {
    const times = ['2017', '2018', '2019', '2020', '2021'];
    const marks = chartMarks({ times, time: 'year', annotations: bundled, missions: [], lookups: ref, lang: 'en' });
    const lines = [{ name: 'Fatalities', values: [10, 20, 30, 40, 50], other: false }];
    const option = chartOption({ times, lines, measure: 'fatalities', lang: 'en', fontFamily: 'sans-serif', watermark: null, marks }) as { series: { markLine?: { data: { name: string; xAxis: number }[] } }[] };
    expect(option.series[0].markLine?.data).toEqual([
      { name: 'Action for Peacekeeping launched', xAxis: 1 },
      { name: 'Resolution 2518 (2020) adopted', xAxis: 3 },
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
