-- deployment as one B-tree: a WITHOUT ROWID table keyed by (month, mission, country, personnel type).
-- The key serves the (mission, month) lookups of deployment_month (both are equality terms on its first
-- two columns), so the secondary index goes. month_end and service are derived from month and
-- personnel_type, so they become generated columns with the same names and values for every query:
-- month_end virtual (no bytes stored; queries that need an index to cover them use month), service
-- stored (a few bytes, computed by SQLite, never sent by the importer). A million-row import writes one
-- B-tree in key order instead of a table, a key index and a second index.
CREATE TABLE deployment_003 (
  month          TEXT NOT NULL,            -- YYYY-MM
  mission        TEXT NOT NULL,
  country_iso3   TEXT NOT NULL,
  personnel_type TEXT NOT NULL,
  country_name   TEXT NOT NULL,
  female         INTEGER NOT NULL CHECK (female >= 0),
  male           INTEGER NOT NULL CHECK (male >= 0),
  report_date    TEXT NOT NULL,
  dataset_id     INTEGER NOT NULL REFERENCES dataset(id),
  source_line    INTEGER NOT NULL,
  -- The last day of the month, the date the row is placed at.
  month_end      TEXT GENERATED ALWAYS AS (
    month || '-' || CASE substr(month, 6, 2)
      WHEN '02' THEN CASE WHEN CAST(substr(month, 1, 4) AS INTEGER) % 4 = 0
                               AND (CAST(substr(month, 1, 4) AS INTEGER) % 100 <> 0 OR CAST(substr(month, 1, 4) AS INTEGER) % 400 = 0)
                          THEN '29' ELSE '28' END
      WHEN '04' THEN '30' WHEN '06' THEN '30' WHEN '09' THEN '30' WHEN '11' THEN '30'
      ELSE '31' END
  ) VIRTUAL,
  service        TEXT GENERATED ALWAYS AS (
    CASE WHEN personnel_type IN ('Formed Police Units', 'Individual Police') THEN 'police' ELSE 'military' END
  ) STORED CHECK (service IN ('military', 'police')),
  PRIMARY KEY (month, mission, country_iso3, personnel_type)
) STRICT, WITHOUT ROWID;

INSERT INTO deployment_003 (month, mission, country_iso3, personnel_type, country_name, female, male, report_date, dataset_id, source_line)
  SELECT month, mission, country_iso3, personnel_type, country_name, female, male, report_date, dataset_id, source_line FROM deployment;

-- The view names the table, so it goes while the table is swapped and comes back unchanged.
DROP VIEW deployment_month;
DROP INDEX deployment_mission_month;
DROP TABLE deployment;
ALTER TABLE deployment_003 RENAME TO deployment;

-- The months each mission reported: fatality_rate counts deaths only in these, so both sides cover the same time.
CREATE VIEW deployment_month AS SELECT mission, month FROM deployment;
