-- Certificates, registered CAs, registration codes, policies and their versions, policy
-- attachments, thing principals, and the server's own CA. Scoped like every table of V1:
-- (account_id, region) lead each primary key; compared and sorted text is COLLATE "C". Instants
-- are fixed-width ISO-8601 UTC text, so created_at sorts in time order.

-- Device certificates. The transfer columns are all NULL when the certificate was never offered
-- to another account.
CREATE TABLE certificates (
  account_id              TEXT COLLATE "C" NOT NULL,
  region                  TEXT COLLATE "C" NOT NULL,
  certificate_id          TEXT COLLATE "C" NOT NULL,
  pem                     TEXT NOT NULL,
  status                  TEXT COLLATE "C" NOT NULL,
  ca_certificate_id       TEXT COLLATE "C",
  mode                    TEXT NOT NULL,
  owned_by                TEXT NOT NULL,
  previous_owned_by       TEXT,
  transfer_target_account TEXT COLLATE "C",
  transfer_message        TEXT,
  transfer_reject_reason  TEXT,
  transferred_at          TEXT,
  transfer_accepted_at    TEXT,
  transfer_rejected_at    TEXT,
  not_before              TEXT,
  not_after               TEXT,
  created_at              TEXT COLLATE "C" NOT NULL,
  modified_at             TEXT NOT NULL,
  generation_id           BIGINT NOT NULL,
  PRIMARY KEY (account_id, region, certificate_id)
);

-- ListCertificates in creation order, read forwards or backwards.
CREATE INDEX certificates_by_created
  ON certificates (account_id, region, created_at, certificate_id);

-- ListCertificatesByCA in creation order; also whether a registered CA issued any certificate.
CREATE INDEX certificates_by_ca
  ON certificates (account_id, region, ca_certificate_id, created_at, certificate_id)
  WHERE ca_certificate_id IS NOT NULL;

-- Transfers still pending, by the account (and region) they are offered to.
CREATE INDEX certificates_pending_transfer
  ON certificates (transfer_target_account, region, certificate_id, account_id)
  WHERE status = 'PENDING_TRANSFER';

-- Registered CA certificates.
CREATE TABLE ca_certificates (
  account_id                 TEXT COLLATE "C" NOT NULL,
  region                     TEXT COLLATE "C" NOT NULL,
  certificate_id             TEXT COLLATE "C" NOT NULL,
  pem                        TEXT NOT NULL,
  status                     TEXT COLLATE "C" NOT NULL,
  auto_registration          BOOLEAN NOT NULL,
  mode                       TEXT NOT NULL,
  registration_template_body TEXT,
  registration_role_arn      TEXT,
  registration_template_name TEXT,
  owned_by                   TEXT NOT NULL,
  not_before                 TEXT,
  not_after                  TEXT,
  created_at                 TEXT COLLATE "C" NOT NULL,
  modified_at                TEXT,
  generation_id              BIGINT NOT NULL,
  PRIMARY KEY (account_id, region, certificate_id)
);

CREATE INDEX ca_certificates_by_created
  ON ca_certificates (account_id, region, created_at, certificate_id);

-- The ACTIVE registrations of a CA in every scope, for a device's first connect.
CREATE INDEX ca_certificates_active_by_id
  ON ca_certificates (certificate_id, account_id, region)
  WHERE status = 'ACTIVE';

-- The CA registration code of a scope.
CREATE TABLE registration_codes (
  account_id TEXT COLLATE "C" NOT NULL,
  region     TEXT COLLATE "C" NOT NULL,
  code       TEXT NOT NULL,
  PRIMARY KEY (account_id, region)
);

-- last_version_number: the highest version number the policy ever had; it never goes down, so a
-- deleted version's id is never handed out again.
CREATE TABLE policies (
  account_id          TEXT COLLATE "C" NOT NULL,
  region              TEXT COLLATE "C" NOT NULL,
  name                TEXT COLLATE "C" NOT NULL,
  default_version_id  TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  modified_at         TEXT NOT NULL,
  generation_id       BIGINT NOT NULL,
  last_version_number BIGINT NOT NULL,
  PRIMARY KEY (account_id, region, name)
);

-- version_number: the version id as a number, which orders the versions by creation.
CREATE TABLE policy_versions (
  account_id     TEXT COLLATE "C" NOT NULL,
  region         TEXT COLLATE "C" NOT NULL,
  policy_name    TEXT COLLATE "C" NOT NULL,
  version_id     TEXT COLLATE "C" NOT NULL,
  version_number BIGINT NOT NULL,
  document       TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  PRIMARY KEY (account_id, region, policy_name, version_id),
  FOREIGN KEY (account_id, region, policy_name)
    REFERENCES policies (account_id, region, name) ON DELETE CASCADE
);

-- Targets (certificate, thing group or other principal ARNs) of each policy. The foreign key
-- (no cascade) makes deleting a policy that is still attached fail.
CREATE TABLE policy_attachments (
  account_id  TEXT COLLATE "C" NOT NULL,
  region      TEXT COLLATE "C" NOT NULL,
  policy_name TEXT COLLATE "C" NOT NULL,
  target_arn  TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (account_id, region, policy_name, target_arn),
  FOREIGN KEY (account_id, region, policy_name)
    REFERENCES policies (account_id, region, name)
);

-- The policies of a target in name order.
CREATE INDEX policy_attachments_by_target
  ON policy_attachments (account_id, region, target_arn, policy_name);

-- Principals attached to things. The foreign key (no cascade) makes deleting a thing that still
-- has principals fail, so a thing re-created under the same name never inherits them.
CREATE TABLE thing_principals (
  account_id    TEXT COLLATE "C" NOT NULL,
  region        TEXT COLLATE "C" NOT NULL,
  thing_name    TEXT COLLATE "C" NOT NULL,
  principal_arn TEXT COLLATE "C" NOT NULL,
  type          TEXT NOT NULL,
  attached_at   TEXT NOT NULL,
  PRIMARY KEY (account_id, region, thing_name, principal_arn),
  FOREIGN KEY (account_id, region, thing_name)
    REFERENCES things (account_id, region, name)
);

-- The things of a principal in name order.
CREATE INDEX thing_principals_by_principal
  ON thing_principals (account_id, region, principal_arn, thing_name);

-- The server's own CA, one row for the whole server (id is always 1). Private keys are sealed
-- under the master key.
CREATE TABLE server_ca (
  id                 INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
  root_pem           TEXT NOT NULL,
  issuing_pem        TEXT NOT NULL,
  sealed_root_key    BYTEA NOT NULL,
  sealed_issuing_key BYTEA NOT NULL,
  created_at         TEXT NOT NULL
);

-- The server's TLS certificate, one row, replaced on renewal.
CREATE TABLE server_certificate (
  id         INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
  chain_pem  TEXT NOT NULL,
  sealed_key BYTEA NOT NULL,
  host_names TEXT,
  not_after  TEXT NOT NULL
);
