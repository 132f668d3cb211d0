-- Device shadows: one row per thing and shadow name ('' for the classic shadow). state_json and
-- metadata_json are the document's JSON; a deleted shadow leaves a tombstone (deleted = 1, '{}'
-- documents) so that a new document within 48 hours continues its version. updated_at is epoch
-- seconds. Rows go with their thing: ON DELETE CASCADE.
CREATE TABLE shadows (
  account_id    TEXT NOT NULL,
  region        TEXT NOT NULL,
  thing_name    TEXT NOT NULL,
  shadow_name   TEXT NOT NULL,
  version       INTEGER NOT NULL,
  state_json    TEXT NOT NULL,
  metadata_json TEXT NOT NULL,
  updated_at    INTEGER NOT NULL,
  deleted       INTEGER NOT NULL CHECK (deleted IN (0, 1)),
  PRIMARY KEY (account_id, region, thing_name, shadow_name),
  FOREIGN KEY (account_id, region, thing_name)
    REFERENCES things (account_id, region, name) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
