-- Things' MQTT connectivity, one row per thing that ever connected, reported by the MQTT gateway.
-- connected_at_millis and connection_version name the connection the row is about, so that a late
-- report about an older connection is recognised and ignored. The foreign key (no cascade) makes
-- deleting a thing that still has a row fail; the registry removes the row first, in the same
-- transaction. The primary key is also what the foreign key searches when a thing is deleted.
CREATE TABLE thing_connectivity (
  account_id          TEXT NOT NULL,
  region              TEXT NOT NULL,
  thing_name          TEXT NOT NULL,
  connected           INTEGER NOT NULL CHECK (connected IN (0, 1)),
  changed_at_millis   INTEGER NOT NULL,
  disconnect_reason   TEXT,
  connected_at_millis INTEGER NOT NULL,
  connection_version  INTEGER NOT NULL,
  PRIMARY KEY (account_id, region, thing_name),
  FOREIGN KEY (account_id, region, thing_name)
    REFERENCES things (account_id, region, name)
) STRICT, WITHOUT ROWID;
