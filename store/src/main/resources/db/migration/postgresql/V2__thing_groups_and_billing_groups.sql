-- Static thing groups, their members, and billing groups. Scoped like every table of V1:
-- (account_id, region) lead each primary key and index; compared and sorted text is COLLATE "C".

-- A group's place in its hierarchy is fixed at creation and stored three ways, one per query:
-- parent_name for its children, path ('/root/child/grandchild/', names never contain '/') for all
-- its descendants as one index range, ancestors (JSON array, root first) to rebuild the record.
CREATE TABLE thing_groups (
  account_id  TEXT COLLATE "C" NOT NULL,
  region      TEXT COLLATE "C" NOT NULL,
  name        TEXT COLLATE "C" NOT NULL,
  group_id    TEXT NOT NULL,
  parent_name TEXT COLLATE "C",
  root_name   TEXT COLLATE "C" NOT NULL,
  ancestors   TEXT NOT NULL,
  path        TEXT COLLATE "C" NOT NULL,
  description TEXT,
  attributes  TEXT NOT NULL,
  version     BIGINT NOT NULL,
  created_at  TEXT NOT NULL,
  PRIMARY KEY (account_id, region, name),
  -- A parent cannot go while it has children.
  FOREIGN KEY (account_id, region, parent_name)
    REFERENCES thing_groups (account_id, region, name)
);

-- Children of a parent in name order; also counts them from the index alone.
CREATE INDEX thing_groups_by_parent ON thing_groups (account_id, region, parent_name, name);

-- Descendants of a group: path >= '/a/b/' AND path < '/a/b0' ('0' follows '/'). The name makes
-- the index cover the name filters and the sort of a descendant listing.
CREATE INDEX thing_groups_by_path ON thing_groups (account_id, region, path, name);

-- Direct memberships. The foreign keys (no cascade) make deleting a thing or a group that still
-- has memberships fail, so a thing re-created under the same name never inherits the groups (and
-- the policies) of its predecessor; the registry ends memberships first, in the same transaction.
CREATE TABLE thing_group_members (
  account_id TEXT COLLATE "C" NOT NULL,
  region     TEXT COLLATE "C" NOT NULL,
  group_name TEXT COLLATE "C" NOT NULL,
  thing_name TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (account_id, region, group_name, thing_name),
  FOREIGN KEY (account_id, region, group_name)
    REFERENCES thing_groups (account_id, region, name),
  FOREIGN KEY (account_id, region, thing_name)
    REFERENCES things (account_id, region, name)
);

-- The groups of a thing; also what the foreign key to things searches when a thing is deleted.
CREATE INDEX thing_group_members_by_thing
  ON thing_group_members (account_id, region, thing_name, group_name);

-- Every group a thing belongs to directly or through a descendant: one row for its direct group
-- and one for each ancestor of it. A thing is in at most one group of a hierarchy, so the rows are
-- unique, and a recursive listing from any group is one range of this primary key.
CREATE TABLE thing_group_closure (
  account_id    TEXT COLLATE "C" NOT NULL,
  region        TEXT COLLATE "C" NOT NULL,
  ancestor_name TEXT COLLATE "C" NOT NULL,
  thing_name    TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (account_id, region, ancestor_name, thing_name)
);

CREATE TABLE billing_groups (
  account_id  TEXT COLLATE "C" NOT NULL,
  region      TEXT COLLATE "C" NOT NULL,
  name        TEXT COLLATE "C" NOT NULL,
  group_id    TEXT NOT NULL,
  description TEXT,
  version     BIGINT NOT NULL,
  created_at  TEXT NOT NULL,
  PRIMARY KEY (account_id, region, name)
);

-- The things of a billing group in name order. Partial: most things are in no billing group.
CREATE INDEX things_by_billing_group ON things (account_id, region, billing_group_name, name)
  WHERE billing_group_name IS NOT NULL;
