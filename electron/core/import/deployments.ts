import type { Db } from '../db/open';
import { iso3ByName } from '../reference/lookup';
import { columnIndex, count, FieldError, hasColumns, iso3, isoDate, oneOf, required } from './fields';
import type { FactStore, Layout, Normalized } from './types';

export const DEPLOYMENT_PERSONNEL_TYPES = ['Troops', 'Staff Officer', 'Experts on Mission', 'Formed Police Units', 'Individual Police'] as const;

export interface DeploymentRow {
  month: string;
  month_end: string;
  mission: string;
  country_iso3: string;
  country_name: string;
  personnel_type: string;
  service: 'military' | 'police';
  female: number;
  male: number;
  report_date: string;
}

const monthEnds = new Map<string, string>();

/** The last day of a date's month; files repeat a few hundred months over millions of rows, so each is worked out once. */
function monthEnd(date: string): string {
  const month = date.slice(0, 7);
  let end = monthEnds.get(month);
  if (end === undefined) {
    const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
    end = `${month}-${String(last).padStart(2, '0')}`;
    monthEnds.set(month, end);
  }
  return end;
}

const COLUMNS = ['mission_acronym', 'personnel_type', 'isocode3', 'contributing_country', 'female_personnel', 'male_personnel', 'last_reporting_date'];

function reader(header: string[]) {
  const ix = columnIndex(header);
  const [cMission, cType, cIso, cCountry, cFemale, cMale, cDate] = COLUMNS.map((c) => ix.get(c)!);
  return (f: string[]): Normalized<DeploymentRow> => {
    try {
      const report_date = isoDate('last_reporting_date', f[cDate]);
      const personnel_type = oneOf('personnel_type', f[cType], DEPLOYMENT_PERSONNEL_TYPES);
      const country_name = required('contributing_country', f[cCountry]);
      let country_iso3 = iso3('isocode3', f[cIso]);
      if (country_iso3 === '') {
        country_iso3 = iso3ByName(country_name) ?? '';
        if (country_iso3 === '') throw new FieldError('isocode3', `is empty and "${country_name}" is not a country Bluehelm knows`);
      }
      return {
        ok: true,
        row: {
          month: report_date.slice(0, 7),
          month_end: monthEnd(report_date),
          mission: required('mission_acronym', f[cMission]),
          country_iso3,
          country_name,
          personnel_type,
          service: personnel_type === 'Formed Police Units' || personnel_type === 'Individual Police' ? 'police' : 'military',
          female: count('female_personnel', f[cFemale]),
          male: count('male_personnel', f[cMale]),
          report_date,
        },
      };
    } catch (e) {
      if (e instanceof FieldError) return { ok: false, problem: e };
      throw e;
    }
  };
}

function store(db: Db): FactStore<DeploymentRow> {
  const select = db.prepare(
    `SELECT female, male, report_date, country_name FROM deployment WHERE month = ? AND mission = ? AND country_iso3 = ? AND personnel_type = ?`,
  );
  // A new key is inserted in one step; only a key already stored costs a second look.
  const insert = db.prepare(
    `INSERT INTO deployment (month, month_end, mission, country_iso3, country_name, personnel_type, service, female, male, report_date, dataset_id, source_line)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const update = db.prepare(
    `UPDATE deployment SET female = ?, male = ?, report_date = ?, country_name = ?, dataset_id = ?, source_line = ?
     WHERE month = ? AND mission = ? AND country_iso3 = ? AND personnel_type = ?`,
  );
  select.raw(true);
  // Into an empty table, the (mission, month) index is cheaper built once at the end than kept up row by row;
  // it is dropped and re-created inside the import's transaction, so a failed import leaves it as it was.
  const index = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = 'deployment_mission_month'`).pluck().get() as string | undefined;
  const rebuildIndex = index !== undefined && db.prepare(`SELECT NOT EXISTS (SELECT 1 FROM deployment)`).pluck().get() === 1;
  if (rebuildIndex) db.exec('DROP INDEX deployment_mission_month');
  return {
    finish() {
      if (rebuildIndex) db.exec(index!);
    },
    upsert(r, datasetId, line) {
      if (insert.run(r.month, r.month_end, r.mission, r.country_iso3, r.country_name, r.personnel_type, r.service, r.female, r.male, r.report_date, datasetId, line).changes === 1) {
        return { outcome: 'inserted' };
      }
      const old = select.get(r.month, r.mission, r.country_iso3, r.personnel_type) as [number, number, string, string];
      // Several reports in one month: the latest report stands; an older one changes nothing.
      if (r.report_date < old[2]) return { outcome: 'unchanged' };
      const fields: string[] = [];
      if (old[0] !== r.female) fields.push('female_personnel');
      if (old[1] !== r.male) fields.push('male_personnel');
      if (old[2] !== r.report_date) fields.push('last_reporting_date');
      if (old[3] !== r.country_name) fields.push('contributing_country');
      if (fields.length === 0) return { outcome: 'unchanged' };
      update.run(r.female, r.male, r.report_date, r.country_name, datasetId, line, r.month, r.mission, r.country_iso3, r.personnel_type);
      return { outcome: 'updated', fields, key: `${r.month} ${r.mission} ${r.country_iso3} ${r.personnel_type}` };
    },
  };
}

const base = {
  kind: 'deployments' as const,
  key: (r: DeploymentRow) => `${r.month}|${r.mission}|${r.country_iso3}|${r.personnel_type}`,
  duplicates: 'last-wins' as const,
  reader,
  store,
};

/** Peace and Security Data Hub layout (DPO-UCHISTORICAL): snake_case, ISO dates, a contribution_id. */
export const deploymentsDataHubLayout: Layout<DeploymentRow> = {
  ...base,
  name: 'un-contributions-datahub',
  rowNumberColumns: ['contribution_id'],
  matches: (h) => hasColumns(h, [...COLUMNS, 'contribution_id']),
};

/** The older open-data portal layout: Title_Case headers, dd/mm/yyyy dates. */
export const deploymentsOpenDataLayout: Layout<DeploymentRow> = {
  ...base,
  name: 'un-contributions-opendata',
  matches: (h) => hasColumns(h, COLUMNS) && !hasColumns(h, ['contribution_id']),
};
