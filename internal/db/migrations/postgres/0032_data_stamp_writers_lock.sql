-- A write now takes the writers' lock (internal/db.LockWriters, advisory
-- lock 724311) before it bumps the data stamp. The stamp's row lock is held
-- from a transaction's first domain write to its commit, and the writers'
-- lock from its audit entry or recount to its commit: a transaction that
-- appended to the audit trail first (a person's lookup before the
-- membership it brings in) and one that wrote a domain row first would
-- each wait for the other's lock. Taking them in one order, the writers'
-- lock first, leaves nothing to deadlock on; writers were serialised by
-- the stamp's row already, so no write waits longer than it did.
CREATE OR REPLACE FUNCTION data_stamp_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_advisory_xact_lock(724311); UPDATE data_stamp SET n = n + 1; RETURN NULL; END $$;
