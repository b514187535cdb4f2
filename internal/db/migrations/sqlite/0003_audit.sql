-- Tamper-evident audit trail (internal/audit). Entries are numbered 1, 2, 3…
-- without gaps by audit.Append; each carries the hash of the previous entry
-- and its own SHA-256 over a canonical encoding of its fields, so
-- `dangjian audit verify` finds an edited, removed or reordered entry.
-- at_ms is the instant in Unix milliseconds (UTC). before_json and after_json
-- hold JSON text exactly as hashed ('' when there is none).
CREATE TABLE audit_entry (
  seq         INTEGER PRIMARY KEY,
  at_ms       INTEGER NOT NULL,
  account_id  INTEGER NOT NULL DEFAULT 0,
  username    TEXT NOT NULL,
  role        TEXT NOT NULL DEFAULT '',
  ip          TEXT NOT NULL DEFAULT '',
  request_id  TEXT NOT NULL DEFAULT '',
  via         TEXT NOT NULL DEFAULT '',
  action      TEXT NOT NULL,
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
-- database refuses to. Each trigger stays on one line because the migration
-- runner splits statements at a semicolon that ends a line.
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END;
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END;
