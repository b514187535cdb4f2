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

ALTER TABLE tally ADD COLUMN co_projects_done BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN co_saved BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN co_banners BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN co_projects_done BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN co_saved BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN co_banners BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN co_projects_done BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN co_saved BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN co_banners BIGINT NOT NULL DEFAULT 0;

CREATE TABLE tally_set (
  area_id INTEGER NOT NULL REFERENCES area(id),
  name    TEXT NOT NULL,
  year    INTEGER NOT NULL,
  ids     BYTEA NOT NULL,
  PRIMARY KEY (area_id, name, year)
);

CREATE INDEX co_project_area_done ON co_project(area_id, done_on);
DROP INDEX co_contribution_project;
CREATE INDEX co_contribution_project ON co_contribution(project_id, unit_id);

-- Statement-level triggers over the transition tables, as in 0005.
CREATE FUNCTION tally_mark_co_project_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_co_project_ins AFTER INSERT ON co_project REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_co_project_ins();
CREATE FUNCTION tally_mark_co_project_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r UNION SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_co_project_upd AFTER UPDATE ON co_project REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_co_project_upd();
CREATE FUNCTION tally_mark_co_project_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_co_project_del AFTER DELETE ON co_project REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_co_project_del();
CREATE FUNCTION tally_mark_co_feedback_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', p.area_id FROM new_rows r JOIN co_project p ON p.id = r.project_id; RETURN NULL; END $$;
CREATE TRIGGER tally_co_feedback_ins AFTER INSERT ON co_feedback REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_co_feedback_ins();
CREATE FUNCTION tally_mark_co_feedback_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', p.area_id FROM new_rows r JOIN co_project p ON p.id = r.project_id UNION SELECT DISTINCT 'area', p.area_id FROM old_rows r JOIN co_project p ON p.id = r.project_id; RETURN NULL; END $$;
CREATE TRIGGER tally_co_feedback_upd AFTER UPDATE ON co_feedback REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_co_feedback_upd();
CREATE FUNCTION tally_mark_co_feedback_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', p.area_id FROM old_rows r JOIN co_project p ON p.id = r.project_id; RETURN NULL; END $$;
CREATE TRIGGER tally_co_feedback_del AFTER DELETE ON co_feedback REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_co_feedback_del();

-- Data written before this migration: count every area on the next flush.
INSERT INTO tally_dirty (kind, id) SELECT 'area', id FROM area;
