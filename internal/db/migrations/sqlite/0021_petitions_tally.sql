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

ALTER TABLE tally ADD COLUMN petitions_received INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN petitions_responded INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN petitions_called_back INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN petitions_satisfied INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN petitions_collective_resolved INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN petitions_received INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN petitions_responded INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN petitions_called_back INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN petitions_satisfied INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN petitions_collective_resolved INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN petitions_received INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN petitions_responded INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN petitions_called_back INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN petitions_satisfied INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN petitions_collective_resolved INTEGER NOT NULL DEFAULT 0;
DROP INDEX petition_case_area;
CREATE INDEX petition_case_area ON petition_case(area_id, received_on, resolved_on);

-- Each trigger stays on one line: the migration runner splits statements at
-- a semicolon that ends a line.
CREATE TRIGGER tally_petition_case_ins AFTER INSERT ON petition_case BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_petition_case_upd AFTER UPDATE ON petition_case BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id UNION SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_petition_case_del AFTER DELETE ON petition_case BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id; END;

-- Data written before this migration: count every area on the next flush.
INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', id FROM area;
