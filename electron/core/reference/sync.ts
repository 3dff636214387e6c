import type { Db } from '../db/open';
import { referenceTables } from './tables';

/** Refreshes the workspace's copy of the reference tables when data/reference has changed. */
export function syncReference(db: Db): boolean {
  const { tables, hash } = referenceTables();
  const stored = db.prepare(`SELECT value FROM workspace_meta WHERE key = 'reference_hash'`).pluck().get();
  if (stored === hash) return false;
  const insertCountry = db.prepare(
    `INSERT INTO ref_country (iso3, m49, name_en, name_zh, region, subregion) VALUES (@iso3, @m49, @name_en, @name_zh, @region, @subregion)`,
  );
  const insertMission = db.prepare(
    `INSERT INTO ref_mission (acronym, name_en, name_zh, short_zh, host_iso3, start, "end", kind)
     VALUES (@acronym, @name_en, @name_zh, @short_zh, @host_iso3, @start, @end, @kind)`,
  );
  db.transaction(() => {
    db.exec('DELETE FROM ref_country; DELETE FROM ref_mission;');
    for (const c of tables.countries) insertCountry.run({ ...c, m49: c.m49 ?? null, region: c.region ?? null, subregion: c.subregion ?? null });
    for (const m of tables.missions) {
      insertMission.run({ ...m, short_zh: m.short_zh ?? null, host_iso3: m.host[0] ?? null, start: m.start ?? null, end: m.end ?? null, kind: m.kind ?? null });
    }
    db.prepare(`INSERT INTO workspace_meta (key, value) VALUES ('reference_hash', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(hash);
  }).immediate();
  return true;
}
