-- Jobs, their targets and executions, job templates, the job engine's lease and change log
-- position, and each scope's event configurations. Scoped like every table: (account_id, region)
-- lead each primary key and index, but for the engine's tables, which belong to the whole server,
-- and for the engine's cross-scope index of executions that time out. Instants are fixed-width
-- ISO-8601 UTC text, so they sort in time order; compared and sorted text is COLLATE "C". Queries
-- write booleans as TRUE and FALSE, the same text as on SQLite.

-- One row per job. targets, document_parameters, configs and destination_package_versions are
-- JSON (configs: the advanced configurations as one object). targets_resolved to
-- cancel_in_progress are the engine's bookkeeping (Job.RolloutState; rolled_out_count is its
-- rolledOut). version grows with every write of the row, which replaces it only at the version the
-- writer read.
CREATE TABLE jobs (
  account_id                   TEXT COLLATE "C" NOT NULL,
  region                       TEXT COLLATE "C" NOT NULL,
  job_id                       TEXT COLLATE "C" NOT NULL,
  status                       TEXT COLLATE "C" NOT NULL,
  target_selection             TEXT COLLATE "C" NOT NULL,
  targets                      TEXT NOT NULL,
  description                  TEXT,
  document                     TEXT,
  document_source              TEXT,
  job_template_arn             TEXT,
  document_parameters          TEXT NOT NULL,
  configs                      TEXT NOT NULL,
  namespace_id                 TEXT COLLATE "C",
  comment                      TEXT,
  reason_code                  TEXT,
  force_canceled               BOOLEAN NOT NULL,
  destination_package_versions TEXT NOT NULL,
  created_at                   TEXT COLLATE "C" NOT NULL,
  last_updated_at              TEXT NOT NULL,
  completed_at                 TEXT,
  targets_resolved             BOOLEAN NOT NULL,
  rolled_out_count             BIGINT NOT NULL,
  anchor_at                    TEXT,
  anchor_count                 BIGINT NOT NULL,
  rate_step                    BIGINT NOT NULL,
  winding                      BOOLEAN NOT NULL,
  cancel_in_progress           BOOLEAN NOT NULL,
  version                      BIGINT NOT NULL,
  PRIMARY KEY (account_id, region, job_id)
);

-- ListJobs filtered by status in job id order; also how many jobs of a scope are being deleted.
CREATE INDEX jobs_by_status ON jobs (account_id, region, status, job_id);

-- The jobs the engine has work for, across scopes. Partial: most jobs are finished and idle, so
-- the engine's periodic sweep reads only the few active ones.
CREATE INDEX jobs_needing_work ON jobs (account_id, region, job_id)
  WHERE status IN ('IN_PROGRESS', 'SCHEDULED') OR winding = TRUE;

-- A job's targets as given (position keeps their order), with the thing group's name and id for a
-- group target (both NULL for a thing), so that ListJobs can filter by group and a group change
-- finds the continuous jobs that target it. The targets go with their job (ON DELETE CASCADE).
CREATE TABLE job_targets (
  account_id TEXT COLLATE "C" NOT NULL,
  region     TEXT COLLATE "C" NOT NULL,
  job_id     TEXT COLLATE "C" NOT NULL,
  position   BIGINT NOT NULL,
  target_arn TEXT COLLATE "C" NOT NULL,
  group_name TEXT COLLATE "C",
  group_id   TEXT COLLATE "C",
  PRIMARY KEY (account_id, region, job_id, position),
  FOREIGN KEY (account_id, region, job_id)
    REFERENCES jobs (account_id, region, job_id) ON DELETE CASCADE
);

-- The jobs that target a group, by its name or by its id. Partial: thing targets have neither.
CREATE INDEX job_targets_by_group_name ON job_targets (account_id, region, group_name, job_id)
  WHERE group_name IS NOT NULL;
CREATE INDEX job_targets_by_group_id ON job_targets (account_id, region, group_id, job_id)
  WHERE group_id IS NOT NULL;

-- One row per job and thing. rolled_out is false while the engine holds the execution back
-- (rollout rate, schedule); such a row is seen by lookups by key and the engine's held-back queries
-- only, which is why most indexes below are partial on rolled_out = TRUE: creating the held-back
-- rows of a job over many things writes the primary key and job_executions_by_job alone, and the
-- other indexes get a row when the execution is rolled out. timeout_at is the earlier of the two
-- deadlines (NULL when neither is set), written with them. The foreign key (no cascade) makes
-- deleting a job that still has executions fail; the engine deletes them first.
CREATE TABLE job_executions (
  account_id           TEXT COLLATE "C" NOT NULL,
  region               TEXT COLLATE "C" NOT NULL,
  job_id               TEXT COLLATE "C" NOT NULL,
  thing_name           TEXT COLLATE "C" NOT NULL,
  execution_number     BIGINT NOT NULL,
  status               TEXT COLLATE "C" NOT NULL,
  status_details       TEXT NOT NULL,
  version_number       BIGINT NOT NULL,
  retry_attempt        BIGINT NOT NULL,
  force_canceled       BOOLEAN NOT NULL,
  queued_at            TEXT COLLATE "C" NOT NULL,
  started_at           TEXT,
  last_updated_at      TEXT NOT NULL,
  in_progress_deadline TEXT,
  step_deadline        TEXT,
  timeout_at           TEXT COLLATE "C",
  rolled_out           BOOLEAN NOT NULL,
  PRIMARY KEY (account_id, region, job_id, thing_name),
  FOREIGN KEY (account_id, region, job_id)
    REFERENCES jobs (account_id, region, job_id)
);

-- A job's executions in thing name order, held back (rolled_out false: the next ones to roll out,
-- their count) or rolled out (ListJobExecutionsForJob without a status filter).
CREATE INDEX job_executions_by_job
  ON job_executions (account_id, region, job_id, rolled_out, thing_name);

-- A job's rolled-out executions by status in thing name order: ListJobExecutionsForJob with a
-- status filter, the executions of one status the engine works on, and the counts per status
-- (which read this index alone).
CREATE INDEX job_executions_by_job_status
  ON job_executions (account_id, region, job_id, status, thing_name)
  WHERE rolled_out = TRUE;

-- A thing's rolled-out executions in job id order (ListJobExecutionsForThing).
CREATE INDEX job_executions_by_thing
  ON job_executions (account_id, region, thing_name, job_id)
  WHERE rolled_out = TRUE;

-- A thing's pending executions in the order devices get them: IN_PROGRESS sorts before QUEUED, then
-- by the time they were queued, then by job id. Partial: a thing has few pending executions and
-- may have many finished ones.
CREATE INDEX job_executions_pending
  ON job_executions (account_id, region, thing_name, status, queued_at, job_id)
  WHERE rolled_out = TRUE AND status IN ('IN_PROGRESS', 'QUEUED');

-- Executions in progress by the time they time out, across scopes, for the engine's timer.
-- Partial: only executions in progress have timers that matter.
CREATE INDEX job_executions_timeouts
  ON job_executions (timeout_at, account_id, region, job_id, thing_name)
  WHERE status = 'IN_PROGRESS';

-- Custom job templates. configs, destination_package_versions: JSON, as on jobs.
CREATE TABLE job_templates (
  account_id                   TEXT COLLATE "C" NOT NULL,
  region                       TEXT COLLATE "C" NOT NULL,
  template_id                  TEXT COLLATE "C" NOT NULL,
  description                  TEXT,
  document                     TEXT,
  document_source              TEXT,
  configs                      TEXT NOT NULL,
  destination_package_versions TEXT NOT NULL,
  created_at                   TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (account_id, region, template_id)
);

-- The job engine's leases, one row per lease name for the whole server: the node that holds one
-- drives rollouts and timers until expires_at unless it renews it.
CREATE TABLE engine_leases (
  name       TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  owner      TEXT COLLATE "C" NOT NULL,
  expires_at TEXT COLLATE "C" NOT NULL
);

-- The change log sequence each engine consumer applied last, by consumer name.
CREATE TABLE engine_positions (
  name     TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  position BIGINT NOT NULL
);

-- Which events a scope publishes: enabled is a JSON object of event type to true or false, so that
-- a new event type needs no migration (a type missing from it is off). A scope without a row never
-- changed its configuration.
CREATE TABLE event_configurations (
  account_id         TEXT COLLATE "C" NOT NULL,
  region             TEXT COLLATE "C" NOT NULL,
  enabled            TEXT NOT NULL,
  creation_date      TEXT,
  last_modified_date TEXT,
  PRIMARY KEY (account_id, region)
);
