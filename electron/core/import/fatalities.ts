import type { Service } from '../../../shared/catalogue';
import type { Db } from '../db/open';
import { iso3ByName } from '../reference/lookup';
import { existingOf } from '../reference/statehood';
import { columnIndex, hasColumns, iso3, isoDate, m49, oneOf, optional, required, FieldError, guarded } from './fields';
import { batchedStore, UNCHANGED } from './batch';
import { versionKeeper } from '../datasets/versions';
import type { FactStore, Layout, UpsertOutcome } from './types';

const FATALITY_COLUMNS = ['incident_date', 'casualty_id', 'mission_acronym', 'type_of_incident', 'casualty_personnel_type'];

export const FATALITY_PERSONNEL_TYPES = ['Military', 'Military Observer', 'Police', 'International Civilian', 'Local', 'Other'] as const;
export const INCIDENT_TYPES = ['Illness', 'Accident', 'Malicious Act', 'Self-Inflicted', 'To Be Determined', 'Unknown'] as const;

export function fatalityService(personnelType: string): Service {
  switch (personnelType) {
    case 'Military':
    case 'Military Observer':
      return 'military';
    case 'Police':
      return 'police';
    case 'International Civilian':
    case 'Local':
      return 'civilian';
    default:
      return 'other';
  }
}

export interface FatalityRow {
  casualty_id: string;
  incident_date: string;
  mission: string;
  gender: 'M' | 'F' | '';
  nationality: string;
  nationality_iso3: string;
  m49: number | null;
  personnel_type: string;
  service: Service;
  incident_type: string;
  last_update: string | undefined;
  /** The file's ISO code was blank and the nationality's name gave it (not stored: counted in the import result). */
  nationality_by_name: boolean;
}

const COMPARED: (keyof FatalityRow)[] = ['incident_date', 'mission', 'gender', 'nationality', 'nationality_iso3', 'm49', 'personnel_type', 'service', 'incident_type'];

function gender(raw: string | undefined): 'M' | 'F' | '' {
  const v = (raw ?? '').trim().toUpperCase();
  if (v === '') return '';
  if (v === 'M' || v === 'MALE') return 'M';
  if (v === 'F' || v === 'FEMALE') return 'F';
  throw new FieldError('gender', { code: 'not_gender', value: raw ?? '' });
}

/** The UN Data Hub fatalities file (snake_case) and the older open-data portal's Title_Case variant. */
export const fatalitiesLayout: Layout<FatalityRow> = {
  kind: 'fatalities',
  name: 'un-fatalities',
  title: 'UN fatalities file (Peace and Security Data Hub)',
  columns: FATALITY_COLUMNS,
  matches: (header) => hasColumns(header, FATALITY_COLUMNS),
  reader(header) {
    const ix = columnIndex(header);
    const col = (name: string) => ix.get(name) ?? -1;
    const [cDate, cId, cMission, cGender, cNat, cType, cIncident, cM49, cIso, cUpdate, cCasualty] = [
      'incident_date', 'casualty_id', 'mission_acronym', 'gender', 'casualty_nationality', 'casualty_personnel_type', 'type_of_incident', 'm49_code', 'isocode3', 'last_update', 'type_of_casualty',
    ].map(col);
    return guarded<FatalityRow>((f) => {
      if (cCasualty >= 0 && f[cCasualty].trim() !== '' && f[cCasualty].trim().toLowerCase() !== 'fatality') {
        throw new FieldError('type_of_casualty', { code: 'not_fatality', value: f[cCasualty].trim() });
      }
      const personnel_type = oneOf('casualty_personnel_type', f[cType], FATALITY_PERSONNEL_TYPES);
      const nationality = cNat >= 0 ? optional('casualty_nationality', f[cNat]) : '';
      let nationality_iso3 = cIso >= 0 ? iso3('isocode3', f[cIso]) : '';
      // A blank code with a named nationality is matched by name, as deployments are ("ZZ [Undetermined]" names none).
      const byName = nationality_iso3 === '' && nationality !== '' ? iso3ByName(nationality) : undefined;
      if (byName) nationality_iso3 = byName;
      const incident_date = isoDate('incident_date', f[cDate]);
      const last_update = cUpdate >= 0 && f[cUpdate].trim() !== '' ? isoDate('last_update', f[cUpdate]) : undefined;
      if (last_update !== undefined && incident_date > last_update) throw new FieldError('incident_date', { code: 'after_last_update', value: incident_date, lastUpdate: last_update });
      return {
        ok: true,
        row: {
          casualty_id: required('casualty_id', f[cId]),
          incident_date,
          mission: required('mission_acronym', f[cMission]),
          gender: cGender >= 0 ? gender(f[cGender]) : '',
          nationality,
          nationality_iso3,
          m49: cM49 >= 0 ? m49('m49_code', f[cM49]) : null,
          personnel_type,
          service: fatalityService(personnel_type),
          incident_type: oneOf('type_of_incident', f[cIncident], INCIDENT_TYPES),
          last_update,
          nationality_by_name: byName !== undefined,
        },
      };
    });
  },
  key: (row) => row.casualty_id,
  duplicates: 'reject',
  rowNumberColumns: ['id'],
  lastUpdate: (row) => row.last_update,
  matchedByName: (row) => row.nationality_by_name,
  preferDuplicate(first, second) {
    const decided = existingOf(first.nationality_iso3, second.nationality_iso3, second.incident_date);
    return decided && { keep: decided.keep === 'a' ? 'first' : 'second', why: decided.why };
  },
  store(db: Db, settle: (outcome: UpsertOutcome) => void): FactStore<FatalityRow> {
    const STORED = 'incident_date, mission, gender, nationality, nationality_iso3, m49, personnel_type, service, incident_type, dataset_id, source_line, casualty_id';
    const WIDTH = 12;
    const BATCH = 128;
    const placeholders = `(${new Array(WIDTH).fill('?').join(', ')})`;
    const select = db.prepare(`SELECT ${COMPARED.join(', ')}, dataset_id, source_line FROM fatality WHERE casualty_id = ?`);
    // New casualties go in a batch at a time (one multi-row INSERT); only one already stored costs a second look.
    const insertMany = db.prepare(`INSERT INTO fatality (${STORED}) VALUES ${new Array(BATCH).fill(placeholders).join(', ')} ON CONFLICT DO NOTHING`);
    const insertOne = db.prepare(`INSERT INTO fatality (${STORED}) VALUES ${placeholders} ON CONFLICT DO NOTHING`);
    const update = db.prepare(
      `UPDATE fatality SET incident_date = ?, mission = ?, gender = ?, nationality = ?, nationality_iso3 = ?, m49 = ?, personnel_type = ?,
         service = ?, incident_type = ?, dataset_id = ?, source_line = ? WHERE casualty_id = ?`,
    );
    const rowParams = (r: FatalityRow, datasetId: number, line: number) => [
      r.incident_date, r.mission, r.gender, r.nationality, r.nationality_iso3, r.m49, r.personnel_type, r.service, r.incident_type, datasetId, line, r.casualty_id,
    ];
    const params: unknown[] = new Array(BATCH * WIDTH);
    // A file lists a casualty once (a second listing is refused), so a stored row met here is another file's.
    const versions = versionKeeper(db, 'fatalities');
    return batchedStore<FatalityRow, Record<string, unknown>>(
      {
        batch: BATCH,
        insertBatch(rows, datasetId, lines) {
          for (let i = 0; i < rows.length; i++) {
            const values = rowParams(rows[i], datasetId, lines[i]);
            for (let k = 0; k < WIDTH; k++) params[i * WIDTH + k] = values[k];
          }
          // Spread, not an array: better-sqlite3 reads call arguments directly but an array element by element.
          return insertMany.run(...params).changes;
        },
        insertOne: (r, datasetId, line) => insertOne.run(rowParams(r, datasetId, line)).changes,
        existing(r) {
          const old = select.get(r.casualty_id) as Record<string, unknown>;
          return { old, datasetId: old.dataset_id as number, line: old.source_line as number };
        },
        merge(r, datasetId, line, old) {
          const fields = COMPARED.filter((k) => old[k] !== r[k]);
          if (fields.length === 0) {
            versions.notStanding(r as unknown as Record<string, unknown>, datasetId, line);
            return UNCHANGED;
          }
          versions.displacing(r as unknown as Record<string, unknown>, datasetId);
          update.run(rowParams(r, datasetId, line));
          return { outcome: 'updated', fields, key: r.casualty_id };
        },
      },
      settle,
    );
  },
};
