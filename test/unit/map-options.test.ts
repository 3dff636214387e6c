import { describe, expect, it } from 'vitest';
import { keptHash, keptSettings, readViewHash, viewHash } from '../../renderer/src/views/viewHash';
import { DEFAULT_MAP_OPTIONS } from '../../shared/present/mapSpec';
import { DEFAULT_PIVOT_OPTIONS } from '../../shared/present/pivot';
import { DEFAULT_TREND_OPTIONS } from '../../shared/present/trend';

// The map's settings travel with the view: in the address, in a saved view, and back.

const spec = { measure: 'deployed' as const, where: {}, from: '2022-01-01', to: '2022-12-31' };

describe('the map’s settings in the address', () => {
  it('reads back which countries are coloured and whether the IED points show', () => {
    const hash = viewHash({ spec, tab: 'map', trend: DEFAULT_TREND_OPTIONS, map: { by: 'country', points: false } });
    expect(hash).toContain('map=country');
    expect(hash).toContain('points=0');
    expect(readViewHash(hash).map).toEqual({ by: 'country', points: false });
  });

  it('leaves the defaults out of the address, and reads a missing or mangled setting as the default', () => {
    const hash = viewHash({ spec, tab: 'map', trend: DEFAULT_TREND_OPTIONS, map: DEFAULT_MAP_OPTIONS });
    expect(hash).not.toMatch(/map=|points=/);
    expect(readViewHash(hash).map).toBeUndefined();
    expect(readViewHash('#map=planet&points=maybe').map).toEqual(DEFAULT_MAP_OPTIONS);
    expect(readViewHash('#points=0').map).toEqual({ by: 'host_country', points: false });
  });

  it('keeps them in a saved view and opens the saved view with them', () => {
    const chart = keptSettings({ trendOptions: DEFAULT_TREND_OPTIONS, pivotOptions: DEFAULT_PIVOT_OPTIONS, mapOptions: { by: 'country', points: false } });
    expect(chart).toMatchObject({ map: 'country', points: false });
    expect(readViewHash(keptHash({ spec, tab: 'map', chart })).map).toEqual({ by: 'country', points: false });
    // A saved view from before the map kept its settings opens the default map.
    expect(readViewHash(keptHash({ spec, tab: 'map', chart: { chart: 'line' } })).map).toBeUndefined();
  });
});
