-- Administrative tree with history, party organisations and their events.
CREATE TABLE area (
  id             INTEGER PRIMARY KEY,
  level          TEXT NOT NULL CHECK (level IN ('province','city','district','subdistrict','community')),
  name           TEXT NOT NULL,
  parent_id      INTEGER REFERENCES area(id),
  code           TEXT,
  established_on TEXT NOT NULL,
  ended_on       TEXT,
  successor_id   INTEGER REFERENCES area(id),
  created_at     TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX area_parent ON area(parent_id);
-- Covering: "communities active on a date" reads only the index.
CREATE INDEX area_level ON area(level, established_on, ended_on);

CREATE TABLE area_name (
  area_id INTEGER NOT NULL REFERENCES area(id),
  name    TEXT NOT NULL,
  from_on TEXT NOT NULL,
  to_on   TEXT,
  PRIMARY KEY (area_id, from_on)
);
-- Covering: "the name an area had on a date" without touching the table.
CREATE INDEX area_name_at ON area_name(area_id, from_on, to_on, name);

-- area_closure holds every (ancestor, descendant) pair with the dates it held,
-- so "under this area on that date" is one indexed join.
CREATE TABLE area_closure (
  ancestor_id   INTEGER NOT NULL REFERENCES area(id),
  descendant_id INTEGER NOT NULL REFERENCES area(id),
  depth         INTEGER NOT NULL,
  from_on       TEXT NOT NULL,
  to_on         TEXT
);
-- Covering: "was this area under that one on a date" reads only the index.
CREATE INDEX area_closure_anc ON area_closure(ancestor_id, descendant_id, from_on, to_on);
CREATE INDEX area_closure_desc ON area_closure(descendant_id, depth);

CREATE TABLE area_event (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('create','merge','split','adjust','rename','dissolve')),
  on_date        TEXT NOT NULL,
  area_id        INTEGER NOT NULL REFERENCES area(id),
  target_id      INTEGER REFERENCES area(id),
  from_parent_id INTEGER REFERENCES area(id),
  to_parent_id   INTEGER REFERENCES area(id),
  old_name       TEXT,
  new_name       TEXT,
  note           TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX area_event_date ON area_event(on_date, kind);
CREATE INDEX area_event_area ON area_event(area_id);
-- Events of some kinds in a period (merges, splits, adjustments) start here
-- rather than from every closure row of the scope.
CREATE INDEX area_event_kind ON area_event(kind, on_date, area_id);

-- Areas a split established (the event's subject is the area that ended).
CREATE TABLE area_event_result (
  event_id INTEGER NOT NULL REFERENCES area_event(id),
  area_id  INTEGER NOT NULL REFERENCES area(id),
  PRIMARY KEY (event_id, area_id)
);

CREATE TABLE party_org (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('committee','working_committee','general_branch','branch')),
  area_id        INTEGER REFERENCES area(id),
  started_on     TEXT NOT NULL,
  ended_on       TEXT,
  predecessor_id INTEGER REFERENCES party_org(id),
  created_at     TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- Covering: "organisations of kind K active on an area on a date".
CREATE INDEX party_org_area ON party_org(area_id, started_on, ended_on, kind);
CREATE INDEX party_org_predecessor ON party_org(predecessor_id);

CREATE TABLE party_org_event (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('create','reform','dissolve')),
  on_date      TEXT NOT NULL,
  org_id       INTEGER NOT NULL REFERENCES party_org(id),
  successor_id INTEGER REFERENCES party_org(id),
  note         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX party_org_event_date ON party_org_event(on_date, kind);
CREATE INDEX party_org_event_org ON party_org_event(org_id);
