-- Part four (b), petitions (internal/services, petition*.go): residents'
-- requests handled as work orders the way 接诉即办 does. A case
-- (petition_case) is one matter received by an area (a community or a
-- subdistrict); the residents' requests about it (petition_request) hang on
-- it, each with the caller's phone encrypted (internal/pii). Times are UTC
-- RFC 3339 text, so that they compare as time on both engines; received_on
-- is the day of received_at in China Standard Time, the day the figures
-- count by. respond_by is received_at + 24 hours (the response clock),
-- due_at received_at + the time limit of the case's type. Nothing is
-- deleted; every step is a dated update the audit trail records.
CREATE TABLE petition_case (
  id             INTEGER PRIMARY KEY,
  area_id        INTEGER NOT NULL REFERENCES area(id),
  title          TEXT NOT NULL,
  channel        TEXT NOT NULL CHECK (channel IN ('hotline','visit','letter','online','other')),
  kind           TEXT NOT NULL CHECK (kind IN ('consult','help','complaint','report','suggestion')),
  collective     INTEGER NOT NULL DEFAULT 0 CHECK (collective IN (0, 1)),
  headcount      INTEGER NOT NULL DEFAULT 1 CHECK (headcount >= 1 AND (collective = 0 OR headcount >= 2)),
  received_at    TEXT NOT NULL,
  received_on    TEXT NOT NULL,
  respond_by     TEXT NOT NULL,
  due_at         TEXT NOT NULL,
  department     TEXT NOT NULL DEFAULT '',
  unit_id        INTEGER REFERENCES unit(id),
  dispatched_at  TEXT,
  accepted_at    TEXT,
  replied_at     TEXT,
  reply          TEXT NOT NULL DEFAULT '',
  resolved_on    TEXT,
  verified_on    TEXT,
  called_back_on TEXT,
  satisfaction   TEXT CHECK (satisfaction IN ('satisfied','basically','unsatisfied')),
  note           TEXT NOT NULL DEFAULT '',
  CHECK (resolved_on IS NULL OR resolved_on >= received_on),
  CHECK (satisfaction IS NULL OR resolved_on IS NOT NULL)
);
-- The figures and rates: an area's cases by the day received, and by the
-- day resolved (collective cases resolved in a period).
CREATE INDEX petition_case_area ON petition_case(area_id, received_on);
CREATE INDEX petition_case_resolved ON petition_case(area_id, resolved_on);
-- The work list: open cases by their time limit.
CREATE INDEX petition_case_open ON petition_case(resolved_on, due_at);

-- One resident's request about a case: when and how it came, who called
-- (the phone encrypted, never in the audit trail in plain text) and what
-- they said.
CREATE TABLE petition_request (
  id               INTEGER PRIMARY KEY,
  case_id          INTEGER NOT NULL REFERENCES petition_case(id),
  received_at      TEXT NOT NULL,
  channel          TEXT NOT NULL CHECK (channel IN ('hotline','visit','letter','online','other')),
  caller_name      TEXT NOT NULL DEFAULT '',
  caller_phone_enc TEXT,
  content          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX petition_request_case ON petition_request(case_id, received_at);
