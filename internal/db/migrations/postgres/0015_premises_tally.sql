-- Maintained counts behind part three's figures (internal/tally, registered by
-- internal/premises/tally.go), per community and day like the people's (0005):
--
-- communities          1 while the area is a community in existence
-- three_lacks          1 while it is in existence and lacks office premises,
--                      office funding and economic land
-- office_solved        running total of office premises opened when it had none
-- three_lacks_solved   of those, opened when it was three-lacks
-- funding_*            running total of its building projects' funding, by
--                      source, in fen (funding_total: all sources)
-- rooms_*              rooms of each kind in force in its premises in force
-- below_standard       1 while its office floor area is below the standard in
--                      force for it
--
-- The triggers note the community of every write to the tables they come
-- from: a standard notes every community ever under its area, a move of the
-- tree (area_closure) the areas moved.
ALTER TABLE tally ADD COLUMN communities BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN three_lacks BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN office_solved BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN three_lacks_solved BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN funding_city BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN funding_district BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN funding_subdistrict BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN funding_self BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN funding_unit BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN funding_other BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN funding_total BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN rooms_party_activity BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN rooms_e_learning BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN rooms_fitness BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN rooms_library BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN below_standard BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN communities BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN three_lacks BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN office_solved BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN three_lacks_solved BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN funding_city BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN funding_district BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN funding_subdistrict BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN funding_self BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN funding_unit BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN funding_other BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN funding_total BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN rooms_party_activity BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN rooms_e_learning BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN rooms_fitness BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN rooms_library BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN below_standard BIGINT NOT NULL DEFAULT 0;

-- Statement-level triggers over the transition tables, as in 0005.
CREATE FUNCTION tally_mark_premises_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_premises_ins AFTER INSERT ON premises REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_premises_ins();
CREATE FUNCTION tally_mark_premises_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r UNION SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_premises_upd AFTER UPDATE ON premises REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_premises_upd();
CREATE FUNCTION tally_mark_premises_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_premises_del AFTER DELETE ON premises REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_premises_del();
CREATE FUNCTION tally_mark_room_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', p.area_id FROM new_rows r JOIN premises p ON p.id = r.premises_id; RETURN NULL; END $$;
CREATE TRIGGER tally_room_ins AFTER INSERT ON room REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_room_ins();
CREATE FUNCTION tally_mark_room_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', p.area_id FROM new_rows r JOIN premises p ON p.id = r.premises_id UNION SELECT DISTINCT 'area', p.area_id FROM old_rows r JOIN premises p ON p.id = r.premises_id; RETURN NULL; END $$;
CREATE TRIGGER tally_room_upd AFTER UPDATE ON room REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_room_upd();
CREATE FUNCTION tally_mark_room_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', p.area_id FROM old_rows r JOIN premises p ON p.id = r.premises_id; RETURN NULL; END $$;
CREATE TRIGGER tally_room_del AFTER DELETE ON room REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_room_del();
CREATE FUNCTION tally_mark_office_funding_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_office_funding_ins AFTER INSERT ON office_funding REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_office_funding_ins();
CREATE FUNCTION tally_mark_office_funding_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r UNION SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_office_funding_upd AFTER UPDATE ON office_funding REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_office_funding_upd();
CREATE FUNCTION tally_mark_office_funding_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_office_funding_del AFTER DELETE ON office_funding REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_office_funding_del();
CREATE FUNCTION tally_mark_economic_land_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_economic_land_ins AFTER INSERT ON economic_land REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_economic_land_ins();
CREATE FUNCTION tally_mark_economic_land_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r UNION SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_economic_land_upd AFTER UPDATE ON economic_land REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_economic_land_upd();
CREATE FUNCTION tally_mark_economic_land_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_economic_land_del AFTER DELETE ON economic_land REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_economic_land_del();
CREATE FUNCTION tally_mark_household_count_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_household_count_ins AFTER INSERT ON household_count REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_household_count_ins();
CREATE FUNCTION tally_mark_household_count_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r UNION SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_household_count_upd AFTER UPDATE ON household_count REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_household_count_upd();
CREATE FUNCTION tally_mark_household_count_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_household_count_del AFTER DELETE ON household_count REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_household_count_del();
CREATE FUNCTION tally_mark_building_project_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_building_project_ins AFTER INSERT ON building_project REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_building_project_ins();
CREATE FUNCTION tally_mark_building_project_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r UNION SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_building_project_upd AFTER UPDATE ON building_project REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_building_project_upd();
CREATE FUNCTION tally_mark_building_project_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_building_project_del AFTER DELETE ON building_project REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_building_project_del();
CREATE FUNCTION tally_mark_project_funding_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', b.area_id FROM new_rows r JOIN building_project b ON b.id = r.project_id; RETURN NULL; END $$;
CREATE TRIGGER tally_project_funding_ins AFTER INSERT ON project_funding REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_project_funding_ins();
CREATE FUNCTION tally_mark_project_funding_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', b.area_id FROM new_rows r JOIN building_project b ON b.id = r.project_id UNION SELECT DISTINCT 'area', b.area_id FROM old_rows r JOIN building_project b ON b.id = r.project_id; RETURN NULL; END $$;
CREATE TRIGGER tally_project_funding_upd AFTER UPDATE ON project_funding REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_project_funding_upd();
CREATE FUNCTION tally_mark_project_funding_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', b.area_id FROM old_rows r JOIN building_project b ON b.id = r.project_id; RETURN NULL; END $$;
CREATE TRIGGER tally_project_funding_del AFTER DELETE ON project_funding REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_project_funding_del();
CREATE FUNCTION tally_mark_premises_standard_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', c.descendant_id FROM new_rows r JOIN area_closure c ON c.ancestor_id = r.area_id JOIN area a ON a.id = c.descendant_id AND a.level = 'community'; RETURN NULL; END $$;
CREATE TRIGGER tally_premises_standard_ins AFTER INSERT ON premises_standard REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_premises_standard_ins();
CREATE FUNCTION tally_mark_premises_standard_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', c.descendant_id FROM new_rows r JOIN area_closure c ON c.ancestor_id = r.area_id JOIN area a ON a.id = c.descendant_id AND a.level = 'community' UNION SELECT DISTINCT 'area', c.descendant_id FROM old_rows r JOIN area_closure c ON c.ancestor_id = r.area_id JOIN area a ON a.id = c.descendant_id AND a.level = 'community'; RETURN NULL; END $$;
CREATE TRIGGER tally_premises_standard_upd AFTER UPDATE ON premises_standard REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_premises_standard_upd();
CREATE FUNCTION tally_mark_premises_standard_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', c.descendant_id FROM old_rows r JOIN area_closure c ON c.ancestor_id = r.area_id JOIN area a ON a.id = c.descendant_id AND a.level = 'community'; RETURN NULL; END $$;
CREATE TRIGGER tally_premises_standard_del AFTER DELETE ON premises_standard REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_premises_standard_del();
CREATE FUNCTION tally_mark_area_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.id FROM new_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_area_ins AFTER INSERT ON area REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_area_ins();
CREATE FUNCTION tally_mark_area_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.id FROM new_rows r UNION SELECT DISTINCT 'area', r.id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_area_upd AFTER UPDATE ON area REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_area_upd();
CREATE FUNCTION tally_mark_area_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_area_del AFTER DELETE ON area REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_area_del();
CREATE FUNCTION tally_mark_area_closure_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.descendant_id FROM new_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_area_closure_ins AFTER INSERT ON area_closure REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_area_closure_ins();
CREATE FUNCTION tally_mark_area_closure_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.descendant_id FROM new_rows r UNION SELECT DISTINCT 'area', r.descendant_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_area_closure_upd AFTER UPDATE ON area_closure REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_area_closure_upd();
CREATE FUNCTION tally_mark_area_closure_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.descendant_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_area_closure_del AFTER DELETE ON area_closure REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_area_closure_del();

-- Data written before this migration: count every area on the next flush.
INSERT INTO tally_dirty (kind, id) SELECT 'area', id FROM area;
