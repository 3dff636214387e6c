-- Every other file's version of a row, so taking a file out brings back what it superseded. The fact
-- tables hold, per key, the version an import in file order leaves standing (a later file's change
-- wins; for contributions the latest report stands); each table here holds the versions of the same
-- keys that other files brought and that did not stand: the earlier version a later file changed,
-- a later file's identical or older-report row. Removing a file takes its versions out and, for each
-- key it touched, lets the remaining versions decide again in file order (electron/core/datasets/versions.ts).
-- Files imported before this migration kept no versions: the first file number that did is noted, so
-- the removal confirmation can say which files' earlier versions cannot come back.
CREATE TABLE fatality_version (
  casualty_id      TEXT NOT NULL,
  incident_date    TEXT NOT NULL,
  mission          TEXT NOT NULL,
  gender           TEXT NOT NULL CHECK (gender IN ('M', 'F', '')),
  nationality      TEXT NOT NULL,
  nationality_iso3 TEXT NOT NULL,
  m49              INTEGER,
  personnel_type   TEXT NOT NULL,
  service          TEXT NOT NULL CHECK (service IN ('military', 'police', 'civilian', 'other')),
  incident_type    TEXT NOT NULL,
  dataset_id       INTEGER NOT NULL REFERENCES dataset(id),
  source_line      INTEGER NOT NULL,
  PRIMARY KEY (casualty_id, dataset_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX fatality_version_dataset ON fatality_version (dataset_id);

CREATE TABLE deployment_version (
  month          TEXT NOT NULL,
  mission        TEXT NOT NULL,
  country_iso3   TEXT NOT NULL,
  personnel_type TEXT NOT NULL,
  country_name   TEXT NOT NULL,
  female         INTEGER NOT NULL CHECK (female >= 0),
  male           INTEGER NOT NULL CHECK (male >= 0),
  report_date    TEXT NOT NULL,
  dataset_id     INTEGER NOT NULL REFERENCES dataset(id),
  source_line    INTEGER NOT NULL,
  PRIMARY KEY (month, mission, country_iso3, personnel_type, dataset_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX deployment_version_dataset ON deployment_version (dataset_id);

CREATE TABLE ied_version (
  origin               TEXT NOT NULL CHECK (origin IN ('acled', 'template', 'demo')),
  source_record_id     TEXT NOT NULL,
  event_date           TEXT NOT NULL,
  mission              TEXT,
  country_iso3         TEXT NOT NULL,
  admin1               TEXT NOT NULL,
  location             TEXT NOT NULL,
  latitude             REAL,
  longitude            REAL,
  event_type           TEXT NOT NULL,
  outcome              TEXT NOT NULL CHECK (outcome IN ('detonated', 'found_and_cleared', 'unknown')),
  killed               INTEGER CHECK (killed >= 0),
  injured              INTEGER CHECK (injured >= 0),
  peacekeepers_killed  INTEGER NOT NULL CHECK (peacekeepers_killed >= 0),
  peacekeepers_injured INTEGER NOT NULL CHECK (peacekeepers_injured >= 0),
  target               TEXT NOT NULL CHECK (target IN ('UN', 'national_forces', 'civilians', 'other')),
  source               TEXT NOT NULL,
  notes                TEXT NOT NULL,
  dataset_id           INTEGER NOT NULL REFERENCES dataset(id),
  source_line          INTEGER NOT NULL,
  PRIMARY KEY (origin, source_record_id, dataset_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX ied_version_dataset ON ied_version (dataset_id);

INSERT INTO workspace_meta (key, value) SELECT 'versions_kept_from', CAST(coalesce(max(id), 0) + 1 AS TEXT) FROM dataset;
