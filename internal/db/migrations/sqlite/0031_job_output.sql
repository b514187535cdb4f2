-- The file a job produced (an export, a long report), kept with the job
-- until it is deleted after the retention period, downloadable by the
-- job's owner only. It is written in the transaction that completes the
-- job (jobs.Job.CompleteWithOutput), so a job retried after a crash never
-- leaves two outputs. data is encrypted with the personal-data key
-- (column "job_output.data"): an export of people holds ID numbers.
CREATE TABLE job_output (
  job_id       TEXT PRIMARY KEY REFERENCES job(id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size         INTEGER NOT NULL,
  data         TEXT NOT NULL
);
