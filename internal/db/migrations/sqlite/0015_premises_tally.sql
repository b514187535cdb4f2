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
ALTER TABLE tally ADD COLUMN communities INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN three_lacks INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN office_solved INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN three_lacks_solved INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN funding_city INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN funding_district INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN funding_subdistrict INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN funding_self INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN funding_unit INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN funding_other INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN funding_total INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN rooms_party_activity INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN rooms_e_learning INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN rooms_fitness INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN rooms_library INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN below_standard INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN communities INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN three_lacks INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN office_solved INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN three_lacks_solved INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN funding_city INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN funding_district INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN funding_subdistrict INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN funding_self INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN funding_unit INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN funding_other INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN funding_total INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN rooms_party_activity INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN rooms_e_learning INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN rooms_fitness INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN rooms_library INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN below_standard INTEGER NOT NULL DEFAULT 0;

-- Each trigger stays on one line: the migration runner splits statements at
-- a semicolon that ends a line.
CREATE TRIGGER tally_premises_ins AFTER INSERT ON premises BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_premises_upd AFTER UPDATE ON premises BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id UNION SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_premises_del AFTER DELETE ON premises BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id; END;
CREATE TRIGGER tally_room_ins AFTER INSERT ON room BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', p.area_id FROM premises p WHERE p.id = NEW.premises_id; END;
CREATE TRIGGER tally_room_upd AFTER UPDATE ON room BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', p.area_id FROM premises p WHERE p.id = OLD.premises_id UNION SELECT 'area', p.area_id FROM premises p WHERE p.id = NEW.premises_id; END;
CREATE TRIGGER tally_room_del AFTER DELETE ON room BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', p.area_id FROM premises p WHERE p.id = OLD.premises_id; END;
CREATE TRIGGER tally_office_funding_ins AFTER INSERT ON office_funding BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_office_funding_upd AFTER UPDATE ON office_funding BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id UNION SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_office_funding_del AFTER DELETE ON office_funding BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id; END;
CREATE TRIGGER tally_economic_land_ins AFTER INSERT ON economic_land BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_economic_land_upd AFTER UPDATE ON economic_land BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id UNION SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_economic_land_del AFTER DELETE ON economic_land BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id; END;
CREATE TRIGGER tally_household_count_ins AFTER INSERT ON household_count BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_household_count_upd AFTER UPDATE ON household_count BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id UNION SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_household_count_del AFTER DELETE ON household_count BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id; END;
CREATE TRIGGER tally_building_project_ins AFTER INSERT ON building_project BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_building_project_upd AFTER UPDATE ON building_project BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id UNION SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_building_project_del AFTER DELETE ON building_project BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id; END;
CREATE TRIGGER tally_project_funding_ins AFTER INSERT ON project_funding BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', b.area_id FROM building_project b WHERE b.id = NEW.project_id; END;
CREATE TRIGGER tally_project_funding_upd AFTER UPDATE ON project_funding BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', b.area_id FROM building_project b WHERE b.id = OLD.project_id UNION SELECT 'area', b.area_id FROM building_project b WHERE b.id = NEW.project_id; END;
CREATE TRIGGER tally_project_funding_del AFTER DELETE ON project_funding BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', b.area_id FROM building_project b WHERE b.id = OLD.project_id; END;
CREATE TRIGGER tally_premises_standard_ins AFTER INSERT ON premises_standard BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', c.descendant_id FROM area_closure c JOIN area a ON a.id = c.descendant_id AND a.level = 'community' WHERE c.ancestor_id = NEW.area_id; END;
CREATE TRIGGER tally_premises_standard_upd AFTER UPDATE ON premises_standard BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', c.descendant_id FROM area_closure c JOIN area a ON a.id = c.descendant_id AND a.level = 'community' WHERE c.ancestor_id = OLD.area_id UNION SELECT 'area', c.descendant_id FROM area_closure c JOIN area a ON a.id = c.descendant_id AND a.level = 'community' WHERE c.ancestor_id = NEW.area_id; END;
CREATE TRIGGER tally_premises_standard_del AFTER DELETE ON premises_standard BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', c.descendant_id FROM area_closure c JOIN area a ON a.id = c.descendant_id AND a.level = 'community' WHERE c.ancestor_id = OLD.area_id; END;
CREATE TRIGGER tally_area_ins AFTER INSERT ON area BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', NEW.id; END;
CREATE TRIGGER tally_area_upd AFTER UPDATE ON area BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.id UNION SELECT 'area', NEW.id; END;
CREATE TRIGGER tally_area_del AFTER DELETE ON area BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.id; END;
CREATE TRIGGER tally_area_closure_ins AFTER INSERT ON area_closure BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', NEW.descendant_id; END;
CREATE TRIGGER tally_area_closure_upd AFTER UPDATE ON area_closure BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.descendant_id UNION SELECT 'area', NEW.descendant_id; END;
CREATE TRIGGER tally_area_closure_del AFTER DELETE ON area_closure BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.descendant_id; END;

-- Data written before this migration: count every area on the next flush.
INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', id FROM area;
