-- Maintained counts behind part four (a)'s figures (internal/tally,
-- registered by internal/cobuilding/tally.go), per area and day like the
-- others (0005, 0013, 0015):
--
-- co_projects_done  running total of the community's co-building projects done, by done_on
-- co_saved          running total of the money they saved in fen (estimated − actual, never below 0)
-- co_banners        running total of banners received for its projects, by given_on
--
-- projects.units counts distinct units, which do not add up over areas:
-- tally_set keeps, per area and year, the distinct ids a set of
-- internal/tally names (co_units_done: the units taking part in the area's
-- projects done that year), encoded as varint differences; a figure unites
-- the sets of its scope's areas for the whole years of its period and reads
-- rows only for the rest. Two indexes serve those rows: a community's
-- projects by done day, and a project's units without its contributions.

ALTER TABLE tally ADD COLUMN co_projects_done INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN co_saved INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN co_banners INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN co_projects_done INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN co_saved INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN co_banners INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN co_projects_done INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN co_saved INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN co_banners INTEGER NOT NULL DEFAULT 0;

CREATE TABLE tally_set (
  area_id INTEGER NOT NULL REFERENCES area(id),
  name    TEXT NOT NULL,
  year    INTEGER NOT NULL,
  ids     BLOB NOT NULL,
  PRIMARY KEY (area_id, name, year)
) WITHOUT ROWID;

CREATE INDEX co_project_area_done ON co_project(area_id, done_on);
DROP INDEX co_contribution_project;
CREATE INDEX co_contribution_project ON co_contribution(project_id, unit_id);

-- Each trigger stays on one line: the migration runner splits statements at
-- a semicolon that ends a line.
CREATE TRIGGER tally_co_project_ins AFTER INSERT ON co_project BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_co_project_upd AFTER UPDATE ON co_project BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id UNION SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_co_project_del AFTER DELETE ON co_project BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id; END;
CREATE TRIGGER tally_co_feedback_ins AFTER INSERT ON co_feedback BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', p.area_id FROM co_project p WHERE p.id = NEW.project_id; END;
CREATE TRIGGER tally_co_feedback_upd AFTER UPDATE ON co_feedback BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', p.area_id FROM co_project p WHERE p.id = OLD.project_id UNION SELECT 'area', p.area_id FROM co_project p WHERE p.id = NEW.project_id; END;
CREATE TRIGGER tally_co_feedback_del AFTER DELETE ON co_feedback BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', p.area_id FROM co_project p WHERE p.id = OLD.project_id; END;

-- Data written before this migration: count every area on the next flush.
INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', id FROM area;
