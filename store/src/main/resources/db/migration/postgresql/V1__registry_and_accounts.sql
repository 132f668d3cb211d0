-- Accounts and access keys are global; every other table is scoped: (account_id, region) lead
-- its primary key and every query filters by them. Every text column that is compared or sorted
-- is COLLATE "C" (byte order), whatever the database's default collation, so listings page in
-- the same order as on SQLite. Instants are fixed-width ISO-8601 UTC text.

CREATE TABLE accounts (
  account_id TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  name       TEXT NOT NULL,
  status     TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE access_keys (
  access_key_id TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  account_id    TEXT COLLATE "C" NOT NULL REFERENCES accounts (account_id),
  status        TEXT NOT NULL,
  sealed_secret BYTEA NOT NULL,
  created_at    TEXT NOT NULL
);

CREATE INDEX access_keys_by_account ON access_keys (account_id, access_key_id);

CREATE TABLE thing_types (
  account_id             TEXT COLLATE "C" NOT NULL,
  region                 TEXT COLLATE "C" NOT NULL,
  name                   TEXT COLLATE "C" NOT NULL,
  thing_type_id          TEXT NOT NULL,
  description            TEXT,
  searchable_attributes  TEXT NOT NULL,
  propagating_attributes TEXT NOT NULL,
  deprecated_at          TEXT,
  created_at             TEXT NOT NULL,
  PRIMARY KEY (account_id, region, name)
);

-- attributes: the thing's attributes as a JSON object, so that a lookup is one row.
CREATE TABLE things (
  account_id         TEXT COLLATE "C" NOT NULL,
  region             TEXT COLLATE "C" NOT NULL,
  name               TEXT COLLATE "C" NOT NULL,
  thing_id           TEXT NOT NULL,
  type_name          TEXT COLLATE "C",
  attributes         TEXT NOT NULL,
  version            BIGINT NOT NULL,
  billing_group_name TEXT COLLATE "C",
  created_at         TEXT NOT NULL,
  modified_at        TEXT NOT NULL,
  PRIMARY KEY (account_id, region, name)
);

CREATE INDEX things_by_type ON things (account_id, region, type_name, name);

-- The same attributes once more, one row each, for ListThings' attribute filters.
CREATE TABLE thing_attributes (
  account_id TEXT COLLATE "C" NOT NULL,
  region     TEXT COLLATE "C" NOT NULL,
  thing_name TEXT COLLATE "C" NOT NULL,
  attr_name  TEXT COLLATE "C" NOT NULL,
  attr_value TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (account_id, region, thing_name, attr_name),
  FOREIGN KEY (account_id, region, thing_name)
    REFERENCES things (account_id, region, name) ON DELETE CASCADE
);

CREATE INDEX thing_attributes_by_value
  ON thing_attributes (account_id, region, attr_name, attr_value, thing_name);

-- Tags of any resource, keyed by its ARN.
CREATE TABLE tags (
  account_id   TEXT COLLATE "C" NOT NULL,
  region       TEXT COLLATE "C" NOT NULL,
  resource_arn TEXT COLLATE "C" NOT NULL,
  tag_key      TEXT COLLATE "C" NOT NULL,
  tag_value    TEXT NOT NULL,
  PRIMARY KEY (account_id, region, resource_arn, tag_key)
);

-- Numbers are drawn at insert time; the store takes an advisory lock around the insert so that
-- they follow commit order (see PostgresDialect).
CREATE TABLE change_log (
  sequence      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  committed_at  TEXT NOT NULL,
  account_id    TEXT COLLATE "C" NOT NULL,
  region        TEXT COLLATE "C" NOT NULL,
  resource_type TEXT NOT NULL,
  resource_name TEXT COLLATE "C" NOT NULL,
  kind          TEXT NOT NULL,
  state         TEXT
);
