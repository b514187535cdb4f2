-- Part four (b), services (internal/services): what the subdistricts and
-- communities built and did for their residents. Service outlets by kind
-- (服务站点), designations of estates (安全文明小区 and other titles), the
-- services given (person-times and volunteer hours by kind, per outlet or
-- area, by day or by month), re-employment (再就业) and good deeds
-- (办好事实事). Facts are dated; nothing is deleted: an outlet closes by its
-- to_on, a designation ends by its to_on (revoked or expired), a placement
-- by its ended_on. Each index names the query it serves.

-- A service outlet at a subdistrict or a community, open from from_on
-- until to_on (exclusive; NULL while open).
CREATE TABLE outlet (
  id      INTEGER PRIMARY KEY,
  area_id INTEGER NOT NULL REFERENCES area(id),
  kind    TEXT NOT NULL CHECK (kind IN ('sanitation_station','cleaning_team','elderly_centre','family_planning_centre','housekeeping_centre','disability_centre','other')),
  name    TEXT NOT NULL,
  from_on TEXT NOT NULL,
  to_on   TEXT,
  note    TEXT NOT NULL DEFAULT '',
  CHECK (to_on IS NULL OR from_on < to_on)
);
-- Outlets of a kind placed under a scope, open on a day (outlets.<kind>,
-- the outlet list, the grid's rows of a community).
CREATE INDEX outlet_area ON outlet(area_id, kind, from_on, to_on);

-- An estate (小区) of a community awarded a title by someone from a date,
-- until revoked or expired (to_on, exclusive, with the reason).
CREATE TABLE designation (
  id         INTEGER PRIMARY KEY,
  area_id    INTEGER NOT NULL REFERENCES area(id),
  estate     TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('safe_civilised_neighbourhood','other')),
  title      TEXT NOT NULL DEFAULT '',
  awarded_by TEXT NOT NULL,
  from_on    TEXT NOT NULL,
  to_on      TEXT,
  end_reason TEXT CHECK (end_reason IN ('revoked','expired')),
  note       TEXT NOT NULL DEFAULT '',
  CHECK (to_on IS NULL OR from_on < to_on),
  CHECK ((to_on IS NULL) = (end_reason IS NULL)),
  CHECK (kind <> 'other' OR title <> '')
);
-- Designations of a kind under a scope in force on a day
-- (designations.safe_neighbourhoods, the designation list).
CREATE INDEX designation_area ON designation(area_id, kind, from_on, to_on);

-- Services given by an outlet (outlet_id) or an area without one, on a day
-- (span 'day') or in a month (span 'month', dated on the month's first
-- day): person-times (人次) and volunteer hours, by kind. area_id is the
-- outlet's area when the record was made. One record per outlet (or area),
-- kind, span and date: the grid corrects it in place.
CREATE TABLE service_record (
  id              INTEGER PRIMARY KEY,
  area_id         INTEGER NOT NULL REFERENCES area(id),
  outlet_id       INTEGER REFERENCES outlet(id),
  kind            TEXT NOT NULL CHECK (kind IN ('training','job_guidance','health_care','elderly_care','other')),
  span            TEXT NOT NULL CHECK (span IN ('day','month')),
  on_date         TEXT NOT NULL,
  person_times    INTEGER NOT NULL CHECK (person_times >= 0),
  volunteer_hours INTEGER NOT NULL DEFAULT 0 CHECK (volunteer_hours >= 0),
  note            TEXT NOT NULL DEFAULT '',
  CHECK (span = 'day' OR substr(on_date, 9, 2) = '01')
);
-- The grid's cell: one record per outlet or area, kind, span and date.
CREATE UNIQUE INDEX service_record_cell ON service_record(area_id, COALESCE(outlet_id, 0), kind, span, on_date);
-- Records dated in a period under a scope (services.person_times).
CREATE INDEX service_record_on ON service_record(on_date, area_id, kind);
-- An outlet's records (its page, the check that its dates hold them).
CREATE INDEX service_record_outlet ON service_record(outlet_id, on_date);

-- A laid-off or unemployed person placed in work on a date by an area.
-- The person's ID number is stored encrypted (pii, column
-- "placement.id_number") with its keyed hash for finding the same person
-- again (both NULL when the number is unknown, as for a person); the name
-- is kept for the list. ended_on: the job ended.
CREATE TABLE placement (
  id             INTEGER PRIMARY KEY,
  area_id        INTEGER NOT NULL REFERENCES area(id),
  name           TEXT NOT NULL,
  id_number_enc  TEXT,
  id_number_hash TEXT,
  before_status  TEXT NOT NULL CHECK (before_status IN ('laid_off','unemployed')),
  employer       TEXT NOT NULL,
  work           TEXT NOT NULL DEFAULT '',
  placed_by      TEXT NOT NULL DEFAULT '',
  placed_on      TEXT NOT NULL,
  ended_on       TEXT,
  note           TEXT NOT NULL DEFAULT '',
  CHECK (ended_on IS NULL OR placed_on < ended_on)
);
-- Placements by areas under a scope dated in a period (placements.total).
CREATE INDEX placement_on ON placement(placed_on, area_id);
-- An area's placements, newest first (the placement list).
CREATE INDEX placement_area ON placement(area_id, placed_on);
-- The same person placed again (one placement a day per person).
CREATE INDEX placement_id_number ON placement(id_number_hash, placed_on);

-- A good deed done for residents by an area on a date (办好事实事): by
-- kind, with its beneficiaries and the branch or unit that did it.
CREATE TABLE good_deed (
  id            INTEGER PRIMARY KEY,
  area_id       INTEGER NOT NULL REFERENCES area(id),
  kind          TEXT NOT NULL CHECK (kind IN ('poverty_relief','practical')),
  title         TEXT NOT NULL,
  beneficiaries INTEGER NOT NULL DEFAULT 0 CHECK (beneficiaries >= 0),
  done_by       TEXT NOT NULL DEFAULT '',
  done_on       TEXT NOT NULL,
  note          TEXT NOT NULL DEFAULT ''
);
-- Good deeds by areas under a scope dated in a period (good_deeds.total).
CREATE INDEX good_deed_on ON good_deed(done_on, area_id);
-- An area's good deeds (the list).
CREATE INDEX good_deed_area ON good_deed(area_id, done_on);
