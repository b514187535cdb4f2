-- Maintained counts behind part four (b)'s figures but the petitions'
-- (internal/tally, registered by internal/services/tally.go), per area and
-- day like the others:
--
-- subdistricts                 subdistricts in existence (the area itself)
-- outlets_<kind>               outlets of each of the speech's six kinds open
-- safe_neighbourhoods          safe and civilised neighbourhood titles in force
-- person_times, person_times_<kind>  running totals of the person-times of
--                              service records by their date, all and by kind
-- placements, good_deeds       running totals by their date
--
-- The triggers note the area of every write to the tables they come from.

ALTER TABLE tally ADD COLUMN subdistricts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN outlets_sanitation_station INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN outlets_cleaning_team INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN outlets_elderly_centre INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN outlets_family_planning_centre INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN outlets_housekeeping_centre INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN outlets_disability_centre INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN safe_neighbourhoods INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN person_times INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN person_times_training INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN person_times_job_guidance INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN person_times_health_care INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN person_times_elderly_care INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN person_times_other INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN placements INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN good_deeds INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN subdistricts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN outlets_sanitation_station INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN outlets_cleaning_team INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN outlets_elderly_centre INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN outlets_family_planning_centre INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN outlets_housekeeping_centre INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN outlets_disability_centre INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN safe_neighbourhoods INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN person_times INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN person_times_training INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN person_times_job_guidance INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN person_times_health_care INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN person_times_elderly_care INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN person_times_other INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN placements INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN good_deeds INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN subdistricts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN outlets_sanitation_station INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN outlets_cleaning_team INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN outlets_elderly_centre INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN outlets_family_planning_centre INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN outlets_housekeeping_centre INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN outlets_disability_centre INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN safe_neighbourhoods INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN person_times INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN person_times_training INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN person_times_job_guidance INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN person_times_health_care INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN person_times_elderly_care INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN person_times_other INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN placements INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN good_deeds INTEGER NOT NULL DEFAULT 0;

-- Each trigger stays on one line: the migration runner splits statements at
-- a semicolon that ends a line.
CREATE TRIGGER tally_outlet_ins AFTER INSERT ON outlet BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_outlet_upd AFTER UPDATE ON outlet BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id UNION SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_outlet_del AFTER DELETE ON outlet BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id; END;
CREATE TRIGGER tally_designation_ins AFTER INSERT ON designation BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_designation_upd AFTER UPDATE ON designation BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id UNION SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_designation_del AFTER DELETE ON designation BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id; END;
CREATE TRIGGER tally_service_record_ins AFTER INSERT ON service_record BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_service_record_upd AFTER UPDATE ON service_record BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id UNION SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_service_record_del AFTER DELETE ON service_record BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id; END;
CREATE TRIGGER tally_placement_ins AFTER INSERT ON placement BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_placement_upd AFTER UPDATE ON placement BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id UNION SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_placement_del AFTER DELETE ON placement BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id; END;
CREATE TRIGGER tally_good_deed_ins AFTER INSERT ON good_deed BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_good_deed_upd AFTER UPDATE ON good_deed BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id UNION SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_good_deed_del AFTER DELETE ON good_deed BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id; END;

-- Data written before this migration: count every area on the next flush.
INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', id FROM area;
