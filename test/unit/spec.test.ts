import { describe, expect, it } from 'vitest';
import { parseViewSpec, SpecError } from '../../shared/spec';

describe('parseViewSpec', () => {
  it('accepts a full spec and fills defaults', () => {
    const s = parseViewSpec({ measure: 'fatalities', rows: ['mission'], cols: 'year', where: { service: ['military', 'police'] }, from: '2018-01-01', to: '2018-12-31' });
    expect(s.rows).toEqual(['mission']);
    expect(parseViewSpec({ measure: 'fatalities' })).toMatchObject({ rows: [], where: {} });
  });

  it('takes incident_type as a filter of fatality_rate (its deaths), and gender for strength', () => {
    expect(parseViewSpec({ measure: 'fatality_rate', rows: ['mission'], where: { incident_type: ['Malicious Act'] } }).where).toEqual({ incident_type: ['Malicious Act'] });
    expect(parseViewSpec({ measure: 'deployed', rows: ['gender'] }).rows).toEqual(['gender']);
    expect(parseViewSpec({ measure: 'person_months', where: { gender: ['F'] } }).where).toEqual({ gender: ['F'] });
  });

  it.each([
    [{ measure: 'deaths' }, /unknown measure "deaths"/],
    [{ measure: 'fatalities', rows: ['continent'] }, /unknown dimension "continent"/],
    [{ measure: 'fatalities', where: { 'year; DROP TABLE fatality': ['1'] } }, /unknown dimension/],
    [{ measure: 'deployed', rows: ['incident_type'] }, /does not apply to row dimension "incident_type"/],
    [{ measure: 'fatality_rate', rows: ['personnel_type'] }, /name personnel types differently .* split by "service"/],
    [{ measure: 'fatality_rate', cols: 'incident_type' }, /filter on incident_type instead/],
    [{ measure: 'female_share', rows: ['gender'] }, /100 or 0/],
    [{ measure: 'missions', where: { gender: ['F'] } }, /does not apply to filter dimension "gender"/],
    [{ measure: 'ied_killed', rows: ['country'] }, /IED incident records/],
    [{ measure: 'fatalities', from: '2019-02-29' }, /not a calendar date/],
    [{ measure: 'fatalities', rows: ['year'], cols: 'year' }, /both a row and the column/],
    [{ measure: 'fatalities', from: '2019-01-01', to: '2018-01-01' }, /after/],
    [{ measure: 'fatalities', from: '2019' }, /YYYY-MM-DD/],
    [{ measure: 'fatalities', where: { year: [] } }, /where\.year/],
  ])('refuses %j with a clear message', (input, message) => {
    expect(() => parseViewSpec(input)).toThrowError(SpecError);
    expect(() => parseViewSpec(input)).toThrowError(message);
  });
});
