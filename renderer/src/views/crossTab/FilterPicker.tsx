import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dimension } from '../../../../shared/catalogue';
import { dimensionLabel, listOf, valueText } from '../../../../shared/present/labels';
import { useBluehelm } from '../../store';
import { filterKey } from '../../store/viewSlice';
import { formatNumber } from '../../../../shared/present/format';

const NO_VALUES: string[] = [];
// Short lists are scanned by eye; longer ones (countries, months) get a search box.
const SEARCH_FROM = 12;

/** One dimension's filter: the values the data holds, with the measure's total beside each. */
export function FilterPicker({ dim }: { dim: Dimension }) {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const lookups = useBluehelm((s) => s.lookups);
  const measure = useBluehelm((s) => s.draft.measure);
  const selected = useBluehelm((s) => s.draft.where[dim] ?? NO_VALUES);
  const values = useBluehelm((s) => s.filterValues[filterKey(measure, dim)]);
  const loadFilterValues = useBluehelm((s) => s.loadFilterValues);
  const setFilter = useBluehelm((s) => s.setFilter);
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);

  // Values load when the filter is opened, and again after an import has emptied the cache.
  useEffect(() => {
    if (open && !values) void loadFilterValues(dim);
  }, [open, values, dim, loadFilterValues]);

  const labelled = (values ?? []).map((v) => ({ ...v, label: valueText(dim, v.key, lang, lookups) }));
  const needle = search.trim().toLowerCase();
  const shown = needle
    ? labelled.filter((v) => `${v.key} ${v.label.text} ${v.label.title ?? ''}`.toLowerCase().includes(needle))
    : labelled;
  const toggle = (key: string, on: boolean) => setFilter(dim, on ? [...selected, key] : selected.filter((k) => k !== key));
  const summary =
    selected.length === 0
      ? t('builder.all')
      : selected.length <= 2
        ? listOf(selected.map((k) => valueText(dim, k, lang, lookups).text), lang)
        : t('builder.selected', { n: selected.length });

  return (
    <details className="bh-filter" data-testid={`filter-${dim}`} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <span>{dimensionLabel(dim, lang)}</span>
        <span className={selected.length ? 'bh-filter-summary on' : 'bh-filter-summary'}>{summary}</span>
      </summary>
      <div className="bh-filter-body">
        {!values && <p className="bh-help">{t('builder.loading')}</p>}
        {values && values.length > SEARCH_FROM && (
          <input type="search" className="bh-filter-search" placeholder={t('builder.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
        )}
        {selected.length > 0 && (
          <button type="button" className="bh-link" onClick={() => setFilter(dim, [])}>
            {t('builder.clear')}
          </button>
        )}
        <ul>
          {shown.map((v) => (
            <li key={v.key}>
              <label title={v.label.title}>
                <input type="checkbox" value={v.key} checked={selected.includes(v.key)} onChange={(e) => toggle(v.key, e.target.checked)} />
                <span className="bh-filter-label">{v.label.text}</span>
                <span className="bh-filter-count">{formatNumber(v.value, lang)}</span>
              </label>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
