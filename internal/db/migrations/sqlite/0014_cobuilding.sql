-- Part four (a), co-building (internal/cobuilding): the three lists of
-- 共驻共建. A community's demands (需求清单), the resources stationed units
-- and named departments offer (资源清单), and the projects (项目清单) that
-- meet demands with resources: who took part and what each gave, the
-- results as measures and the thanks received. Money is in fen; money
-- saved is derived (estimated − actual cost of a done project, never below
-- 0), never stored. Facts are dated; nothing is deleted. Each index names
-- the query it serves.

-- A community's need raised by residents on a date. tags are the four
-- kinds (regional, social, mass, public_welfare), comma-separated;
-- closed_on is the day it was done (its project done) or closed.
CREATE TABLE demand (
  id         INTEGER PRIMARY KEY,
  area_id    INTEGER NOT NULL REFERENCES area(id),
  title      TEXT NOT NULL,
  category   TEXT NOT NULL CHECK (category IN ('road','sanitation','drainage','greening','security','elderly_care','employment','culture','other')),
  tags       TEXT NOT NULL DEFAULT '',
  households INTEGER NOT NULL DEFAULT 0 CHECK (households >= 0),
  raised_by  TEXT NOT NULL DEFAULT '',
  raised_on  TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('open','matched','done','closed')),
  closed_on  TEXT,
  note       TEXT NOT NULL DEFAULT '',
  CHECK ((closed_on IS NULL) = (status IN ('open','matched')))
);
-- A community's demands by status, oldest first (the demand list, open
-- demands by age).
CREATE INDEX demand_area ON demand(area_id, status, raised_on);

-- What a stationed unit or a named department offers, from one date to
-- another. area_id is where it is offered: the unit's community on from_on,
-- or the area the department serves.
CREATE TABLE resource (
  id          INTEGER PRIMARY KEY,
  unit_id     INTEGER REFERENCES unit(id),
  department  TEXT NOT NULL DEFAULT '',
  area_id     INTEGER NOT NULL REFERENCES area(id),
  kind        TEXT NOT NULL CHECK (kind IN ('land','money','venue','free_service','skill','volunteers','equipment')),
  description TEXT NOT NULL,
  from_on     TEXT NOT NULL,
  to_on       TEXT,
  CHECK (unit_id IS NOT NULL OR department <> ''),
  CHECK (to_on IS NULL OR from_on < to_on)
);
-- Resources offered under a scope by kind (the resource list, matching).
CREATE INDEX resource_area ON resource(area_id, kind, from_on, to_on);
-- A unit's resources (its record of co-building, the liaison's list).
CREATE INDEX resource_unit ON resource(unit_id);

-- A community's co-building project, coordinated by a party organisation.
-- actual_cost is known once the project is done.
CREATE TABLE co_project (
  id             INTEGER PRIMARY KEY,
  area_id        INTEGER NOT NULL REFERENCES area(id),
  org_id         INTEGER NOT NULL REFERENCES party_org(id),
  title          TEXT NOT NULL,
  started_on     TEXT NOT NULL,
  done_on        TEXT,
  estimated_cost INTEGER NOT NULL DEFAULT 0 CHECK (estimated_cost >= 0),
  actual_cost    INTEGER CHECK (actual_cost >= 0),
  note           TEXT NOT NULL DEFAULT '',
  CHECK (done_on IS NULL OR done_on >= started_on),
  CHECK (actual_cost IS NULL OR done_on IS NOT NULL)
);
-- Projects of a community (lists); projects done in a period (figures).
CREATE INDEX co_project_area ON co_project(area_id, started_on);
CREATE INDEX co_project_done ON co_project(done_on, area_id);

-- The demands a project meets.
CREATE TABLE co_project_demand (
  project_id INTEGER NOT NULL REFERENCES co_project(id),
  demand_id  INTEGER NOT NULL REFERENCES demand(id),
  PRIMARY KEY (project_id, demand_id)
);
CREATE INDEX co_project_demand_demand ON co_project_demand(demand_id);

-- The resources chosen for a project when it was matched (promised).
CREATE TABLE co_project_resource (
  project_id  INTEGER NOT NULL REFERENCES co_project(id),
  resource_id INTEGER NOT NULL REFERENCES resource(id),
  PRIMARY KEY (project_id, resource_id)
);
CREATE INDEX co_project_resource_resource ON co_project_resource(resource_id);

-- What a participant (a unit, or a named department) gave a project: land,
-- money, free service, labour or other, and its value in fen.
CREATE TABLE co_contribution (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES co_project(id),
  unit_id     INTEGER REFERENCES unit(id),
  department  TEXT NOT NULL DEFAULT '',
  kind        TEXT NOT NULL CHECK (kind IN ('land','money','free_service','labour','other')),
  value       INTEGER NOT NULL CHECK (value >= 0),
  description TEXT NOT NULL DEFAULT '',
  given_on    TEXT NOT NULL,
  CHECK (unit_id IS NOT NULL OR department <> '')
);
CREATE INDEX co_contribution_project ON co_contribution(project_id);
-- Everything a unit gave (its record of co-building).
CREATE INDEX co_contribution_unit ON co_contribution(unit_id, given_on);

-- A project's results as measures: 楼梯 300 个, 道路 800 米.
CREATE TABLE co_result (
  id         INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES co_project(id),
  name       TEXT NOT NULL,
  quantity   NUMERIC NOT NULL CHECK (quantity >= 0),
  unit       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX co_result_project ON co_result(project_id);

-- Thanks received for a project: a banner (锦旗), a letter (感谢信) or a
-- rating 1–5, dated, naming who gave it.
CREATE TABLE co_feedback (
  id         INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES co_project(id),
  kind       TEXT NOT NULL CHECK (kind IN ('banner','letter','rating')),
  rating     INTEGER CHECK (rating BETWEEN 1 AND 5),
  given_by   TEXT NOT NULL,
  given_on   TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  CHECK ((kind = 'rating') = (rating IS NOT NULL))
);
CREATE INDEX co_feedback_project ON co_feedback(project_id);
-- Feedback dated in a period, by kind (feedback.banners).
CREATE INDEX co_feedback_given ON co_feedback(kind, given_on, project_id);
