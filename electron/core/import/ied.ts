import type { Db } from '../db/open';
import { iso3ByM49, iso3ByName, missionsHostedAt } from '../reference/lookup';
import { columnIndex, count, FieldError, hasColumns, iso3, isoDate, MAX_TEXT, oneOf, optional, required, guarded } from './fields';
import type { FactStore, Layout } from './types';
import { versionKeeper } from '../datasets/versions';

export const IED_OUTCOMES = ['detonated', 'found_and_cleared', 'unknown'] as const;
export const IED_TARGETS = ['UN', 'national_forces', 'civilians', 'other'] as const;
export const ACLED_IED_SUB_EVENT = 'Remote explosive/landmine/IED';

export interface IedRow {
  origin: 'acled' | 'template' | 'demo';
  source_record_id: string;
  event_date: string;
  mission: string | null;
  country_iso3: string;
  admin1: string;
  location: string;
  latitude: number | null;
  longitude: number | null;
  event_type: string;
  outcome: (typeof IED_OUTCOMES)[number];
  killed: number | null;
  injured: number | null;
  peacekeepers_killed: number;
  peacekeepers_injured: number;
  target: (typeof IED_TARGETS)[number];
  source: string;
  notes: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** ACLED's export tool writes "15 March 2018"; its API writes ISO dates. */
function acledDate(raw: string): string {
  const m = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(raw.trim());
  if (m) {
    const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
    if (month > 0) return isoDate('event_date', `${m[1]}/${month}/${m[3]}`);
  }
  return isoDate('event_date', raw);
}

function coordinate(field: string, raw: string | undefined, limit: number): number | null {
  const v = (raw ?? '').trim();
  if (v === '') return null;
  const n = Number(v);
  if (!Number.isFinite(n) || Math.abs(n) > limit) throw new FieldError(field, { code: 'not_coordinate', value: v, axis: field === 'latitude' ? 'latitude' : 'longitude' });
  return n;
}

function optionalCount(field: string, raw: string | undefined): number | null {
  return (raw ?? '').trim() === '' ? null : count(field, raw);
}

const UN_ACTOR = /united nations|\bUN\b|MINUSMA|MINUSCA|MONUSCO|UNMISS|UNIFIL|UNAMID|peacekeep/i;
const STATE_ACTOR = /^(military|police) forces of/i;

/** ACLED names the attacked party in actor2 / assoc_actor_2; Bluehelm's target classes are coarser. */
export function acledTarget(actor2: string, assoc2: string): IedRow['target'] {
  const both = `${actor2}; ${assoc2}`;
  if (UN_ACTOR.test(both)) return 'UN';
  if (STATE_ACTOR.test(actor2.trim())) return 'national_forces';
  if (/civilians/i.test(both)) return 'civilians';
  return 'other';
}

/** ACLED records no outcome field; its notes say when a device was found and made safe. */
export function acledOutcome(notes: string, fatalities: number): IedRow['outcome'] {
  if (/\b(defused|dismantled|neutrali[sz]ed|found and (cleared|destroyed)|discovered|detected|cleared)\b/i.test(notes) && !/\b(detonat|exploded|explosion)\w*/i.test(notes)) {
    return 'found_and_cleared';
  }
  if (fatalities > 0 || /\b(detonat|explod|explosion|blast|struck|hit)\w*/i.test(notes)) return 'detonated';
  return 'unknown';
}

function linkMission(countryIso3: string, date: string): string | null {
  return missionsHostedAt(countryIso3, date)[0] ?? null;
}

const ACLED_COLUMNS = ['event_id_cnty', 'event_date', 'sub_event_type', 'actor1', 'country', 'admin1', 'location', 'latitude', 'longitude', 'source', 'notes', 'fatalities'];

function store(db: Db): FactStore<IedRow> {
  const cols = ['event_date', 'mission', 'country_iso3', 'admin1', 'location', 'latitude', 'longitude', 'event_type', 'outcome', 'killed', 'injured', 'peacekeepers_killed', 'peacekeepers_injured', 'target', 'source', 'notes'] as const;
  const select = db.prepare(`SELECT ${cols.join(', ')} FROM ied_incident WHERE origin = ? AND source_record_id = ?`);
  const insert = db.prepare(
    `INSERT INTO ied_incident (origin, source_record_id, ${cols.join(', ')}, dataset_id, source_line) VALUES (@origin, @source_record_id, ${cols.map((c) => '@' + c).join(', ')}, @dataset_id, @source_line)`,
  );
  const update = db.prepare(
    `UPDATE ied_incident SET ${cols.map((c) => `${c} = @${c}`).join(', ')}, dataset_id = @dataset_id, source_line = @source_line WHERE origin = @origin AND source_record_id = @source_record_id`,
  );
  const versions = versionKeeper(db, 'ied');
  return {
    upsert(row, datasetId, line) {
      const old = select.get(row.origin, row.source_record_id) as Record<string, unknown> | undefined;
      const params = { ...row, dataset_id: datasetId, source_line: line };
      if (!old) {
        insert.run(params);
        return { outcome: 'inserted' };
      }
      // A file lists an event once (a second listing is refused), so a stored row met here is another file's.
      const fields = cols.filter((c) => old[c] !== row[c]);
      if (fields.length === 0) {
        versions.notStanding(params, datasetId, line);
        return { outcome: 'unchanged' };
      }
      versions.displacing(params, datasetId);
      update.run(params);
      return { outcome: 'updated', fields: [...fields], key: row.source_record_id };
    },
  };
}

/**
 * ACLED exports (https://acleddata.com, codebook column layout). Only "Remote explosive/landmine/IED"
 * events are kept; the rest are counted as skipped. ACLED has no injuries or outcome column: injured
 * stays unknown, the outcome is read from the notes, and peacekeeper deaths are the event's fatalities
 * only when a UN party is the target (see docs/DATA.md).
 */
export const acledLayout: Layout<IedRow> = {
  kind: 'ied',
  name: 'acled',
  title: 'ACLED export',
  columns: ACLED_COLUMNS,
  matches: (h) => hasColumns(h, ACLED_COLUMNS),
  reader(header) {
    const ix = columnIndex(header);
    const c = (n: string) => ix.get(n) ?? -1;
    const [cId, cDate, cEventType, cSub, cActor2, cAssoc2, cIso, cCountry, cAdmin1, cLocation, cLat, cLon, cSource, cNotes, cFatal] = [
      'event_id_cnty', 'event_date', 'event_type', 'sub_event_type', 'actor2', 'assoc_actor_2', 'iso', 'country', 'admin1', 'location', 'latitude', 'longitude', 'source', 'notes', 'fatalities',
    ].map(c);
    return guarded<IedRow>((f) => {
      if (f[cSub].trim() !== ACLED_IED_SUB_EVENT) return { ok: 'skip' };
      const event_date = acledDate(f[cDate]);
      const countryName = required('country', f[cCountry]);
      const isoNum = cIso >= 0 && /^\d+$/.test(f[cIso].trim()) ? iso3ByM49(Number(f[cIso])) : undefined;
      const country_iso3 = isoNum ?? iso3ByName(countryName);
      if (!country_iso3) throw new FieldError('country', { code: 'unknown_country', value: countryName });
      const killed = count('fatalities', f[cFatal]);
      const notes = optional('notes', f[cNotes], MAX_TEXT);
      const target = acledTarget(cActor2 >= 0 ? f[cActor2] : '', cAssoc2 >= 0 ? f[cAssoc2] : '');
      return {
        ok: true,
        row: {
          origin: 'acled',
          source_record_id: required('event_id_cnty', f[cId]),
          event_date,
          mission: linkMission(country_iso3, event_date),
          country_iso3,
          admin1: optional('admin1', f[cAdmin1]),
          location: optional('location', f[cLocation]),
          latitude: coordinate('latitude', f[cLat], 90),
          longitude: coordinate('longitude', f[cLon], 180),
          event_type: cEventType >= 0 ? optional('event_type', f[cEventType]) : '',
          outcome: acledOutcome(notes, killed),
          killed,
          injured: null,
          peacekeepers_killed: target === 'UN' ? killed : 0,
          peacekeepers_injured: 0,
          target,
          source: optional('source', f[cSource], MAX_TEXT),
          notes,
        },
      };
    });
  },
  key: (r) => r.source_record_id,
  duplicates: 'reject',
  store,
};

export const TEMPLATE_COLUMNS = [
  'record_id', 'date', 'mission', 'country_iso3', 'admin1', 'location', 'latitude', 'longitude', 'event_type', 'outcome',
  'killed', 'injured', 'peacekeepers_killed', 'peacekeepers_injured', 'target', 'source', 'notes',
] as const;

/** Bluehelm's own IED template (data/templates/ied-template.csv), the form a mission's mine-action cell fills. */
export const iedTemplateLayout: Layout<IedRow> = {
  kind: 'ied',
  name: 'bluehelm-ied-template',
  title: 'Bluehelm IED template',
  columns: TEMPLATE_COLUMNS,
  matches: (h) => hasColumns(h, [...TEMPLATE_COLUMNS]),
  reader(header) {
    const ix = columnIndex(header);
    const c = Object.fromEntries(TEMPLATE_COLUMNS.map((n) => [n, ix.get(n)!])) as Record<(typeof TEMPLATE_COLUMNS)[number], number>;
    return guarded<IedRow>((f) => {
      const event_date = isoDate('date', f[c.date]);
      const country_iso3 = iso3('country_iso3', f[c.country_iso3]);
      if (country_iso3 === '') throw new FieldError('country_iso3', { code: 'empty' });
      const mission = optional('mission', f[c.mission]);
      return {
        ok: true,
        row: {
          origin: 'template',
          source_record_id: required('record_id', f[c.record_id]),
          event_date,
          mission: mission || linkMission(country_iso3, event_date),
          country_iso3,
          admin1: optional('admin1', f[c.admin1]),
          location: optional('location', f[c.location]),
          latitude: coordinate('latitude', f[c.latitude], 90),
          longitude: coordinate('longitude', f[c.longitude], 180),
          event_type: optional('event_type', f[c.event_type]),
          outcome: oneOf('outcome', f[c.outcome].replace(/[\s-]+/g, '_'), IED_OUTCOMES),
          killed: optionalCount('killed', f[c.killed]),
          injured: optionalCount('injured', f[c.injured]),
          peacekeepers_killed: optionalCount('peacekeepers_killed', f[c.peacekeepers_killed]) ?? 0,
          peacekeepers_injured: optionalCount('peacekeepers_injured', f[c.peacekeepers_injured]) ?? 0,
          target: oneOf('target', f[c.target].replace(/[\s-]+/g, '_'), IED_TARGETS),
          source: optional('source', f[c.source], MAX_TEXT),
          notes: optional('notes', f[c.notes], MAX_TEXT),
        },
      };
    });
  },
  key: (r) => r.source_record_id,
  duplicates: 'reject',
  store,
};
