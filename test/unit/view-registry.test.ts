import { describe, expect, it } from 'vitest';
import { VIEWS } from '../../renderer/src/views/registry';
import { VIEW_IDS } from '../../renderer/src/views/viewIds';
import en from '../../renderer/src/i18n/en.json';
import zh from '../../renderer/src/i18n/zh.json';

const lookup = (dict: unknown, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], dict);

describe('the view registry', () => {
  it('has one entry per tab id, in the tabs’ order, each labelled in both languages', () => {
    expect(VIEWS.map((v) => v.id)).toEqual([...VIEW_IDS]);
    for (const v of VIEWS) {
      // A label with a count (Datasets (1)) is stored per plural form.
      expect(lookup(en, v.labelKey) ?? lookup(en, `${v.labelKey}_one`), `${v.id} in English`).toBeTruthy();
      expect(lookup(zh, v.labelKey) ?? lookup(zh, `${v.labelKey}_other`), `${v.id} in Chinese`).toBeTruthy();
    }
  });

  it('shows the builder beside the cross-tab, the trends and the map only', () => {
    expect(VIEWS.filter((v) => v.usesBuilder).map((v) => v.id)).toEqual(['crossTab', 'trends', 'map']);
  });
});
