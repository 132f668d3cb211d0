-- Device shadows: one row per thing and shadow name ('' for the classic shadow). state_json and
-- metadata_json are the document's JSON; a deleted shadow leaves a tombstone (deleted, '{}'
-- documents) so that a new document within 48 hours continues its version. updated_at is epoch
-- seconds. Rows go with their thing: ON DELETE CASCADE.
CREATE TABLE shadows (
  account_id    TEXT COLLATE "C" NOT NULL,
  region        TEXT COLLATE "C" NOT NULL,
  thing_name    TEXT COLLATE "C" NOT NULL,
  shadow_name   TEXT COLLATE "C" NOT NULL,
  version       BIGINT NOT NULL,
  state_json    TEXT NOT NULL,
  metadata_json TEXT NOT NULL,
  updated_at    BIGINT NOT NULL,
  deleted       BOOLEAN NOT NULL,
  PRIMARY KEY (account_id, region, thing_name, shadow_name),
  FOREIGN KEY (account_id, region, thing_name)
    REFERENCES things (account_id, region, name) ON DELETE CASCADE
);
