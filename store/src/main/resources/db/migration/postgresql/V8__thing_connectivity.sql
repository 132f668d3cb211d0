-- Things' MQTT connectivity, one row per thing that ever connected, reported by the MQTT gateway.
-- connected_at_millis and connection_version name the connection the row is about, so that a late
-- report about an older connection is recognised and ignored. The foreign key (no cascade) makes
-- deleting a thing that still has a row fail; the registry removes the row first, in the same
-- transaction. The primary key is also what the foreign key searches when a thing is deleted.
CREATE TABLE thing_connectivity (
  account_id          TEXT COLLATE "C" NOT NULL,
  region              TEXT COLLATE "C" NOT NULL,
  thing_name          TEXT COLLATE "C" NOT NULL,
  connected           BOOLEAN NOT NULL,
  changed_at_millis   BIGINT NOT NULL,
  disconnect_reason   TEXT,
  connected_at_millis BIGINT NOT NULL,
  connection_version  BIGINT NOT NULL,
  PRIMARY KEY (account_id, region, thing_name),
  FOREIGN KEY (account_id, region, thing_name)
    REFERENCES things (account_id, region, name)
);
