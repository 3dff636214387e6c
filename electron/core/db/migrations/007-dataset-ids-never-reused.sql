-- A dataset's number is never given to another file: saved views, packs' bases and notes name files by
-- it, and without AUTOINCREMENT SQLite hands the highest number out again once that file is removed.
-- SQLite adds AUTOINCREMENT only by rebuilding the table: the new table is made, filled with every row
-- (numbers kept, so every reference still holds), the old one dropped and the new one renamed into its
-- place, in the migration's transaction. migrate() runs this with foreign keys off (dropping the old
-- table would otherwise delete through every reference) and checks them all before it commits.
-- Numbers given out and removed before this migration are not known; from here on none is reused.
CREATE TABLE dataset_007 (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  file_name    TEXT NOT NULL,
  sha256       TEXT NOT NULL UNIQUE,
  kind         TEXT NOT NULL CHECK (kind IN ('fatalities', 'deployments', 'ied')),
  layout       TEXT NOT NULL,
  imported_at  TEXT NOT NULL,
  rows_read    INTEGER NOT NULL,
  inserted     INTEGER NOT NULL,
  updated      INTEGER NOT NULL,
  unchanged    INTEGER NOT NULL,
  rejected     INTEGER NOT NULL,
  synthetic    INTEGER NOT NULL DEFAULT 0 CHECK (synthetic IN (0, 1)),
  last_update  TEXT,
  skipped      INTEGER NOT NULL DEFAULT 0
) STRICT;

INSERT INTO dataset_007 (id, file_name, sha256, kind, layout, imported_at, rows_read, inserted, updated, unchanged, rejected, synthetic, last_update, skipped)
  SELECT id, file_name, sha256, kind, layout, imported_at, rows_read, inserted, updated, unchanged, rejected, synthetic, last_update, skipped FROM dataset;

DROP TABLE dataset;
ALTER TABLE dataset_007 RENAME TO dataset;
