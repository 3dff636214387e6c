// The hostile and unlucky files the importers are fuzzed with (test/reliability/fuzz.test.ts), each with
// what must come of it: refused as a whole with this exact message (and the workspace unchanged byte
// for byte), or imported with exactly these counts and reject rows.

export const FATALITIES = 'id,incident_date,casualty_id,mission_acronym,type_of_casualty,gender,casualty_nationality,casualty_personnel_type,type_of_incident,m49_code,isocode3,last_update';
export const fatality = (id: number, o: { date?: string; mission?: string; nationality?: string; casualty?: string; update?: string } = {}) =>
  `${id},${o.date ?? '2018-02-28'},${o.casualty ?? `FZ-${id}`},${o.mission ?? 'MINUSMA'},Fatality,M,${o.nationality ?? 'Chad'},Military,Malicious Act,148.0,TCD,${o.update ?? '2025-04-04'}`;
export const TITLECASE = 'Incident_Date,Mission_Acronym,Casualty_ID,Type_Of_Casualty,Gender,Casualty_Nationality,Casualty_Personnel_Type,Type_Of_Incident,M49_Code,ISOCode3';
export const DEPLOY_HUB = 'contribution_id,mission_acronym,personnel_type,isocode3,contributing_country,female_personnel,male_personnel,last_reporting_date';
export const deployment = (id: number, female: string, male: string, o: { date?: string; type?: string; iso?: string } = {}) =>
  `${id},MINUSMA,${o.type ?? 'Troops'},${o.iso ?? 'TCD'},Chad,${female},${male},${o.date ?? '2021-03-31'}`;
export const DEPLOY_OPEN = 'Mission_Acronym,Personnel_Type,ISOCode3,Contributing_Country,Female_Personnel,Male_Personnel,Last_Reporting_Date';
export const TEMPLATE = 'record_id,date,mission,country_iso3,admin1,location,latitude,longitude,event_type,outcome,killed,injured,peacekeepers_killed,peacekeepers_injured,target,source,notes';
export const ied = (id: number, o: { date?: string; outcome?: string; killed?: string; lat?: string; notes?: string; target?: string } = {}) =>
  `IED-${id},${o.date ?? '2016-05-29'},MINUSMA,MLI,Mopti,Sevare,${o.lat ?? '14.53'},-4.10,Roadside IED,${o.outcome ?? 'detonated'},${o.killed ?? '1'},0,0,0,${o.target ?? 'UN'},JOC,${o.notes ?? 'fuzz'}`;
export const ACLED = 'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';
export const acled = (id: number, o: { sub?: string; date?: string; fatalities?: string } = {}) =>
  `FZ-MLI${id},${o.date ?? '2018-02-03'},2018,1,Political violence,Explosions/Remote violence,${o.sub ?? 'Remote explosive/landmine/IED'},Unidentified Armed Group (Mali),,3,,,0,30,,466,Western Africa,Mali,Mopti,Douentza,Boni,Boni,15.0330,-1.9170,2,Source,National,"An IED.",${o.fatalities ?? '0'},,1700000000`;

const text = (lines: string[], end = '\n') => Buffer.from(lines.join(end) + end, 'utf8');

export interface Reject {
  line: number;
  field: string;
  reason: string;
}
export type Outcome = { refused: string } | { inserted: number; rejects: Reject[]; skipped?: number };

export interface FuzzCase {
  name: string;
  bytes: Buffer;
  kind?: 'fatalities' | 'deployments' | 'ied';
  expect: Outcome;
}

const MB = 1 << 20;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cf00000301010018dd8db00000000049454e44ae426082', 'hex');

export function fuzzCases(): FuzzCase[] {
  const wide = [FATALITIES, ...Array.from({ length: 188 }, (_, i) => `extra_${i}`)].join(',');
  const wideRow = (id: number) => [fatality(id), ...Array.from({ length: 188 }, (_, i) => `v${i}`)].join(',');
  const latin1 = Buffer.concat([text([FATALITIES, fatality(1)]), Buffer.from(fatality(2, { nationality: "C\xf4te d'Ivoire" }) + '\n', 'latin1')]);
  const cp1252 = Buffer.concat([text([FATALITIES]), Buffer.from(fatality(1, { nationality: '\x93Chad\x94' }) + '\n', 'latin1')]);
  // 中 in GBK is D6 D0.
  const gbk = Buffer.concat([text([FATALITIES]), Buffer.from(fatality(1, { nationality: 'XX' }) + '\n', 'utf8')]);
  gbk.set([0xd6, 0xd0], gbk.indexOf('XX'));
  const nul = text([FATALITIES, fatality(1), fatality(2, { mission: 'MINUS\0MA' })]);
  return [
    // File-level: each refused whole.
    { name: 'empty', bytes: Buffer.alloc(0), expect: { refused: 'f.csv:1: header: the file is empty' } },
    { name: 'blank lines only', bytes: Buffer.from('\n\n\r\n\n'), expect: { refused: 'f.csv:1: header: the file is empty' } },
    { name: 'header only', bytes: text([FATALITIES]), expect: { refused: 'f.csv: the file has a header but no rows; nothing was imported' } },
    { name: 'header only, CRLF, no final newline', bytes: Buffer.from(FATALITIES + '\r\n'), expect: { refused: 'f.csv: the file has a header but no rows; nothing was imported' } },
    { name: 'unknown header', bytes: text(['a,b,c', '1,2,3']), expect: { refused: 'f.csv:1: header: not a file Bluehelm can read. The nearest is the UN fatalities file (Peace and Security Data Hub), whose header needs: incident_date, casualty_id, mission_acronym, type_of_incident, casualty_personnel_type; missing: incident_date, casualty_id, mission_acronym, type_of_incident, casualty_personnel_type' } },
    { name: 'missing required column (no casualty_id)', bytes: text([FATALITIES.replace('casualty_id,', ''), fatality(1).replace('FZ-1,', '')]), expect: { refused: 'f.csv:1: header: not a file Bluehelm can read. The nearest is the UN fatalities file (Peace and Security Data Hub), whose header needs: incident_date, casualty_id, mission_acronym, type_of_incident, casualty_personnel_type; missing: casualty_id' } },
    { name: 'duplicated column', bytes: text([FATALITIES + ',Mission_Acronym', fatality(1) + ',MINUSCA']), expect: { refused: 'f.csv:1: header: column "mission_acronym" appears twice (columns 4 and 13)' } },
    { name: 'Latin-1', bytes: latin1, expect: { refused: `f.csv:3: (csv): byte 0xF4 at offset ${latin1.indexOf(0xf4)} is not UTF-8; the file looks like Latin-1 or Windows-1252: save it as UTF-8 and import again` } },
    { name: 'Windows-1252 curly quote', bytes: cp1252, expect: { refused: `f.csv:2: (csv): byte 0x93 at offset ${cp1252.indexOf(0x93)} is not UTF-8; the file looks like Latin-1 or Windows-1252: save it as UTF-8 and import again` } },
    { name: 'GBK', bytes: gbk, expect: { refused: `f.csv:2: (csv): byte 0xD6 at offset ${gbk.indexOf(0xd6)} is not UTF-8; the file looks like GBK or GB18030: save it as UTF-8 and import again` } },
    { name: 'UTF-16LE with BOM', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([FATALITIES, fatality(1)].join('\n'), 'utf16le')]), expect: { refused: 'f.csv:1: (csv): the file is UTF-16 text: save it as UTF-8 and import again' } },
    { name: 'UTF-16BE with BOM', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from([FATALITIES].join('\n'), 'utf16le').swap16()]), expect: { refused: 'f.csv:1: (csv): the file is UTF-16 text: save it as UTF-8 and import again' } },
    { name: 'UTF-16LE without BOM', bytes: Buffer.from([FATALITIES, fatality(1)].join('\n'), 'utf16le'), expect: { refused: 'f.csv:1: (csv): a NUL byte at offset 1; a text file has none' } },
    { name: 'NUL inside a mission name', bytes: nul, expect: { refused: `f.csv:3: (csv): a NUL byte at offset ${nul.indexOf(0)}; a text file has none` } },
    // A PNG's signature holds CR LF, then a NUL at byte 8: the NUL is what is named.
    { name: 'binary file (PNG)', bytes: PNG, expect: { refused: 'f.csv:3: (csv): a NUL byte at offset 8; a text file has none' } },
    { name: 'bare CR line ends', bytes: text([FATALITIES, fatality(1)], '\r'), expect: { refused: 'f.csv:1: (csv): lines end in a bare carriage return (CR): save the file with LF or CRLF line ends' } },
    { name: 'unclosed quote', bytes: text([FATALITIES, fatality(1), fatality(2, { nationality: '"Chad' })]), expect: { refused: 'f.csv:3: (csv): a quoted field is never closed' } },
    { name: 'text after a closing quote', bytes: text([FATALITIES, fatality(1, { nationality: '"Chad"x' })]), expect: { refused: 'f.csv:2: (csv): unexpected character after a closing quote' } },
    { name: 'wrong --kind', kind: 'deployments', bytes: text([FATALITIES, fatality(1)]), expect: { refused: 'f.csv:1: header: this is the UN fatalities file (Peace and Security Data Hub), not a deployments file' } },

    // Row-level: imported, with exactly these rejects.
    { name: 'UTF-8 BOM', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text([FATALITIES, fatality(1)])]), expect: { inserted: 1, rejects: [] } },
    { name: 'CRLF line ends', bytes: text([FATALITIES, fatality(1), fatality(2)], '\r\n'), expect: { inserted: 2, rejects: [] } },
    { name: 'title-case layout, no final newline', bytes: Buffer.from([TITLECASE, '2018-02-28,MINUSMA,TC-1,Fatality,M,Chad,Military,Malicious Act,148.0,TCD'].join('\n')), expect: { inserted: 1, rejects: [] } },
    { name: 'quoted newline keeps later line numbers', bytes: text([FATALITIES, fatality(1, { nationality: '"Chad\nand more"' }), fatality(2, { date: '2018-02-30' })]), expect: { inserted: 1, rejects: [{ line: 4, field: 'incident_date', reason: '"2018-02-30" is not a date (expected YYYY-MM-DD or dd/mm/yyyy)' }] } },
    { name: '1 MB cell in a name', bytes: text([FATALITIES, fatality(1, { nationality: 'x'.repeat(MB) }), fatality(2)]), expect: { inserted: 1, rejects: [{ line: 2, field: 'casualty_nationality', reason: `is ${MB} characters long; at most 200` }] } },
    { name: '1 MB cell in IED notes', bytes: text([TEMPLATE, ied(1, { notes: 'n'.repeat(MB) }), ied(2)]), expect: { inserted: 1, rejects: [{ line: 2, field: 'notes', reason: `is ${MB} characters long; at most 65536` }] } },
    { name: '200 columns', bytes: text([wide, wideRow(1), wideRow(2)]), expect: { inserted: 2, rejects: [] } },
    { name: 'impossible dates', bytes: text([FATALITIES, fatality(1, { date: '2019-02-29' }), fatality(2, { date: '2018-13-01' }), fatality(3, { date: '1899-12-31' }), fatality(4, { date: 'yesterday' }), fatality(5, { date: '' }), fatality(6)]), expect: { inserted: 1, rejects: [
      { line: 2, field: 'incident_date', reason: '"2019-02-29" is not a date (expected YYYY-MM-DD or dd/mm/yyyy)' },
      { line: 3, field: 'incident_date', reason: '"2018-13-01" is not a date (expected YYYY-MM-DD or dd/mm/yyyy)' },
      { line: 4, field: 'incident_date', reason: '"1899-12-31" is not a date (expected YYYY-MM-DD or dd/mm/yyyy)' },
      { line: 5, field: 'incident_date', reason: '"yesterday" is not a date (expected YYYY-MM-DD or dd/mm/yyyy)' },
      { line: 6, field: 'incident_date', reason: 'is empty; a date is required' },
    ] } },
    { name: 'future dates', bytes: text([FATALITIES, fatality(1, { date: '2099-01-01', update: '2099-01-02' }), fatality(2, { date: '2025-05-01' }), fatality(3)]), expect: { inserted: 1, rejects: [
      { line: 2, field: 'incident_date', reason: `"2099-01-01" is in the future (today is ${new Date().toISOString().slice(0, 10)})` },
      { line: 3, field: 'incident_date', reason: '"2025-05-01" is after the row\'s last_update, 2025-04-04' },
    ] } },
    { name: 'repeated keys', bytes: text([FATALITIES, fatality(1, { casualty: 'SAME' }), fatality(2, { casualty: 'SAME' }), fatality(3, { casualty: 'SAME', mission: 'UNMISS' })]), expect: { inserted: 1, rejects: [
      { line: 3, field: 'key', reason: 'same SAME as line 2 (an exact repeat); the first is kept' },
      { line: 4, field: 'key', reason: 'same SAME as line 2 (listed again with a different mission_acronym); the first is kept' },
    ] } },
    { name: 'truncated last row', bytes: Buffer.from([FATALITIES, fatality(1), fatality(2).slice(0, 30)].join('\n')), expect: { inserted: 1, rejects: [{ line: 3, field: '(row)', reason: 'has 5 fields; the header has 12' }] } },
    { name: 'a row with a field too many', bytes: text([FATALITIES, fatality(1) + ',extra', fatality(2)]), expect: { inserted: 1, rejects: [{ line: 2, field: '(row)', reason: 'has 13 fields; the header has 12' }] } },
    { name: 'formula-looking names are kept as text', bytes: text([FATALITIES, fatality(1, { mission: '=HYPERLINK("http://x")' })]), expect: { inserted: 1, rejects: [] } },
    { name: 'deployments: negative, fractional and huge counts', kind: 'deployments', bytes: text([DEPLOY_HUB, deployment(1, '-3', '10'), deployment(2, '2.5', '10', { iso: 'SEN' }), deployment(3, '1', '9007199254740993', { iso: 'BFA' }), deployment(4, '1', '1e24', { iso: 'NER' }), deployment(5, '0', '1200.0', { iso: 'GHA' })]), expect: { inserted: 1, rejects: [
      { line: 2, field: 'female_personnel', reason: '"-3" is not a whole number of people' },
      { line: 3, field: 'female_personnel', reason: '"2.5" is not a whole number of people' },
      { line: 4, field: 'male_personnel', reason: '"9007199254740993" is more than 2147483647, the largest count a workspace holds' },
      { line: 5, field: 'male_personnel', reason: '"1e24" is not a whole number of people' },
    ] } },
    { name: 'deployments (open-data layout): impossible dd/mm/yyyy and a future month', bytes: text([DEPLOY_OPEN, 'MINUSMA,Troops,TCD,Chad,1,10,31/02/2020', 'MINUSMA,Troops,SEN,Senegal,1,10,31/12/2099', 'MINUSMA,Troops,BFA,Burkina Faso,1,10,31/03/2020']), expect: { inserted: 1, rejects: [
      { line: 2, field: 'last_reporting_date', reason: '"31/02/2020" is not a date (expected YYYY-MM-DD or dd/mm/yyyy)' },
      { line: 3, field: 'last_reporting_date', reason: `"2099-12-31" is in the future (today is ${new Date().toISOString().slice(0, 10)})` },
    ] } },
    { name: 'IED template: bad outcome, coordinates and counts', bytes: text([TEMPLATE, ied(1, { outcome: 'exploded' }), ied(2, { lat: '95' }), ied(3, { killed: '-1' }), ied(4, { target: 'aliens' }), ied(5)]), expect: { inserted: 1, rejects: [
      { line: 2, field: 'outcome', reason: '"exploded" is not one of: detonated, found_and_cleared, unknown' },
      { line: 3, field: 'latitude', reason: '"95" is not a latitude' },
      { line: 4, field: 'killed', reason: '"-1" is not a whole number of people' },
      { line: 5, field: 'target', reason: '"aliens" is not one of: UN, national_forces, civilians, other' },
    ] } },
    { name: 'ACLED: other events skipped, IEDs kept', bytes: text([ACLED, acled(1), acled(2, { sub: 'Armed clash' }), acled(3, { fatalities: '-2' })]), expect: { inserted: 1, skipped: 1, rejects: [{ line: 4, field: 'fatalities', reason: '"-2" is not a whole number of people' }] } },
  ];
}
