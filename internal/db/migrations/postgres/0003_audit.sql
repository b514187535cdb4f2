-- Tamper-evident audit trail (internal/audit). Entries are numbered 1, 2, 3…
-- without gaps by audit.Append (not an identity column, which can skip
-- values); each carries the hash of the previous entry and its own SHA-256
-- over a canonical encoding of its fields, so `dangjian audit verify` finds an
-- edited, removed or reordered entry.
-- at_ms is the instant in Unix milliseconds (UTC). before_json and after_json
-- are TEXT, not JSONB, so they come back byte for byte as hashed.
-- Text columns that are filtered by prefix use the "C" collation so that a
-- range over bytes ('auth.' <= action < 'auth/') means a prefix and uses the index.
CREATE TABLE audit_entry (
  seq         BIGINT PRIMARY KEY,
  at_ms       BIGINT NOT NULL,
  account_id  BIGINT NOT NULL DEFAULT 0,
  username    TEXT NOT NULL,
  role        TEXT NOT NULL DEFAULT '',
  ip          TEXT NOT NULL DEFAULT '',
  request_id  TEXT NOT NULL DEFAULT '',
  via         TEXT NOT NULL DEFAULT '',
  action      TEXT COLLATE "C" NOT NULL,
  target_type TEXT NOT NULL DEFAULT '',
  target_id   TEXT NOT NULL DEFAULT '',
  outcome     TEXT NOT NULL CHECK (outcome IN ('ok','denied','failed')),
  before_json TEXT NOT NULL DEFAULT '',
  after_json  TEXT NOT NULL DEFAULT '',
  detail      TEXT NOT NULL DEFAULT '',
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
);
CREATE INDEX audit_entry_username ON audit_entry(username, seq);
CREATE INDEX audit_entry_action ON audit_entry(action, seq);
CREATE INDEX audit_entry_target ON audit_entry(target_type, target_id, seq);
CREATE INDEX audit_entry_at ON audit_entry(at_ms, seq);

-- Append-only: the application never updates or deletes an entry, and the
-- database refuses to. The function body stays on one line because the
-- migration runner splits statements at a semicolon that ends a line.
CREATE FUNCTION audit_entry_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_entry is append-only (% refused)', TG_OP; END $$;
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse();
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse();
