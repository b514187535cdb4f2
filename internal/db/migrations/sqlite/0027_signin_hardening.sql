-- Sign-in hardening (issue 15 item 6) and rate limits shared by every
-- application server on one database (item 1).
--
-- login_failure counts failed sign-ins per username AND client address
-- (IPv4, or an IPv6 /64): five failures lock that pair only, so failures
-- from a stranger's address do not lock the account for its own addresses.
-- login_attempt (0002) now counts failures per username across all
-- addresses; past a threshold it slows sign-ins from addresses the account
-- has not used with a growing delay (locked_until) instead of a hard lock.
-- login_address remembers where an account signed in successfully: those
-- addresses skip the account-wide delay for 30 days.
CREATE TABLE login_failure (
  username     TEXT NOT NULL,
  address      TEXT NOT NULL,
  failures     INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER,
  last_at      INTEGER NOT NULL,
  PRIMARY KEY (username, address)
);
CREATE INDEX login_failure_last ON login_failure(last_at);

CREATE TABLE login_address (
  username   TEXT NOT NULL,
  address    TEXT NOT NULL,
  last_ok_at INTEGER NOT NULL,
  PRIMARY KEY (username, address)
);
CREATE INDEX login_address_last ON login_address(last_ok_at);

-- A sliding window per key (internal/ratelimit): hits in the current fixed
-- window of window_secs seconds starting at window_start, and in the one
-- before (prev_hits), weighted by how much of it still overlaps.
CREATE TABLE rate_limit (
  key          TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL,
  hits         INTEGER NOT NULL,
  prev_hits    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX rate_limit_window ON rate_limit(window_start);
