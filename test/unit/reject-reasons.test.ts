import { describe, expect, it } from 'vitest';
import { readRejectReason, rejectFieldText, rejectText, storeRejectReason, type RejectReason } from '../../shared/rejects';

// A rejected row's reason is stored as a code and worded when shown, so one import reads in either language.

describe('reject reasons', () => {
  it('are stored as codes and read back unchanged', () => {
    const r: RejectReason = { code: 'not_one_of', value: 'Sailor', allowed: ['Military', 'Police'] };
    expect(readRejectReason(storeRejectReason(r))).toEqual(r);
  });

  it('read an earlier version’s English sentence as recorded text, and say so to a Chinese reader', () => {
    const old = 'has 4 fields; the header has 12';
    expect(readRejectReason(old)).toEqual({ code: 'recorded_text', text: old });
    expect(rejectText(readRejectReason(old), 'en')).toBe(old);
    expect(rejectText(readRejectReason(old), 'zh')).toBe(`${old} (此原因由旧版本以英文记录)`);
    expect(readRejectReason('{not json')).toEqual({ code: 'recorded_text', text: '{not json' });
  });

  it('say which of two duplicate lines is kept, in both languages', () => {
    const dup: RejectReason = { code: 'duplicate', key: 'A-1', other: 5, differs: [] };
    expect(rejectText(dup, 'en', 9)).toBe('same A-1 as line 5 (an exact repeat); the first is kept');
    expect(rejectText(dup, 'en', 2)).toBe('same A-1 as line 5 (an exact repeat); line 5 is kept');
    expect(rejectText(dup, 'zh', 9)).toBe('与第5行的A-1相同(完全重复)；保留第5行');
  });

  it('word the pseudo-fields and keep a column’s own name', () => {
    expect(rejectFieldText('(row)', 'zh')).toEqual({ text: '(整行)', isColumn: false });
    expect(rejectFieldText('incident_date', 'zh')).toEqual({ text: 'incident_date', isColumn: true });
  });
});
