import { describe, expect, it } from 'vitest';
import { choropleth, classLabel, classify, LOSS_PALETTE, PRESENCE_PALETTE, paletteFor } from '../../shared/present/mapClasses';
import { mapDimension, mapDimensionsFor, mapSpec, pointFilters } from '../../shared/present/mapSpec';
import { countryTip, escapeHtml, mapOption, pointTip } from '../../shared/present/mapOption';

describe('choropleth classes', () => {
  it('cut the countries with a value into five quantile classes, darkest for the largest', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const { classes, classOf } = classify(values, LOSS_PALETTE);
    expect(classes.map((c) => [c.low, c.high, c.countries])).toEqual([
      [1, 2, 2],
      [3, 4, 2],
      [5, 6, 2],
      [7, 8, 2],
      [9, 10, 2],
    ]);
    expect(classes.map((c) => c.colour)).toEqual([...LOSS_PALETTE]);
    expect(values.map(classOf)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('leave 0 and blank out of every class, and never split a tie across two classes', () => {
    const { classes, classOf } = classify([0, null, 5, 5, 5, 5, 5, 9], PRESENCE_PALETTE);
    expect(classOf(0)).toBeNull();
    expect(classOf(null)).toBeNull();
    expect(classes.map((c) => [c.low, c.high, c.countries])).toEqual([
      [5, 5, 5],
      [9, 9, 1],
    ]);
    // Two classes take the two darkest colours: the largest value still reads as the most.
    expect(classes.map((c) => c.colour)).toEqual(PRESENCE_PALETTE.slice(3));
  });

  it('give fewer classes than five when fewer countries have a value, and none when nobody has', () => {
    expect(classify([3, 7], LOSS_PALETTE).classes.map((c) => c.high)).toEqual([3, 7]);
    expect(classify([0, null], LOSS_PALETTE).classes).toEqual([]);
  });

  it('are labelled with the measure’s own format, in both languages', () => {
    const { classes } = classify([1200, 15040.64, 3, 44, 5000], PRESENCE_PALETTE);
    expect(classLabel(classes[4], 'deployed', 'en')).toBe('15,040.6');
    expect(classLabel({ low: 1, high: 12, colour: '', countries: 2 }, 'fatalities', 'zh')).toBe('1–12');
  });

  it('are cut over the countries the map draws; values it cannot place are listed instead', () => {
    const rows = [
      { key: ['MLI'], total: 311 },
      { key: ['YUG'], total: 14 },
      { key: [''], total: 9 },
      { key: ['LBN'], total: 0 },
      { key: ['COD'], total: 702 },
    ];
    const map = choropleth(rows, (k) => ['MLI', 'LBN', 'COD'].includes(k), LOSS_PALETTE);
    expect(map.classing.classes.map((c) => c.high)).toEqual([311, 702]);
    expect(map.unplaced).toEqual([
      { key: 'YUG', value: 14 },
      { key: '', value: 9 },
    ]);
    expect(map.values.get('LBN')).toBe(0);
  });

  it('use a red scale for losses and a blue one for presence', () => {
    expect(paletteFor('fatalities')).toBe(LOSS_PALETTE);
    expect(paletteFor('ied_incidents')).toBe(LOSS_PALETTE);
    expect(paletteFor('deployed')).toBe(PRESENCE_PALETTE);
  });
});

describe('what the map asks the engine', () => {
  it('splits the view by host or contributing country, keeping its filters and dates', () => {
    const spec = mapSpec({ measure: 'deployed', where: { service: ['police'] }, from: '2022-01-01', to: '2022-12-31' }, 'country');
    expect(spec).toEqual({ measure: 'deployed', rows: ['country'], where: { service: ['police'] }, from: '2022-01-01', to: '2022-12-31' });
  });

  it('colours IED incidents by host only: the records carry no nationality', () => {
    expect(mapDimensionsFor('ied_incidents')).toEqual(['host_country']);
    expect(mapDimensionsFor('fatalities')).toEqual(['host_country', 'country']);
    expect(mapDimension('ied_incidents', 'country')).toBe('host_country');
  });

  it('keeps for the IED points only the filters IED records carry, and names the others', () => {
    expect(pointFilters({ mission: ['MINUSMA'], country: ['CHN'], year: ['2018'] })).toEqual({ kept: { mission: ['MINUSMA'], year: ['2018'] }, ignored: ['country'] });
  });
});

describe('the map option', () => {
  const values = new Map<string, number | null>([
    ['MLI', 120],
    ['COD', 40],
    ['LBN', 0],
  ]);
  const classing = classify([...values.values()], LOSS_PALETTE);
  const input = {
    mapName: 'w',
    measure: 'fatalities' as const,
    values,
    classing,
    countryName: (k: string) => ({ MLI: 'Mali', COD: 'DR <Congo>', LBN: 'Lebanon' })[k] ?? k,
    points: [],
    lang: 'en' as const,
    fontFamily: 'sans-serif',
    watermark: null,
  };

  it('fills each country with a value by its class, and leaves the rest the land’s grey', () => {
    const option = mapOption(input) as { geo: { regions: { name: string; itemStyle: { areaColor: string } }[] } };
    expect(option.geo.regions).toEqual([
      { name: 'MLI', itemStyle: { areaColor: classing.classes[1].colour }, emphasis: { itemStyle: { areaColor: classing.classes[1].colour } } },
      { name: 'COD', itemStyle: { areaColor: classing.classes[0].colour }, emphasis: { itemStyle: { areaColor: classing.classes[0].colour } } },
    ]);
  });

  it('writes names from files as text in tooltips', () => {
    expect(countryTip(input, 'COD')).toBe('DR &#60;Congo&#62;: 40');
    expect(countryTip(input, 'LBN')).toBe('Lebanon: 0');
    expect(escapeHtml(`"a" & 'b'`)).toBe('&#34;a&#34; &#38; &#39;b&#39;');
    const point = { lat: 16.4, lon: -3.7, date: '2018-02-10', location: '<img src=x onerror=alert(1)>', killed: 4, outcome: 'detonated' as const };
    expect(pointTip(point, 'en')).toBe('&#60;img src=x onerror=alert(1)&#62;, 2018-02-10<br/>detonated, 4 killed');
    expect(pointTip({ ...point, location: 'Goundam', killed: null, outcome: 'found_and_cleared' }, 'zh')).toBe('Goundam，2018-02-10<br/>已发现并清除');
  });

  it('draws the IED points on the map’s projection, each where its file placed it', () => {
    const point = { lat: 16.4, lon: -3.7, date: '2018-02-10', location: 'Goundam', killed: 4, outcome: 'detonated' as const };
    const option = mapOption({ ...input, points: [point] }) as { series: { type: string; coordinateSystem: string; data: number[][] }[] };
    expect(option.series).toMatchObject([{ type: 'scatter', coordinateSystem: 'geo', data: [[-3.7, 16.4]] }]);
    expect((mapOption(input) as { series: unknown[] }).series).toEqual([]);
  });
});
