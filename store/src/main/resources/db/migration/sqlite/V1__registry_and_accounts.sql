-- Accounts and access keys are global; every other table is scoped: (account_id, region) lead
-- its primary key and every query filters by them. Text compares in BINARY (byte) order, which
-- the keyset listings rely on. Instants are fixed-width ISO-8601 UTC text.

CREATE TABLE accounts (
  account_id TEXT NOT NULL PRIMARY KEY,
  name       TEXT NOT NULL,
  status     TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE access_keys (
  access_key_id TEXT NOT NULL PRIMARY KEY,
  account_id    TEXT NOT NULL REFERENCES accounts (account_id),
  status        TEXT NOT NULL,
  sealed_secret BLOB NOT NULL,
  created_at    TEXT NOT NULL
) STRICT;

CREATE INDEX access_keys_by_account ON access_keys (account_id, access_key_id);

CREATE TABLE thing_types (
  account_id             TEXT NOT NULL,
  region                 TEXT NOT NULL,
  name                   TEXT NOT NULL,
  thing_type_id          TEXT NOT NULL,
  description            TEXT,
  searchable_attributes  TEXT NOT NULL,
  propagating_attributes TEXT NOT NULL,
  deprecated_at          TEXT,
  created_at             TEXT NOT NULL,
  PRIMARY KEY (account_id, region, name)
) STRICT;

-- attributes: the thing's attributes as a JSON object, so that a lookup is one row.
CREATE TABLE things (
  account_id         TEXT NOT NULL,
  region             TEXT NOT NULL,
  name               TEXT NOT NULL,
  thing_id           TEXT NOT NULL,
  type_name          TEXT,
  attributes         TEXT NOT NULL,
  version            INTEGER NOT NULL,
  billing_group_name TEXT,
  created_at         TEXT NOT NULL,
  modified_at        TEXT NOT NULL,
  PRIMARY KEY (account_id, region, name)
) STRICT;

CREATE INDEX things_by_type ON things (account_id, region, type_name, name);

-- The same attributes once more, one row each, for ListThings' attribute filters.
CREATE TABLE thing_attributes (
  account_id TEXT NOT NULL,
  region     TEXT NOT NULL,
  thing_name TEXT NOT NULL,
  attr_name  TEXT NOT NULL,
  attr_value TEXT NOT NULL,
  PRIMARY KEY (account_id, region, thing_name, attr_name),
  FOREIGN KEY (account_id, region, thing_name)
    REFERENCES things (account_id, region, name) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE INDEX thing_attributes_by_value
  ON thing_attributes (account_id, region, attr_name, attr_value, thing_name);

-- Tags of any resource, keyed by its ARN.
CREATE TABLE tags (
  account_id   TEXT NOT NULL,
  region       TEXT NOT NULL,
  resource_arn TEXT NOT NULL,
  tag_key      TEXT NOT NULL,
  tag_value    TEXT NOT NULL,
  PRIMARY KEY (account_id, region, resource_arn, tag_key)
) STRICT, WITHOUT ROWID;

-- AUTOINCREMENT: a sequence is never reused, even after the newest rows were deleted.
CREATE TABLE change_log (
  sequence      INTEGER PRIMARY KEY AUTOINCREMENT,
  committed_at  TEXT NOT NULL,
  account_id    TEXT NOT NULL,
  region        TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  resource_name TEXT NOT NULL,
  kind          TEXT NOT NULL,
  state         TEXT
) STRICT;
