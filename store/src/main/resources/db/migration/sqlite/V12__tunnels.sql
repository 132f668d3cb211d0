-- Secure tunnels: one row per tunnel, closed ones included until CloseTunnel deletes them.
-- Instants are fixed-width ISO-8601 UTC text, so they sort in time order; booleans are 0 or 1.
-- services is the destination's JSON list of services, NULL when the tunnel has no destination
-- config (thing_name is NULL then too). tags is a JSON list of {key, value} in the order the keys
-- were first set. closed_at is set by CloseTunnel; a tunnel whose lifetime ended is closed without
-- it. Each side (source_, destination_) keeps its current access token only as a SHA-256 hash,
-- unique over all tunnels so that a relay client's token finds its tunnel, its generation (1, one
-- more per rotation of the side), whether the token was spent and the client token it is bound to,
-- and its relay connection. version grows with every write of the row, which replaces it only at
-- the version the writer read (how a single-use token is spent once across nodes).
CREATE TABLE tunnels (
  account_id                     TEXT NOT NULL,
  region                         TEXT NOT NULL,
  tunnel_id                      TEXT NOT NULL,
  description                    TEXT,
  thing_name                     TEXT,
  services                       TEXT,
  tags                           TEXT NOT NULL,
  max_lifetime_minutes           INTEGER NOT NULL,
  created_at                     TEXT NOT NULL,
  last_updated_at                TEXT NOT NULL,
  closed_at                      TEXT,
  source_token_hash              TEXT NOT NULL,
  source_generation              INTEGER NOT NULL,
  source_spent                   INTEGER NOT NULL CHECK (source_spent IN (0, 1)),
  source_client_token            TEXT,
  source_connection              TEXT NOT NULL,
  source_connection_at           TEXT NOT NULL,
  destination_token_hash         TEXT NOT NULL,
  destination_generation         INTEGER NOT NULL,
  destination_spent              INTEGER NOT NULL CHECK (destination_spent IN (0, 1)),
  destination_client_token       TEXT,
  destination_connection         TEXT NOT NULL,
  destination_connection_at      TEXT NOT NULL,
  version                        INTEGER NOT NULL,
  PRIMARY KEY (account_id, region, tunnel_id)
) STRICT;

CREATE UNIQUE INDEX tunnels_by_source_token ON tunnels (source_token_hash);
CREATE UNIQUE INDEX tunnels_by_destination_token ON tunnels (destination_token_hash);
CREATE INDEX tunnels_by_source_client_token ON tunnels (source_client_token)
  WHERE source_client_token IS NOT NULL;
CREATE INDEX tunnels_by_destination_client_token ON tunnels (destination_client_token)
  WHERE destination_client_token IS NOT NULL;
-- ListTunnels, newest first, of the scope or of one destination thing.
CREATE INDEX tunnels_by_created ON tunnels (account_id, region, created_at, tunnel_id);
CREATE INDEX tunnels_by_thing ON tunnels (account_id, region, thing_name, created_at, tunnel_id)
  WHERE thing_name IS NOT NULL;
