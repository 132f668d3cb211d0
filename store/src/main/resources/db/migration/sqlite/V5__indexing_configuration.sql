-- The fleet index's configuration per scope; a scope without a row uses the server's default.
CREATE TABLE indexing_configurations (
  account_id                       TEXT NOT NULL,
  region                           TEXT NOT NULL,
  thing_indexing_mode              TEXT NOT NULL,
  thing_connectivity_indexing_mode TEXT NOT NULL,
  device_defender_indexing_mode    TEXT NOT NULL,
  named_shadow_indexing_mode       TEXT NOT NULL,
  thing_custom_fields              TEXT NOT NULL,
  thing_group_indexing_mode        TEXT NOT NULL,
  thing_group_custom_fields        TEXT NOT NULL,
  PRIMARY KEY (account_id, region)
);
