import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Measure } from '../../../../shared/catalogue';
import { formatValue } from '../../../../shared/present/format';
import { classLabel, type Choropleth } from '../../../../shared/present/mapClasses';
import { useBluehelm } from '../../store';

/** Letters typed within this pause make one search (typing "Ma" finds Mali, not the first M and then the first a). */
const TYPE_AHEAD_MS = 700;

/**
 * The countries the map colours, largest first, as a list: the map for a keyboard (Tab to it, arrows or the
 * first letters of a name, Enter opens the cross-tab filtered to the country, as a click on the map does)
 * and for a screen reader (the SVG map is only a picture to it), each with its value and class. A listbox
 * of our own rather than a <select>: a long name is cut with its value still in view.
 */
export function MapCountryList({ map, measure, placed, countryName, onCountry }: { map: Choropleth; measure: Measure; placed: ReadonlySet<string>; countryName: (key: string) => string; onCountry: (iso3: string) => void }) {
  const { t } = useTranslation();
  const lang = useBluehelm((s) => s.lang);
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const typed = useRef({ text: '', at: 0 });
  const rows = [...map.values]
    .filter(([key, v]) => placed.has(key) && v !== null && v !== 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([key, value]) => {
      const c = map.classing.classOf(value);
      const cls = c === null ? null : map.classing.classes[c];
      return { key, value, name: countryName(key), text: formatValue(measure, value, lang), colour: cls?.colour, range: cls ? classLabel(cls, measure, lang) : '' };
    });
  const at = rows.findIndex((r) => r.key === chosen);
  const optionId = (key: string) => `${id}-${key}`;

  useEffect(() => {
    if (chosen) document.getElementById(optionId(chosen))?.scrollIntoView({ block: 'nearest' });
  });

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const move = (i: number) => rows.length && setChosen(rows[Math.max(0, Math.min(rows.length - 1, i))].key);
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at < 0 ? 0 : at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(rows.length - 1);
    else if (e.key === 'PageDown') move(at + 10);
    else if (e.key === 'PageUp') move(at - 10);
    else if (e.key === 'Enter' && chosen) onCountry(chosen);
    else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const now = Date.now();
      typed.current = { text: (now - typed.current.at < TYPE_AHEAD_MS ? typed.current.text : '') + e.key.toLowerCase(), at: now };
      const found = rows.find((r) => r.name.toLowerCase().startsWith(typed.current.text));
      if (found) setChosen(found.key);
    } else return;
    e.preventDefault();
  };

  const sep = lang === 'zh' ? '：' : ': ';
  return (
    <div className="bh-map-list">
      <span id={`${id}-label`} className="bh-map-list-label">
        {t('map.list')}
      </span>
      <ul
        role="listbox"
        tabIndex={0}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-hint`}
        aria-activedescendant={chosen && at >= 0 ? optionId(chosen) : undefined}
        data-testid="map-countries"
        data-chosen={at >= 0 ? chosen : ''}
        onKeyDown={onKeyDown}
      >
        {rows.map((r) => (
          <li
            key={r.key}
            id={optionId(r.key)}
            role="option"
            aria-selected={r.key === chosen}
            aria-label={t('map.listItem', { text: `${r.name}${sep}${r.text}`, range: r.range })}
            title={r.name}
            data-key={r.key}
            data-value={r.value ?? ''}
            onClick={() => setChosen(r.key)}
            onDoubleClick={() => onCountry(r.key)}
          >
            <span className="bh-swatch" style={{ background: r.colour }} />
            <span className="bh-map-list-name">{r.name}</span>
            <span className="bh-map-list-value">{r.text}</span>
          </li>
        ))}
      </ul>
      <p id={`${id}-hint`} className="bh-help">
        {t('map.listHint')}
      </p>
    </div>
  );
}
