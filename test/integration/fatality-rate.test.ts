import { describe, expect, it } from 'vitest';
import { importFile } from '../../electron/core/import/run';
import { Workspace } from '../../electron/core/operations';
import { phrase } from '../../shared/present/phrases';
import { tempDb, writeTemp } from '../helpers';

const DEPLOYMENTS = [
  'Mission_Acronym,Personnel_Type,ISOCode3,Contributing_Country,Female_Personnel,Male_Personnel,Last_Reporting_Date',
  ...['31/01/2018', '28/02/2018', '31/03/2018', '30/04/2018', '31/05/2018', '30/06/2018'].flatMap((d) => [
    `MINUSMA,Troops,TCD,Chad,0,1000,${d}`,
    `MINUSMA,Individual Police,SEN,Senegal,20,180,${d}`,
  ]),
].join('\n');

const FATALITIES = [
  'id,incident_date,casualty_id,mission_acronym,type_of_casualty,gender,casualty_nationality,casualty_personnel_type,type_of_incident,m49_code,isocode3,last_update',
  '1,2018-03-02,R-1,MINUSMA,Fatality,M,Chad,Military,Malicious Act,148.0,TCD,2025-04-04',
  '2,2018-03-20,R-2,MINUSMA,Fatality,M,Chad,Military,Accident,148.0,TCD,2025-04-04',
  '3,2018-05-11,R-3,MINUSMA,Fatality,F,Senegal,Police,Illness,686.0,SEN,2025-04-04',
  // July: no deployment report, so no rate; a civilian never counts in a uniformed rate.
  '4,2018-07-09,R-4,MINUSMA,Fatality,M,Chad,Military,Malicious Act,148.0,TCD,2025-04-04',
  '5,2018-04-09,R-5,MINUSMA,Fatality,M,Mali,Local ,Malicious Act,466.0,MLI,2025-04-04',
  // A mission with deaths but no deployments at all.
  '6,2018-04-01,R-6,UNMISS,Fatality,M,India,Military,Illness,356.0,IND,2025-04-04',
].join('\n');

describe('fatality_rate: uniformed deaths per 1,000 person-years deployed, on the same cell', () => {
  const ws = new Workspace(tempDb());
  importFile(ws.db, { path: writeTemp('dep.csv', DEPLOYMENTS) });
  importFile(ws.db, { path: writeTemp('fat.csv', FATALITIES) });

  it('matches the rate computed by hand', () => {
    // 6 months × 1,200 personnel = 7,200 person-months = 600 person-years; 3 uniformed deaths in reported months.
    const t = ws.crossTab({ measure: 'fatality_rate', rows: ['mission'], where: { mission: ['MINUSMA'] }, from: '2018-01-01', to: '2018-12-31' });
    expect(t.grandTotal).toBeCloseTo((3 / 600) * 1000, 12);
    const bySvc = ws.crossTab({ measure: 'fatality_rate', rows: ['service'], where: { mission: ['MINUSMA'] } });
    const cell = Object.fromEntries(bySvc.rows.map((r) => [r.key[0], r.total]));
    expect(cell.military).toBeCloseTo((2 / 500) * 1000, 12); // 6,000 person-months = 500 person-years
    expect(cell.police).toBeCloseTo((1 / 100) * 1000, 12); // 1,200 person-months = 100 person-years
    const byCountry = ws.crossTab({ measure: 'fatality_rate', rows: ['country'], where: { mission: ['MINUSMA'] } });
    expect(Object.fromEntries(byCountry.rows.map((r) => [r.key[0], r.total]))).toEqual({ SEN: 10, TCD: 4 });
  });

  it('a month with deaths but no deployment report is blank with its reason, not 0 and not infinite', () => {
    const t = ws.crossTab({ measure: 'fatality_rate', rows: ['month'], where: { mission: ['MINUSMA'] } });
    const byMonth = Object.fromEntries(t.rows.map((r) => [r.key[0], r.total]));
    expect(byMonth['2018-03']).toBeCloseTo((2 / 100) * 1000, 12); // 1,200 person-months = 100 person-years
    expect(byMonth['2018-01']).toBe(0);
    expect(byMonth['2018-07']).toBeNull();
    expect(t.blankReason).toBe('no_deployments');
    expect(phrase('blank_no_deployments', 'en')).toMatch(/no deployments reported/);
    expect(phrase('blank_no_deployments', 'zh')).toMatch(/^该单元格没有军警派遣报告/);
  });

  it('a mission with no deployments gives a blank rate with the reason', () => {
    const t = ws.crossTab({ measure: 'fatality_rate', rows: ['mission'] });
    expect(t.rows.find((r) => r.key[0] === 'UNMISS')?.total).toBeNull();
    expect(t.blankReason).toBe('no_deployments');
    expect(phrase(`blank_${t.blankReason!}`, 'en')).toMatch(/left blank \(not 0, not infinite\)/);
    const noBlank = ws.crossTab({ measure: 'fatality_rate', rows: ['mission'], where: { mission: ['MINUSMA'] } });
    expect(noBlank.blankReason).toBeNull();
  });
});
