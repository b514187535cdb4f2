-- Maintained counts behind three of the petitions' figures
-- (internal/tally, registered by internal/services/petition_tally.go), per
-- area and day like the others:
--
-- petitions_received             running total of cases received, by received_on
-- petitions_responded            of those, accepted within 24 hours
-- petitions_called_back          of those, with the resident's satisfaction recorded
-- petitions_satisfied            of those, satisfied or basically satisfied
-- petitions_collective_resolved  running total of collective cases resolved, by resolved_on
--
-- petitions.resolution_rate (resolved by the period's end, of those received
-- in it) depends on both days and stays a count of rows: an area's cases
-- by day received carry their day resolved, so that it reads the index
-- alone.

ALTER TABLE tally ADD COLUMN petitions_received BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN petitions_responded BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN petitions_called_back BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN petitions_satisfied BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN petitions_collective_resolved BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN petitions_received BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN petitions_responded BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN petitions_called_back BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN petitions_satisfied BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN petitions_collective_resolved BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN petitions_received BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN petitions_responded BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN petitions_called_back BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN petitions_satisfied BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN petitions_collective_resolved BIGINT NOT NULL DEFAULT 0;
DROP INDEX petition_case_area;
CREATE INDEX petition_case_area ON petition_case(area_id, received_on, resolved_on);

-- Statement-level triggers over the transition tables, as in 0005.
CREATE FUNCTION tally_mark_petition_case_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_petition_case_ins AFTER INSERT ON petition_case REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_petition_case_ins();
CREATE FUNCTION tally_mark_petition_case_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r UNION SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_petition_case_upd AFTER UPDATE ON petition_case REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_petition_case_upd();
CREATE FUNCTION tally_mark_petition_case_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_petition_case_del AFTER DELETE ON petition_case REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_petition_case_del();

-- Data written before this migration: count every area on the next flush.
INSERT INTO tally_dirty (kind, id) SELECT 'area', id FROM area;
