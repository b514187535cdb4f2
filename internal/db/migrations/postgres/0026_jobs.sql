-- Background jobs (internal/jobs): imports, exports and long reports kept
-- in the database so that they survive a restart and run on any server.
-- state: queued -> running -> succeeded | failed | cancelled (a running job
-- whose worker stopped heartbeating goes back to queued while attempts <
-- max_attempts, else to failed). locked_by is the claim of the worker
-- running it (runner id and a fresh token per claim): every write of a
-- running job names it, so a worker that lost its claim writes nothing.
-- args, progress and result are JSON; error is JSON ({"key","field","args"}
-- for a message, {"text"} otherwise). Times are UTC text of fixed width
-- (2006-01-02T15:04:05.000000Z), compared as text. Finished jobs are
-- deleted after the retention period; their input goes with them.
CREATE TABLE job (
  id               TEXT PRIMARY KEY,
  kind             TEXT NOT NULL,
  owner_id         BIGINT NOT NULL,
  args             TEXT NOT NULL,
  state            TEXT NOT NULL CHECK (state IN ('queued','running','succeeded','failed','cancelled')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  max_attempts     INTEGER NOT NULL CHECK (max_attempts >= 1),
  cancel_requested INTEGER NOT NULL DEFAULT 0,
  progress         TEXT,
  result           TEXT,
  error            TEXT,
  locked_by        TEXT,
  heartbeat_at     TEXT,
  created_at       TEXT NOT NULL,
  started_at       TEXT,
  ended_at         TEXT
);
CREATE INDEX job_state ON job (state, created_at);
CREATE INDEX job_owner ON job (owner_id);

-- The input a job reads (an uploaded file), kept until the job ends (or,
-- for a job that keeps it, until the job is deleted) so that a retry after
-- a crash reads the same bytes. data is encrypted with the personal-data
-- key (column "job_file.data"): an uploaded sheet holds ID numbers.
CREATE TABLE job_file (
  job_id TEXT PRIMARY KEY REFERENCES job(id) ON DELETE CASCADE,
  data   TEXT NOT NULL
);
