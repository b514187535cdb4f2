-- Maintained counts behind the people figures (internal/tally). Counting
-- millions of memberships per request cannot answer in milliseconds, so each
-- area keeps a step function per count: a row holds the counts in force from
-- on_date until the area's next row (before its first row all are zero).
-- A figure then reads one row per area of the scope. The row-level queries
-- in internal/figures stay the drill-down and the tests' oracle.
--
-- members               memberships in force in the area's organisations (a
--                       unit's own organisation counts where its unit is located)
-- enrolled              running total of memberships started by enrolment or
--                       transfer in, in organisations of a community
-- units                 units in existence and located in the area
-- units_with_concurrent units located here with a concurrent committee member
-- concurrent_posts      concurrent member posts in the area's organisations
-- cross_appointed       1 while the residents' committee director is also the
--                       secretary of one of the area's organisations
-- reg_members           in-service members registered with the area
-- reg_units             units' organisations registered with the area
CREATE TABLE tally (
  area_id               INTEGER NOT NULL REFERENCES area(id),
  on_date               TEXT NOT NULL,
  members               INTEGER NOT NULL,
  enrolled              INTEGER NOT NULL,
  units                 INTEGER NOT NULL,
  units_with_concurrent INTEGER NOT NULL,
  concurrent_posts      INTEGER NOT NULL,
  cross_appointed       INTEGER NOT NULL,
  reg_members           INTEGER NOT NULL,
  reg_units             INTEGER NOT NULL,
  PRIMARY KEY (area_id, on_date)
) WITHOUT ROWID;

-- The last row of each year in which the area's counts changed: the counts
-- in force on that year's 31 December, and on_date, the day they have been
-- in force since. It is a hundredth of tally's size, and a lookup in it a
-- fraction of the time: a figure for a date D reads the area's row for the
-- latest year up to D's, which holds on D unless its on_date is after D
-- (then, and only then, it looks in tally).
CREATE TABLE tally_year (
  area_id               INTEGER NOT NULL REFERENCES area(id),
  year                  INTEGER NOT NULL,
  on_date               TEXT NOT NULL,
  members               INTEGER NOT NULL,
  enrolled              INTEGER NOT NULL,
  units                 INTEGER NOT NULL,
  units_with_concurrent INTEGER NOT NULL,
  concurrent_posts      INTEGER NOT NULL,
  cross_appointed       INTEGER NOT NULL,
  reg_members           INTEGER NOT NULL,
  reg_units             INTEGER NOT NULL,
  PRIMARY KEY (area_id, year)
) WITHOUT ROWID;

-- What changed since the counts were last brought up to date: an area, a
-- party organisation or a unit (kind), filled by the triggers below on every
-- write to the tables the counts come from, emptied by tally.Flush in the
-- same transaction. While it holds a row the figures count rows instead, so
-- a write that forgot to flush costs speed, never a wrong figure.
CREATE TABLE tally_dirty (
  kind TEXT NOT NULL CHECK (kind IN ('area','org','unit')),
  id   INTEGER NOT NULL,
  PRIMARY KEY (kind, id)
) WITHOUT ROWID;

-- Each trigger stays on one line: the migration runner splits statements at
-- a semicolon that ends a line.
CREATE TRIGGER tally_membership_ins AFTER INSERT ON membership BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) VALUES ('org', NEW.org_id); END;
CREATE TRIGGER tally_membership_upd AFTER UPDATE ON membership BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) VALUES ('org', OLD.org_id), ('org', NEW.org_id); END;
CREATE TRIGGER tally_post_ins AFTER INSERT ON post BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT k, i FROM (SELECT 'org' AS k, NEW.org_id AS i UNION ALL SELECT 'area', NEW.area_id UNION ALL SELECT 'unit', NEW.unit_id) WHERE i IS NOT NULL; END;
CREATE TRIGGER tally_post_upd AFTER UPDATE ON post BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT k, i FROM (SELECT 'org' AS k, OLD.org_id AS i UNION ALL SELECT 'area', OLD.area_id UNION ALL SELECT 'unit', OLD.unit_id UNION ALL SELECT 'org', NEW.org_id UNION ALL SELECT 'area', NEW.area_id UNION ALL SELECT 'unit', NEW.unit_id) WHERE i IS NOT NULL; END;
CREATE TRIGGER tally_registration_ins AFTER INSERT ON registration BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) VALUES ('area', NEW.area_id); END;
CREATE TRIGGER tally_registration_upd AFTER UPDATE ON registration BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) VALUES ('area', OLD.area_id), ('area', NEW.area_id); END;
CREATE TRIGGER tally_unit_location_ins AFTER INSERT ON unit_location BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) VALUES ('area', NEW.area_id); END;
CREATE TRIGGER tally_unit_location_upd AFTER UPDATE ON unit_location BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) VALUES ('area', OLD.area_id), ('area', NEW.area_id); END;
CREATE TRIGGER tally_unit_upd AFTER UPDATE ON unit BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) VALUES ('unit', NEW.id); END;
-- The application deletes nothing; an operator's script might.
CREATE TRIGGER tally_membership_del AFTER DELETE ON membership BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) VALUES ('org', OLD.org_id); END;
CREATE TRIGGER tally_post_del AFTER DELETE ON post BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT k, i FROM (SELECT 'org' AS k, OLD.org_id AS i UNION ALL SELECT 'area', OLD.area_id UNION ALL SELECT 'unit', OLD.unit_id) WHERE i IS NOT NULL; END;
CREATE TRIGGER tally_registration_del AFTER DELETE ON registration BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) VALUES ('area', OLD.area_id); END;
CREATE TRIGGER tally_unit_location_del AFTER DELETE ON unit_location BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) VALUES ('area', OLD.area_id); END;

-- Data written before this migration: count every area on the next flush.
INSERT INTO tally_dirty (kind, id) SELECT 'area', id FROM area;
