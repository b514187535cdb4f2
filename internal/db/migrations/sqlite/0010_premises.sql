-- Part three, premises (internal/premises): a community's office and service
-- premises and their rooms, its office funding by year, its land for
-- economic development, the building projects that gave it premises (steps,
-- fee waivers, funding by source), the premises standard set by an area, and
-- households counted. Areas are in 0.01 m², money in fen. Facts are dated;
-- nothing is deleted. Each index names the query it serves.

-- A building project (办公用房建设) of a community.
CREATE TABLE building_project (
  id          INTEGER PRIMARY KEY,
  area_id     INTEGER NOT NULL REFERENCES area(id),
  name        TEXT NOT NULL,
  cost        INTEGER NOT NULL DEFAULT 0 CHECK (cost >= 0),
  started_on  TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT ''
);
-- A community's projects.
CREATE INDEX building_project_area ON building_project(area_id, started_on);

-- A step of a project, dated when reached: siting, funding, approval,
-- construction, completed.
CREATE TABLE project_step (
  project_id INTEGER NOT NULL REFERENCES building_project(id),
  step       TEXT NOT NULL CHECK (step IN ('siting','funding','approval','construction','completed')),
  reached_on TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (project_id, step)
);

-- A fee waived for a project (减免收费): amount, who waived it.
CREATE TABLE project_waiver (
  id         INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES building_project(id),
  amount     INTEGER NOT NULL CHECK (amount > 0),
  waived_by  TEXT NOT NULL,
  on_date    TEXT NOT NULL
);
CREATE INDEX project_waiver_project ON project_waiver(project_id);

-- Money received by a project, by source: the four shares (city, district,
-- subdistrict, self) and beyond (unit, other).
CREATE TABLE project_funding (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES building_project(id),
  source      TEXT NOT NULL CHECK (source IN ('city','district','subdistrict','self','unit','other')),
  amount      INTEGER NOT NULL CHECK (amount > 0),
  received_on TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT ''
);
-- Funding received in a period (the funding figures).
CREATE INDEX project_funding_received ON project_funding(received_on, project_id);
CREATE INDEX project_funding_project ON project_funding(project_id);

-- A community's premises (办公/服务用房), from one date to another.
CREATE TABLE premises (
  id          INTEGER PRIMARY KEY,
  area_id     INTEGER NOT NULL REFERENCES area(id),
  address     TEXT NOT NULL,
  use         TEXT NOT NULL CHECK (use IN ('office','service')),
  floor_area  INTEGER NOT NULL CHECK (floor_area > 0),
  tenure      TEXT NOT NULL CHECK (tenure IN ('owned','rented','lent','shared')),
  project_id  INTEGER REFERENCES building_project(id),
  from_on     TEXT NOT NULL,
  to_on       TEXT
);
-- A community's premises on a date (three lacks, standards, figures).
CREATE INDEX premises_area ON premises(area_id, from_on, to_on);

-- A room in premises, by kind, from one date to another.
CREATE TABLE room (
  id          INTEGER PRIMARY KEY,
  premises_id INTEGER NOT NULL REFERENCES premises(id),
  kind        TEXT NOT NULL CHECK (kind IN ('party_activity','e_learning','fitness','library','meeting','service_hall','other')),
  floor_area  INTEGER NOT NULL CHECK (floor_area > 0),
  from_on     TEXT NOT NULL,
  to_on       TEXT
);
CREATE INDEX room_premises ON room(premises_id, kind);

-- A community's office funding (办公经费) for a calendar year: from_on is
-- its 1 January and to_on the next, so "the funding of the year of D" is
-- the rows valid on D, read alike on both engines.
CREATE TABLE office_funding (
  id       INTEGER PRIMARY KEY,
  area_id  INTEGER NOT NULL REFERENCES area(id),
  year     INTEGER NOT NULL,
  amount   INTEGER NOT NULL CHECK (amount >= 0),
  source   TEXT NOT NULL DEFAULT '',
  from_on  TEXT NOT NULL,
  to_on    TEXT NOT NULL
);
CREATE INDEX office_funding_area ON office_funding(area_id, from_on);

-- A community's land for economic development (经济发展用地).
CREATE TABLE economic_land (
  id         INTEGER PRIMARY KEY,
  area_id    INTEGER NOT NULL REFERENCES area(id),
  land_area  INTEGER NOT NULL CHECK (land_area > 0),
  location   TEXT NOT NULL DEFAULT '',
  from_on    TEXT NOT NULL,
  to_on      TEXT
);
CREATE INDEX economic_land_area ON economic_land(area_id, from_on, to_on);

-- The premises standard an area sets for the communities under it, from a
-- date: the minimum floor area and the m² per 100 households.
CREATE TABLE premises_standard (
  id                 INTEGER PRIMARY KEY,
  area_id            INTEGER NOT NULL REFERENCES area(id),
  min_area           INTEGER NOT NULL CHECK (min_area >= 0),
  per_100_households INTEGER NOT NULL CHECK (per_100_households >= 0),
  from_on            TEXT NOT NULL
);
CREATE INDEX premises_standard_area ON premises_standard(area_id, from_on);

-- A community's households, counted on a date.
CREATE TABLE household_count (
  id         INTEGER PRIMARY KEY,
  area_id    INTEGER NOT NULL REFERENCES area(id),
  households INTEGER NOT NULL CHECK (households >= 0),
  counted_on TEXT NOT NULL
);
CREATE INDEX household_count_area ON household_count(area_id, counted_on);
