-- Saved views: what the analyst named and kept (the view spec, the tab it was on, the chart's settings
-- and a note), so a morning's views come back in the same workspace on any machine it is carried to.
-- The spec is checked by the core (shared/spec.ts) before it is stored; here only that it is JSON.
CREATE TABLE saved_view (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  spec TEXT NOT NULL CHECK (json_valid(spec)),
  tab TEXT NOT NULL,
  chart TEXT NOT NULL CHECK (json_valid(chart)),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- The analyst's own marks on the time axis (a local election, a change of mandate), in one language or
-- both; the bundled ones (data/annotations.json) and the missions' start and end dates are not stored.
CREATE TABLE annotation (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  label_en TEXT,
  label_zh TEXT,
  created_at TEXT NOT NULL,
  CHECK (coalesce(label_en, label_zh) IS NOT NULL)
) STRICT;
