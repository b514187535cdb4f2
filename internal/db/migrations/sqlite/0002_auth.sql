-- Accounts, server-side sessions, sign-in throttling, API tokens and settings.
-- Instants are Unix seconds (UTC) on both engines.
CREATE TABLE account (
  id                   INTEGER PRIMARY KEY,
  username             TEXT NOT NULL UNIQUE,
  display_name         TEXT NOT NULL DEFAULT '',
  role                 TEXT NOT NULL CHECK (role IN ('admin','district','subdistrict','community','unit','viewer','auditor')),
  area_id              INTEGER REFERENCES area(id),
  can_reveal           INTEGER NOT NULL DEFAULT 0,
  password_hash        TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 1,
  disabled             INTEGER NOT NULL DEFAULT 0,
  created_at           INTEGER NOT NULL,
  password_changed_at  INTEGER
);

-- Only the SHA-256 of a session token is stored; the cookie holds the token.
CREATE TABLE session (
  token_hash   TEXT PRIMARY KEY,
  account_id   INTEGER NOT NULL REFERENCES account(id),
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL,
  ip           TEXT NOT NULL DEFAULT '',
  user_agent   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX session_account ON session(account_id);

-- Failed sign-ins per username, whether or not the account exists, so the
-- lockout itself does not tell which usernames are real.
CREATE TABLE login_attempt (
  username     TEXT PRIMARY KEY,
  failures     INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER,
  last_at      INTEGER NOT NULL
);

CREATE TABLE api_token (
  id           INTEGER PRIMARY KEY,
  account_id   INTEGER NOT NULL REFERENCES account(id),
  name         TEXT NOT NULL DEFAULT '',
  token_hash   TEXT NOT NULL UNIQUE,
  created_at   INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL,
  revoked_at   INTEGER,
  last_used_at INTEGER
);
CREATE INDEX api_token_account ON api_token(account_id);

CREATE TABLE setting (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
