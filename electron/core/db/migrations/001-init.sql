-- Workspace: what kind of workspace this file is (real or synthetic demo) and other settings.
CREATE TABLE workspace_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Every file ever imported, by content hash: the root of every number's provenance.
CREATE TABLE dataset (
  id           INTEGER PRIMARY KEY,
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
  last_update  TEXT
) STRICT;

-- Rows that could not be used, kept with where they came from and why.
CREATE TABLE reject (
  dataset_id INTEGER NOT NULL REFERENCES dataset(id),
  line       INTEGER NOT NULL,
  field      TEXT NOT NULL,
  reason     TEXT NOT NULL,
  raw        TEXT NOT NULL,
  PRIMARY KEY (dataset_id, line)
) STRICT;

-- Reference tables, refreshed from data/reference on open.
CREATE TABLE ref_country (
  iso3      TEXT PRIMARY KEY,
  m49       INTEGER,
  name_en   TEXT NOT NULL,
  name_zh   TEXT NOT NULL,
  region    TEXT,
  subregion TEXT
) STRICT;

CREATE TABLE ref_mission (
  acronym   TEXT PRIMARY KEY,
  name_en   TEXT NOT NULL,
  name_zh   TEXT NOT NULL,
  short_zh  TEXT,
  host_iso3 TEXT,
  start     TEXT,
  "end"     TEXT,
  kind      TEXT
) STRICT;

-- One row per casualty, as the UN publishes it (casualty_id is the UN's own key).
CREATE TABLE fatality (
  casualty_id      TEXT PRIMARY KEY,
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
  source_line      INTEGER NOT NULL
) STRICT;
CREATE INDEX fatality_date ON fatality (incident_date);
CREATE INDEX fatality_mission ON fatality (mission, incident_date);
