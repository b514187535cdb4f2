-- Part two, leadership and coordination (internal/coordination): joint
-- conferences and their member units, sessions, agreed actions and their
-- timelines, whistles (吹哨报到) and campaigns. Facts are dated; nothing is
-- deleted. Each index names the query it serves.

-- A joint conference (联席会议), convened by a party organisation and placed
-- at that organisation's area.
CREATE TABLE joint_conference (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('party_building','public_order','other')),
  org_id         INTEGER NOT NULL REFERENCES party_org(id),
  area_id        INTEGER NOT NULL REFERENCES area(id),
  established_on TEXT NOT NULL,
  ended_on       TEXT,
  note           TEXT NOT NULL DEFAULT ''
);
-- Conferences placed under a scope (figures, lists).
CREATE INDEX joint_conference_area ON joint_conference(area_id, established_on);

-- A stationed unit sitting in a conference, from one date to another.
CREATE TABLE conference_member (
  id            INTEGER PRIMARY KEY,
  conference_id INTEGER NOT NULL REFERENCES joint_conference(id),
  unit_id       INTEGER NOT NULL REFERENCES unit(id),
  role          TEXT NOT NULL CHECK (role IN ('member','deputy_convener')),
  from_on       TEXT NOT NULL,
  to_on         TEXT
);
CREATE INDEX conference_member_conference ON conference_member(conference_id, from_on);
CREATE INDEX conference_member_unit ON conference_member(unit_id);

-- A meeting of a conference; tags are the four kinds (regional, social,
-- mass, public_welfare), comma-separated.
CREATE TABLE conference_session (
  id             INTEGER PRIMARY KEY,
  conference_id  INTEGER NOT NULL REFERENCES joint_conference(id),
  held_on        TEXT NOT NULL,
  topic          TEXT NOT NULL,
  tags           TEXT NOT NULL DEFAULT '',
  people_present INTEGER NOT NULL DEFAULT 0,
  minutes        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX conference_session_conference ON conference_session(conference_id, held_on);
CREATE INDEX conference_session_held ON conference_session(held_on);

-- The member units present at a session.
CREATE TABLE session_unit (
  session_id INTEGER NOT NULL REFERENCES conference_session(id),
  unit_id    INTEGER NOT NULL REFERENCES unit(id),
  PRIMARY KEY (session_id, unit_id)
);

-- A whistle (吹哨报到): an area raises an issue and summons parties.
CREATE TABLE whistle (
  id          INTEGER PRIMARY KEY,
  area_id     INTEGER NOT NULL REFERENCES area(id),
  subject     TEXT NOT NULL,
  raised_at   TEXT NOT NULL,
  raised_on   TEXT NOT NULL,
  resolved_on TEXT
);
CREATE INDEX whistle_area ON whistle(area_id, raised_on);

-- A party a whistle summons: a unit or a named department, with its
-- deadline (raised_at plus its hours, UTC RFC 3339 so that text compares
-- as time) and when it reported in; the raising area's score, 1–5.
CREATE TABLE whistle_party (
  id             INTEGER PRIMARY KEY,
  whistle_id     INTEGER NOT NULL REFERENCES whistle(id),
  unit_id        INTEGER REFERENCES unit(id),
  department     TEXT NOT NULL DEFAULT '',
  deadline_hours INTEGER NOT NULL CHECK (deadline_hours > 0),
  deadline_at    TEXT NOT NULL,
  reported_at    TEXT,
  score          INTEGER CHECK (score BETWEEN 1 AND 5)
);
CREATE INDEX whistle_party_whistle ON whistle_party(whistle_id);

-- An agreed action (议定事项): agreed at a session or raised by a whistle,
-- placed at its conference's or whistle's area; closed_on is the day it
-- was done or dropped. A sub-action names its parent.
CREATE TABLE agreed_action (
  id            INTEGER PRIMARY KEY,
  session_id    INTEGER REFERENCES conference_session(id),
  whistle_id    INTEGER REFERENCES whistle(id),
  parent_id     INTEGER REFERENCES agreed_action(id),
  area_id       INTEGER NOT NULL REFERENCES area(id),
  title         TEXT NOT NULL,
  owner_unit_id INTEGER REFERENCES unit(id),
  owner_name    TEXT NOT NULL DEFAULT '',
  agreed_on     TEXT NOT NULL,
  due_on        TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('open','in_progress','done','dropped')),
  progress      INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  closed_on     TEXT,
  result        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX agreed_action_area_due ON agreed_action(area_id, due_on);
CREATE INDEX agreed_action_session ON agreed_action(session_id);
CREATE INDEX agreed_action_parent ON agreed_action(parent_id);
CREATE INDEX agreed_action_owner ON agreed_action(owner_unit_id);

-- An action's timeline: dated progress entries.
CREATE TABLE action_update (
  id        INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES agreed_action(id),
  on_date   TEXT NOT NULL,
  progress  INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
  status    TEXT NOT NULL,
  note      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX action_update_action ON action_update(action_id, on_date);

-- A campaign (专项行动) covering an area.
CREATE TABLE campaign (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('theft','vice','sanitation','epidemic','rabies','other')),
  area_id       INTEGER NOT NULL REFERENCES area(id),
  conference_id INTEGER REFERENCES joint_conference(id),
  started_on    TEXT NOT NULL,
  ended_on      TEXT
);
CREATE INDEX campaign_area ON campaign(area_id, started_on);

CREATE TABLE campaign_unit (
  campaign_id INTEGER NOT NULL REFERENCES campaign(id),
  unit_id     INTEGER NOT NULL REFERENCES unit(id),
  PRIMARY KEY (campaign_id, unit_id)
);

-- A campaign's results as measures: 清理垃圾 120 吨.
CREATE TABLE campaign_measure (
  id          INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaign(id),
  name        TEXT NOT NULL,
  quantity    NUMERIC NOT NULL,
  unit        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX campaign_measure_campaign ON campaign_measure(campaign_id);
