-- Maintained counts behind part two's figures (internal/tally, registered by
-- internal/coordination/tally.go), per area and day like the people's (0005):
--
-- conferences             joint conferences in existence placed at the area
-- sessions_held           running total of sessions of those conferences
-- actions_agreed          running total of top-level actions agreed at them
-- actions_done            running total of top-level actions done, by closed_on
-- actions_due             running total of top-level actions not dropped, by due_on
-- actions_due_on_time     of those, done by their due day
-- actions_overdue         top-level actions agreed, past due and not closed
-- whistles_raised         running total of whistles raised by the area
-- whistle_parties         running total of parties those whistles summoned
-- whistle_parties_on_time of those, reported in by their deadline
--
-- The triggers note the area of every write to the tables they come from.
ALTER TABLE tally ADD COLUMN conferences INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN sessions_held INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN actions_agreed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN actions_done INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN actions_due INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN actions_due_on_time INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN actions_overdue INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN whistles_raised INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN whistle_parties INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN whistle_parties_on_time INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN conferences INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN sessions_held INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN actions_agreed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN actions_done INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN actions_due INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN actions_due_on_time INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN actions_overdue INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN whistles_raised INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN whistle_parties INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN whistle_parties_on_time INTEGER NOT NULL DEFAULT 0;

-- Each trigger stays on one line: the migration runner splits statements at
-- a semicolon that ends a line.
CREATE TRIGGER tally_joint_conference_ins AFTER INSERT ON joint_conference BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_joint_conference_upd AFTER UPDATE ON joint_conference BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id UNION SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_joint_conference_del AFTER DELETE ON joint_conference BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id; END;
CREATE TRIGGER tally_conference_session_ins AFTER INSERT ON conference_session BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', c.area_id FROM joint_conference c WHERE c.id = NEW.conference_id; END;
CREATE TRIGGER tally_conference_session_upd AFTER UPDATE ON conference_session BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', c.area_id FROM joint_conference c WHERE c.id = OLD.conference_id UNION SELECT 'area', c.area_id FROM joint_conference c WHERE c.id = NEW.conference_id; END;
CREATE TRIGGER tally_conference_session_del AFTER DELETE ON conference_session BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', c.area_id FROM joint_conference c WHERE c.id = OLD.conference_id; END;
CREATE TRIGGER tally_agreed_action_ins AFTER INSERT ON agreed_action BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', NEW.area_id UNION SELECT 'area', c.area_id FROM conference_session s JOIN joint_conference c ON c.id = s.conference_id WHERE s.id = NEW.session_id; END;
CREATE TRIGGER tally_agreed_action_upd AFTER UPDATE ON agreed_action BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id UNION SELECT 'area', c.area_id FROM conference_session s JOIN joint_conference c ON c.id = s.conference_id WHERE s.id = OLD.session_id UNION SELECT 'area', NEW.area_id UNION SELECT 'area', c.area_id FROM conference_session s JOIN joint_conference c ON c.id = s.conference_id WHERE s.id = NEW.session_id; END;
CREATE TRIGGER tally_agreed_action_del AFTER DELETE ON agreed_action BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id UNION SELECT 'area', c.area_id FROM conference_session s JOIN joint_conference c ON c.id = s.conference_id WHERE s.id = OLD.session_id; END;
CREATE TRIGGER tally_whistle_ins AFTER INSERT ON whistle BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_whistle_upd AFTER UPDATE ON whistle BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id UNION SELECT 'area', NEW.area_id; END;
CREATE TRIGGER tally_whistle_del AFTER DELETE ON whistle BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', OLD.area_id; END;
CREATE TRIGGER tally_whistle_party_ins AFTER INSERT ON whistle_party BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', w.area_id FROM whistle w WHERE w.id = NEW.whistle_id; END;
CREATE TRIGGER tally_whistle_party_upd AFTER UPDATE ON whistle_party BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', w.area_id FROM whistle w WHERE w.id = OLD.whistle_id UNION SELECT 'area', w.area_id FROM whistle w WHERE w.id = NEW.whistle_id; END;
CREATE TRIGGER tally_whistle_party_del AFTER DELETE ON whistle_party BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', w.area_id FROM whistle w WHERE w.id = OLD.whistle_id; END;

-- Data written before this migration: count every area on the next flush.
INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', id FROM area;
