-- Briefing packs: the whole pack document (settings and ordered slides, shared/pack.ts) as JSON, so
-- a pack reopens exactly as it was left. A slide's basis (dataset sha256s and grand total) lives in
-- the document too: the stale check compares it with the workspace at export time.
CREATE TABLE pack (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  doc TEXT NOT NULL CHECK (json_valid(doc)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
