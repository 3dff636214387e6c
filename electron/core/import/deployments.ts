import type { Db } from '../db/open';
import { iso3ByName } from '../reference/lookup';
import { columnIndex, count, FieldError, hasColumns, iso3, isoDate, oneOf, required, guarded } from './fields';
import { batchedStore, UNCHANGED } from './batch';
import { versionKeeper } from '../datasets/versions';
import type { FactStore, Layout, UpsertOutcome } from './types';

export const DEPLOYMENT_PERSONNEL_TYPES = ['Troops', 'Staff Officer', 'Experts on Mission', 'Formed Police Units', 'Individual Police'] as const;

export interface DeploymentRow {
  month: string;
  mission: string;
  country_iso3: string;
  country_name: string;
  personnel_type: string;
  female: number;
  male: number;
  report_date: string;
}

const COLUMNS = ['mission_acronym', 'personnel_type', 'isocode3', 'contributing_country', 'female_personnel', 'male_personnel', 'last_reporting_date'];

function reader(header: string[]) {
  const ix = columnIndex(header);
  const [cMission, cType, cIso, cCountry, cFemale, cMale, cDate] = COLUMNS.map((c) => ix.get(c)!);
  // Files repeat a few hundred report dates over millions of rows: the month of the last one is kept.
  let lastReport = '';
  let lastMonth = '';
  return guarded<DeploymentRow>((f) => {
    const report_date = isoDate('last_reporting_date', f[cDate]);
    if (report_date !== lastReport) {
      lastReport = report_date;
      lastMonth = report_date.slice(0, 7);
    }
    const personnel_type = oneOf('personnel_type', f[cType], DEPLOYMENT_PERSONNEL_TYPES);
    const country_name = required('contributing_country', f[cCountry]);
    let country_iso3 = iso3('isocode3', f[cIso]);
    if (country_iso3 === '') {
      country_iso3 = iso3ByName(country_name) ?? '';
      if (country_iso3 === '') throw new FieldError('isocode3', { code: 'no_country_code', name: country_name });
    }
    return {
      ok: true,
      row: {
        month: lastMonth,
        mission: required('mission_acronym', f[cMission]),
        country_iso3,
        country_name,
        personnel_type,
        female: count('female_personnel', f[cFemale]),
        male: count('male_personnel', f[cMale]),
        report_date,
      },
    };
  });
}

/** Rows per multi-row INSERT: one statement step per batch instead of one per row. */
const BATCH = 128;
const STORED = 'month, mission, country_iso3, personnel_type, country_name, female, male, report_date, dataset_id, source_line';
const WIDTH = 10;

type StoredDeployment = [female: number, male: number, report_date: string, country_name: string, dataset_id: number, source_line: number];

function store(db: Db, settle: (outcome: UpsertOutcome) => void): FactStore<DeploymentRow> {
  const placeholders = `(${new Array(WIDTH).fill('?').join(', ')})`;
  const insertMany = db.prepare(`INSERT INTO deployment (${STORED}) VALUES ${new Array(BATCH).fill(placeholders).join(', ')} ON CONFLICT DO NOTHING`);
  const insertOne = db.prepare(`INSERT INTO deployment (${STORED}) VALUES ${placeholders} ON CONFLICT DO NOTHING`);
  const select = db
    .prepare(`SELECT female, male, report_date, country_name, dataset_id, source_line FROM deployment WHERE month = ? AND mission = ? AND country_iso3 = ? AND personnel_type = ?`)
    .raw(true);
  const update = db.prepare(
    `UPDATE deployment SET female = ?, male = ?, report_date = ?, country_name = ?, dataset_id = ?, source_line = ?
     WHERE month = ? AND mission = ? AND country_iso3 = ? AND personnel_type = ?`,
  );
  // UN files come sorted by report date, so a batch nearly always shares its month and report date:
  // then those (and the dataset) are bound once for the batch, and each row binds only its own values.
  const ROW = 7;
  const insertShared = db.prepare(
    `INSERT INTO deployment (${STORED})
     SELECT s.month, x.column1, x.column2, x.column3, x.column4, x.column5, x.column6, s.report, s.dataset, x.column7
     FROM (SELECT ? AS month, ? AS report, ? AS dataset) AS s, (VALUES ${new Array(BATCH).fill(`(${new Array(ROW).fill('?').join(', ')})`).join(', ')}) AS x
     WHERE true ON CONFLICT DO NOTHING`,
  );
  const shared: unknown[] = new Array(3 + BATCH * ROW);
  const versions = versionKeeper(db, 'deployments');
  const params: unknown[] = new Array(BATCH * WIDTH);

  // Parameters go in spread, not as an array: better-sqlite3 reads call arguments directly but an
  // array element by element (a million rows bind ~0.9 s faster).
  const insertBatch = (rows: DeploymentRow[], datasetId: number, lines: number[]): number => {
    const first = rows[0];
    let same = true;
    for (let i = 1; i < BATCH && same; i++) same = rows[i].month === first.month && rows[i].report_date === first.report_date;
    if (same) {
      shared[0] = first.month;
      shared[1] = first.report_date;
      shared[2] = datasetId;
      for (let i = 0, at = 3; i < BATCH; i++, at += ROW) {
        const r = rows[i];
        shared[at] = r.mission;
        shared[at + 1] = r.country_iso3;
        shared[at + 2] = r.personnel_type;
        shared[at + 3] = r.country_name;
        shared[at + 4] = r.female;
        shared[at + 5] = r.male;
        shared[at + 6] = lines[i];
      }
      return insertShared.run(...shared).changes;
    }
    for (let i = 0, at = 0; i < BATCH; i++, at += WIDTH) {
      const r = rows[i];
      params[at] = r.month;
      params[at + 1] = r.mission;
      params[at + 2] = r.country_iso3;
      params[at + 3] = r.personnel_type;
      params[at + 4] = r.country_name;
      params[at + 5] = r.female;
      params[at + 6] = r.male;
      params[at + 7] = r.report_date;
      params[at + 8] = datasetId;
      params[at + 9] = lines[i];
    }
    return insertMany.run(...params).changes;
  };

  return batchedStore<DeploymentRow, StoredDeployment>(
    {
      batch: BATCH,
      insertBatch,
      insertOne: (r, datasetId, line) =>
        insertOne.run(r.month, r.mission, r.country_iso3, r.personnel_type, r.country_name, r.female, r.male, r.report_date, datasetId, line).changes,
      existing(r) {
        const old = select.get(r.month, r.mission, r.country_iso3, r.personnel_type) as StoredDeployment;
        return { old, datasetId: old[4], line: old[5] };
      },
      /**
       * Several reports in one month: the latest report stands, an older one changes nothing. Another
       * file's version that this row displaces, or this row when it does not stand, is kept (versions.ts);
       * a row of this same file is simply superseded, as it always was.
       */
      merge(r, datasetId, line, old) {
        const another = old[4] !== datasetId;
        const fields: string[] = [];
        if (old[0] !== r.female) fields.push('female_personnel');
        if (old[1] !== r.male) fields.push('male_personnel');
        if (old[2] !== r.report_date) fields.push('last_reporting_date');
        if (old[3] !== r.country_name) fields.push('contributing_country');
        if (r.report_date < old[2] || fields.length === 0) {
          if (another) versions.notStanding(r as unknown as Record<string, unknown>, datasetId, line);
          return UNCHANGED;
        }
        if (another) versions.displacing(r as unknown as Record<string, unknown>, datasetId);
        update.run(r.female, r.male, r.report_date, r.country_name, datasetId, line, r.month, r.mission, r.country_iso3, r.personnel_type);
        return { outcome: 'updated', fields, key: `${r.month} ${r.mission} ${r.country_iso3} ${r.personnel_type}` };
      },
    },
    settle,
  );
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
  title: 'UN contributions file (Data Hub layout)',
  columns: [...COLUMNS, 'contribution_id'],
  rowNumberColumns: ['contribution_id'],
  matches: (h) => hasColumns(h, [...COLUMNS, 'contribution_id']),
};

/** The older open-data portal layout: Title_Case headers, dd/mm/yyyy dates. */
export const deploymentsOpenDataLayout: Layout<DeploymentRow> = {
  ...base,
  name: 'un-contributions-opendata',
  title: 'UN contributions file (open-data layout)',
  columns: COLUMNS,
  matches: (h) => hasColumns(h, COLUMNS) && !hasColumns(h, ['contribution_id']),
};
