import { describe, expect, it } from 'vitest';
import { explain, explanationSchema, type Explanation } from '../../shared/reconcile';

const EVERY_CODE: Explanation[] = [
  { code: 'no_dataset', subject: 'fatalities' },
  { code: 'no_dataset', subject: 'deployments' },
  { code: 'no_dataset', subject: 'ied' },
  { code: 'no_deployment_report', from: '2017-01-01', to: '2017-12-31', covered: '2009-11..2014-02' },
  { code: 'some_deployment_months', have: 11, wanted: 12, from: '2022-01-01', to: '2022-12-31' },
  { code: 'data_ends_before', subject: 'fatalities', end: '2018-12-31', date: '2019-01-01' },
  { code: 'data_ends_within', subject: 'fatalities', end: '2025-02-18', date: '2025-12-31' },
  { code: 'ied_period_outside', min: '2013-01-01', max: '2023-12-31', from: '2010-01-01', to: '2010-12-31' },
  { code: 'blank' },
  { code: 'dataset_updated_after', lastUpdate: '2025-04-04', documentDate: '2019' },
  { code: 'synthetic' },
  { code: 'synthetic_match' },
  { code: 'unknown' },
];

describe('explanations of a reconciliation', () => {
  it('cover every code of the schema', () => {
    const codes = explanationSchema.options.map((o) => o.shape.code.value).sort();
    expect([...new Set([...EVERY_CODE.map((e) => e.code), 'figure_note'])].sort()).toEqual(codes);
  });

  it.each(EVERY_CODE)('are worded in English and in Chinese, with their facts: %j', (e) => {
    const en = explain(e, 'en');
    const zh = explain(e, 'zh');
    expect(en).toMatch(/^[\x20-\x7e…—]+$/);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    for (const v of Object.values(e).filter((v): v is string => typeof v === 'string' && /\d/.test(v))) {
      expect(en).toContain(v);
      // Chinese writes a span of months 2009-11至2014-02, so each date is looked for on its own.
      for (const date of v.match(/\d{4}(-\d{2}){0,2}/g)!) expect(zh).toContain(date);
    }
  });

  it('give a figure\'s own note in the reader\'s language, and say when it is a guess', () => {
    const note = { code: 'figure_note', text: 'the dataset has 34 from April 2011', text_zh: '数据集记录2011年4月起34人' } as const;
    expect(explain({ ...note, guess: false }, 'en')).toBe('the dataset has 34 from April 2011');
    expect(explain({ ...note, guess: false }, 'zh')).toBe('数据集记录2011年4月起34人');
    expect(explain({ ...note, guess: true }, 'en')).toBe('A guess, not confirmed: the dataset has 34 from April 2011');
    expect(explain({ ...note, guess: true }, 'zh')).toBe('推测(未经证实)：数据集记录2011年4月起34人');
  });
});
