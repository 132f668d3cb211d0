-- Dynamic thing groups: the query that defines a group, and its members. Scoped like every table:
-- (account_id, region) lead each primary key and index; compared and sorted text is COLLATE "C".

-- A dynamic group is a thing group row (one namespace, one ARN, listed by ListThingGroups as the
-- root it is) with its definition in these columns, all null for a static group. The registry
-- stores the query as text; the fleet index runs it.
ALTER TABLE thing_groups
  ADD COLUMN index_name TEXT,
  ADD COLUMN query_string TEXT,
  ADD COLUMN query_version TEXT,
  ADD COLUMN dynamic_status TEXT;

-- The dynamic groups of a scope in name order, for their count (AWS's quota) and their listing.
-- Partial: most groups are static.
CREATE INDEX thing_groups_dynamic ON thing_groups (account_id, region, name)
  WHERE query_string IS NOT NULL;

-- Members of dynamic groups, one row each: a dynamic group has no ancestors, so there is nothing to
-- close over, and static memberships keep their hierarchy rules to themselves. As for static
-- memberships, the foreign keys (no cascade) make deleting a thing or a group that still has
-- members fail; the registry ends memberships first, in the same transaction.
CREATE TABLE dynamic_thing_group_members (
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

-- The dynamic groups of a thing (ListThingGroupsForThing, the 10-group limit); also what the
-- foreign key to things searches when a thing is deleted.
CREATE INDEX dynamic_thing_group_members_by_thing
  ON dynamic_thing_group_members (account_id, region, thing_name, group_name);
