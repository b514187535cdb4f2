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

ALTER TABLE tally ADD COLUMN subdistricts BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN outlets_sanitation_station BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN outlets_cleaning_team BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN outlets_elderly_centre BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN outlets_family_planning_centre BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN outlets_housekeeping_centre BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN outlets_disability_centre BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN safe_neighbourhoods BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN person_times BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN person_times_training BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN person_times_job_guidance BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN person_times_health_care BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN person_times_elderly_care BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN person_times_other BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN placements BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN good_deeds BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN subdistricts BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN outlets_sanitation_station BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN outlets_cleaning_team BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN outlets_elderly_centre BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN outlets_family_planning_centre BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN outlets_housekeeping_centre BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN outlets_disability_centre BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN safe_neighbourhoods BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN person_times BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN person_times_training BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN person_times_job_guidance BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN person_times_health_care BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN person_times_elderly_care BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN person_times_other BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN placements BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN good_deeds BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN subdistricts BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN outlets_sanitation_station BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN outlets_cleaning_team BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN outlets_elderly_centre BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN outlets_family_planning_centre BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN outlets_housekeeping_centre BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN outlets_disability_centre BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN safe_neighbourhoods BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN person_times BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN person_times_training BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN person_times_job_guidance BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN person_times_health_care BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN person_times_elderly_care BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN person_times_other BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN placements BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN good_deeds BIGINT NOT NULL DEFAULT 0;

-- Statement-level triggers over the transition tables, as in 0005.
CREATE FUNCTION tally_mark_outlet_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_outlet_ins AFTER INSERT ON outlet REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_outlet_ins();
CREATE FUNCTION tally_mark_outlet_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r UNION SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_outlet_upd AFTER UPDATE ON outlet REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_outlet_upd();
CREATE FUNCTION tally_mark_outlet_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_outlet_del AFTER DELETE ON outlet REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_outlet_del();
CREATE FUNCTION tally_mark_designation_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_designation_ins AFTER INSERT ON designation REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_designation_ins();
CREATE FUNCTION tally_mark_designation_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r UNION SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_designation_upd AFTER UPDATE ON designation REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_designation_upd();
CREATE FUNCTION tally_mark_designation_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_designation_del AFTER DELETE ON designation REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_designation_del();
CREATE FUNCTION tally_mark_service_record_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_service_record_ins AFTER INSERT ON service_record REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_service_record_ins();
CREATE FUNCTION tally_mark_service_record_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r UNION SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_service_record_upd AFTER UPDATE ON service_record REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_service_record_upd();
CREATE FUNCTION tally_mark_service_record_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_service_record_del AFTER DELETE ON service_record REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_service_record_del();
CREATE FUNCTION tally_mark_placement_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_placement_ins AFTER INSERT ON placement REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_placement_ins();
CREATE FUNCTION tally_mark_placement_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r UNION SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_placement_upd AFTER UPDATE ON placement REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_placement_upd();
CREATE FUNCTION tally_mark_placement_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_placement_del AFTER DELETE ON placement REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_placement_del();
CREATE FUNCTION tally_mark_good_deed_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_good_deed_ins AFTER INSERT ON good_deed REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_good_deed_ins();
CREATE FUNCTION tally_mark_good_deed_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r UNION SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_good_deed_upd AFTER UPDATE ON good_deed REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_good_deed_upd();
CREATE FUNCTION tally_mark_good_deed_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_good_deed_del AFTER DELETE ON good_deed REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_good_deed_del();

-- Data written before this migration: count every area on the next flush.
INSERT INTO tally_dirty (kind, id) SELECT 'area', id FROM area;
