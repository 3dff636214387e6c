-- Rows an import leaves out on purpose (ACLED events that are not IEDs).
ALTER TABLE dataset ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0;

-- Monthly uniformed personnel by mission, contributing country and personnel type (UN contributions reports).
CREATE TABLE deployment (
  month          TEXT NOT NULL,            -- YYYY-MM
  month_end      TEXT NOT NULL,            -- last day of the month, the date the row is placed at
  mission        TEXT NOT NULL,
  country_iso3   TEXT NOT NULL,
  country_name   TEXT NOT NULL,
  personnel_type TEXT NOT NULL,
  service        TEXT NOT NULL CHECK (service IN ('military', 'police')),
  female         INTEGER NOT NULL CHECK (female >= 0),
  male           INTEGER NOT NULL CHECK (male >= 0),
  report_date    TEXT NOT NULL,
  dataset_id     INTEGER NOT NULL REFERENCES dataset(id),
  source_line    INTEGER NOT NULL,
  PRIMARY KEY (month, mission, country_iso3, personnel_type)
) STRICT;
CREATE INDEX deployment_mission_month ON deployment (mission, month);

-- The months each mission reported: fatality_rate counts deaths only in these, so both sides cover the same time.
CREATE VIEW deployment_month AS SELECT mission, month FROM deployment;

-- IED incidents from ACLED exports, Bluehelm's own template, or the synthetic demo.
CREATE TABLE ied_incident (
  id                   INTEGER PRIMARY KEY,
  origin               TEXT NOT NULL CHECK (origin IN ('acled', 'template', 'demo')),
  source_record_id     TEXT NOT NULL,
  event_date           TEXT NOT NULL,
  mission              TEXT,
  country_iso3         TEXT NOT NULL,
  admin1               TEXT NOT NULL DEFAULT '',
  location             TEXT NOT NULL DEFAULT '',
  latitude             REAL,
  longitude            REAL,
  event_type           TEXT NOT NULL DEFAULT '',
  outcome              TEXT NOT NULL CHECK (outcome IN ('detonated', 'found_and_cleared', 'unknown')),
  killed               INTEGER CHECK (killed >= 0),
  injured              INTEGER CHECK (injured >= 0),
  peacekeepers_killed  INTEGER NOT NULL DEFAULT 0 CHECK (peacekeepers_killed >= 0),
  peacekeepers_injured INTEGER NOT NULL DEFAULT 0 CHECK (peacekeepers_injured >= 0),
  target               TEXT NOT NULL CHECK (target IN ('UN', 'national_forces', 'civilians', 'other')),
  source               TEXT NOT NULL DEFAULT '',
  notes                TEXT NOT NULL DEFAULT '',
  dataset_id           INTEGER NOT NULL REFERENCES dataset(id),
  source_line          INTEGER NOT NULL,
  UNIQUE (origin, source_record_id)
) STRICT;
CREATE INDEX ied_date ON ied_incident (event_date);
CREATE INDEX ied_mission ON ied_incident (mission, event_date);
