import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import atlas from 'world-atlas/countries-50m.json';
import { drawnCountries, LEFT_OUT, NO_SHAPE, UNNUMBERED_SHAPES, worldShapes, type WorldAtlas } from '../../shared/present/worldShapes';
import { REPO } from '../helpers';

const reference = (name: string) => JSON.parse(fs.readFileSync(path.join(REPO, 'data', 'reference', name), 'utf8'));
const countries = reference('countries.json') as { iso3: string; m49: number | null; name_en: string }[];
const missions = reference('missions.json') as { acronym: string; host: string[] }[];
const world = worldShapes(atlas as unknown as WorldAtlas, countries);

describe('the world shapes joined to the reference countries', () => {
  it('find a reference country for every numbered shape (the M49 code is the ISO numeric id)', () => {
    expect(world.unmatched).toEqual([]);
  });

  it('give every host country of every mission a shape', () => {
    const hosts = [...new Set(missions.flatMap((m) => m.host))];
    expect(hosts.length).toBeGreaterThan(40);
    expect(hosts.filter((h) => !world.iso3.has(h))).toEqual([]);
  });

  it('give every other reference country a shape, apart from the listed exceptions', () => {
    const without = countries.map((c) => c.iso3).filter((c) => !world.iso3.has(c) && !LEFT_OUT.has(c));
    expect(without.sort()).toEqual(Object.keys(NO_SHAPE).sort());
  });

  it('are the countries a thread knows to be drawn without loading the atlas', () => {
    expect([...drawnCountries(countries)].sort()).toEqual([...world.iso3].sort());
  });

  it('draw one feature per country, the unnumbered parts merged into the state the UN counts them in', () => {
    const names = world.geojson.features.map((f) => f.properties.name);
    expect(new Set(names).size).toBe(names.length);
    for (const iso3 of Object.values(UNNUMBERED_SHAPES)) expect(names).toContain(iso3);
    expect(names).not.toContain('Somaliland');
    expect(names).not.toContain('ATA');
    const somalia = world.geojson.features.find((f) => f.properties.name === 'SOM')!;
    // Somaliland merged in: Somalia's northern coast (about 11° N) is inside the shape.
    const maxLat = Math.max(...somalia.geometry.coordinates.flat(2).map((p) => p[1]));
    expect(maxLat).toBeGreaterThan(11);
  });

  it('never draw a ring across the whole map: rings crossing the antimeridian (Russia, Fiji) are cut there', () => {
    const jumps = world.geojson.features.flatMap((f) =>
      f.geometry.coordinates.flat(1).filter((ring) => ring.some((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180)).map(() => f.properties.name),
    );
    expect(jumps).toEqual([]);
    const lons = world.geojson.features.flatMap((f) => f.geometry.coordinates.flat(2).map((p) => p[0]));
    expect([Math.min(...lons), Math.max(...lons)]).toEqual([-180, 180]);
    // Fiji keeps its islands on both sides of 180°.
    const fiji = world.geojson.features.find((f) => f.properties.name === 'FJI')!.geometry.coordinates.flat(2).map((p) => p[0]);
    expect(fiji.some((lon) => lon > 177) && fiji.some((lon) => lon < -179)).toBe(true);
  });
});
