-- People of the network (internal/people): persons and their memberships,
-- stationed units and where they are located, leadership terms and posts,
-- dual registration. Facts are dated; nothing is deleted: a thing ends by
-- its to_on / ended_on. Each index names the query it serves.

-- A person. The ID and phone numbers are stored encrypted (pii, columns
-- "person.id_number" and "person.phone"); id_number_hash is the keyed lookup
-- hash, NULL when the number is unknown.
CREATE TABLE person (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL,
  gender         TEXT NOT NULL CHECK (gender IN ('male','female')),
  ethnicity      TEXT NOT NULL DEFAULT '',
  birth_date     TEXT,
  id_number_enc  TEXT,
  id_number_hash TEXT,
  phone_enc      TEXT,
  education      TEXT NOT NULL DEFAULT '',
  address        TEXT NOT NULL DEFAULT ''
);
-- Find a person again by ID number (import, duplicate check); NULLs are
-- distinct, so people without a number do not collide.
CREATE UNIQUE INDEX person_id_number ON person(id_number_hash);
-- Member list filtered by a name prefix (name >= ? AND name < ?), then id.
CREATE INDEX person_name ON person(name, id);

-- Stationed units (驻区单位).
CREATE TABLE unit (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('party_government_organ','public_institution','state_enterprise','private_enterprise','social_organisation')),
  rank       TEXT NOT NULL CHECK (rank IN ('division','section','none')),
  started_on TEXT NOT NULL,
  ended_on   TEXT,
  note       TEXT NOT NULL DEFAULT ''
);
-- Unit list by name (and "is this name taken").
CREATE INDEX unit_name ON unit(name);

-- The community a unit is located in, from one date to another; a move closes
-- one row and opens the next. Ending a unit leaves its last row open, so its
-- last place stays known (as area_closure does for ended areas).
CREATE TABLE unit_location (
  unit_id INTEGER NOT NULL REFERENCES unit(id),
  area_id INTEGER NOT NULL REFERENCES area(id),
  from_on TEXT NOT NULL,
  to_on   TEXT,
  PRIMARY KEY (unit_id, from_on)
);
-- Covering: "units located in this community on a date" (units.total,
-- units.with_concurrent_member, unit lists per community, scope checks).
CREATE INDEX unit_location_area ON unit_location(area_id, from_on, to_on, unit_id);

-- A unit's own party organisation has unit_id set and area_id NULL: its
-- place in the tree is its unit's location on the date.
ALTER TABLE party_org ADD COLUMN unit_id INTEGER REFERENCES unit(id);
-- "the party organisation(s) of this unit".
CREATE INDEX party_org_unit ON party_org(unit_id);

-- A unit liaison account is scoped to its unit (used by auth later).
ALTER TABLE account ADD COLUMN unit_id INTEGER REFERENCES unit(id);

-- Membership of a person in a party organisation, from one date to another.
-- A transfer ends one row and starts the next (previous_id links them when
-- both organisations are in the system).
CREATE TABLE membership (
  id              INTEGER PRIMARY KEY,
  person_id       INTEGER NOT NULL REFERENCES person(id),
  org_id          INTEGER NOT NULL REFERENCES party_org(id),
  status          TEXT NOT NULL CHECK (status IN ('full','probationary')),
  category        TEXT NOT NULL CHECK (category IN ('resident','retired','in_service','floating')),
  joined_party_on TEXT NOT NULL,
  full_on         TEXT,
  from_on         TEXT NOT NULL,
  to_on           TEXT,
  start_reason    TEXT NOT NULL CHECK (start_reason IN ('enrolment','transfer_in','joined','other')),
  end_reason      TEXT CHECK (end_reason IN ('transfer_out','died','left','other')),
  from_org_name   TEXT NOT NULL DEFAULT '',
  to_org_name     TEXT NOT NULL DEFAULT '',
  previous_id     INTEGER REFERENCES membership(id),
  note            TEXT NOT NULL DEFAULT '',
  CHECK (to_on IS NULL OR from_on < to_on),
  CHECK ((to_on IS NULL) = (end_reason IS NULL))
);
-- A person's history, the overlap check, and the member list walked in
-- person order (keyset by person id) when no branch is given.
CREATE INDEX membership_person ON membership(person_id, from_on, to_on);
-- At most one open membership per person, whatever the writers race.
CREATE UNIQUE INDEX membership_open ON membership(person_id) WHERE to_on IS NULL;
-- Member list of one branch (keyset by person id inside the branch),
-- members.total and the org's member count: seek org_id, read in person order.
CREATE INDEX membership_org ON membership(org_id, person_id, from_on, to_on);
-- members.enrolled: memberships started in a period, by reason.
CREATE INDEX membership_start ON membership(from_on, start_reason, org_id);

-- A leadership term (届) of a party organisation, with its election.
CREATE TABLE term (
  id              INTEGER PRIMARY KEY,
  org_id          INTEGER NOT NULL REFERENCES party_org(id),
  number          INTEGER NOT NULL CHECK (number > 0),
  elected_on      TEXT NOT NULL,
  expected_voters INTEGER NOT NULL CHECK (expected_voters > 0),
  present_voters  INTEGER NOT NULL CHECK (present_voters >= 0 AND present_voters <= expected_voters),
  votes_cast      INTEGER NOT NULL CHECK (votes_cast >= 0 AND votes_cast <= present_voters),
  started_on      TEXT NOT NULL,
  ended_on        TEXT,
  note            TEXT NOT NULL DEFAULT '',
  UNIQUE (org_id, number)
);

-- A post held by a person. Party posts have org_id; a residents' committee
-- director has area_id (the community) instead. A concurrent member names
-- the unit they come from.
CREATE TABLE post (
  id        INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person(id),
  role      TEXT NOT NULL CHECK (role IN ('secretary','deputy_secretary','member','concurrent_member','director')),
  org_id    INTEGER REFERENCES party_org(id),
  area_id   INTEGER REFERENCES area(id),
  term_id   INTEGER REFERENCES term(id),
  unit_id   INTEGER REFERENCES unit(id),
  from_on   TEXT NOT NULL,
  to_on     TEXT,
  end_note  TEXT NOT NULL DEFAULT '',
  CHECK (to_on IS NULL OR from_on < to_on),
  CHECK ((role = 'director' AND area_id IS NOT NULL AND org_id IS NULL) OR (role <> 'director' AND org_id IS NOT NULL AND area_id IS NULL)),
  CHECK ((role = 'concurrent_member') = (unit_id IS NOT NULL))
);
-- Covering: posts of a role active in an organisation on a date (the
-- leadership page, posts.cross_appointed, posts.concurrent_from_units, the
-- one-secretary check).
CREATE INDEX post_org ON post(org_id, role, from_on, to_on, person_id);
-- Covering: the director of a community on a date (posts.cross_appointed).
CREATE INDEX post_area ON post(area_id, role, from_on, to_on, person_id);
-- A person's posts (person page, scope of a post holder).
CREATE INDEX post_person ON post(person_id, from_on);
-- units.with_concurrent_member: concurrent posts by unit.
CREATE INDEX post_unit ON post(unit_id, role, from_on, to_on);
-- Posts a term elected.
CREATE INDEX post_term ON post(term_id);

-- Dual registration (双报到): an in-service member with their community of
-- residence (kind 'member', person_id), or a unit's party organisation with
-- its community (kind 'unit', org_id).
CREATE TABLE registration (
  id        INTEGER PRIMARY KEY,
  kind      TEXT NOT NULL CHECK (kind IN ('member','unit')),
  person_id INTEGER REFERENCES person(id),
  org_id    INTEGER REFERENCES party_org(id),
  area_id   INTEGER NOT NULL REFERENCES area(id),
  from_on   TEXT NOT NULL,
  to_on     TEXT,
  note      TEXT NOT NULL DEFAULT '',
  CHECK (to_on IS NULL OR from_on < to_on),
  CHECK ((kind = 'member' AND person_id IS NOT NULL AND org_id IS NULL) OR (kind = 'unit' AND org_id IS NOT NULL AND person_id IS NULL))
);
-- Covering: registrations with a community on a date, by kind (the lists per
-- community, registrations.in_service_members and registrations.units).
CREATE INDEX registration_area ON registration(area_id, kind, from_on, to_on);
-- A member's registrations (overlap check, scope of a registered person).
CREATE INDEX registration_person ON registration(person_id, from_on);
-- A unit organisation's registrations (overlap check).
CREATE INDEX registration_org ON registration(org_id, from_on);
