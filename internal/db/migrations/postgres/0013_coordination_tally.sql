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
ALTER TABLE tally ADD COLUMN conferences BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN sessions_held BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN actions_agreed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN actions_done BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN actions_due BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN actions_due_on_time BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN actions_overdue BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN whistles_raised BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN whistle_parties BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN whistle_parties_on_time BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN conferences BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN sessions_held BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN actions_agreed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN actions_done BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN actions_due BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN actions_due_on_time BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN actions_overdue BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN whistles_raised BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN whistle_parties BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN whistle_parties_on_time BIGINT NOT NULL DEFAULT 0;

-- Statement-level triggers over the transition tables, as in 0005.
CREATE FUNCTION tally_mark_joint_conference_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_joint_conference_ins AFTER INSERT ON joint_conference REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_joint_conference_ins();
CREATE FUNCTION tally_mark_joint_conference_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r UNION SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_joint_conference_upd AFTER UPDATE ON joint_conference REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_joint_conference_upd();
CREATE FUNCTION tally_mark_joint_conference_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_joint_conference_del AFTER DELETE ON joint_conference REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_joint_conference_del();
CREATE FUNCTION tally_mark_conference_session_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', c.area_id FROM new_rows r JOIN joint_conference c ON c.id = r.conference_id; RETURN NULL; END $$;
CREATE TRIGGER tally_conference_session_ins AFTER INSERT ON conference_session REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_conference_session_ins();
CREATE FUNCTION tally_mark_conference_session_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', c.area_id FROM new_rows r JOIN joint_conference c ON c.id = r.conference_id UNION SELECT DISTINCT 'area', c.area_id FROM old_rows r JOIN joint_conference c ON c.id = r.conference_id; RETURN NULL; END $$;
CREATE TRIGGER tally_conference_session_upd AFTER UPDATE ON conference_session REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_conference_session_upd();
CREATE FUNCTION tally_mark_conference_session_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', c.area_id FROM old_rows r JOIN joint_conference c ON c.id = r.conference_id; RETURN NULL; END $$;
CREATE TRIGGER tally_conference_session_del AFTER DELETE ON conference_session REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_conference_session_del();
CREATE FUNCTION tally_mark_agreed_action_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT 'area', r.area_id FROM new_rows r UNION SELECT 'area', c.area_id FROM new_rows r JOIN conference_session s ON s.id = r.session_id JOIN joint_conference c ON c.id = s.conference_id; RETURN NULL; END $$;
CREATE TRIGGER tally_agreed_action_ins AFTER INSERT ON agreed_action REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_agreed_action_ins();
CREATE FUNCTION tally_mark_agreed_action_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT 'area', r.area_id FROM new_rows r UNION SELECT 'area', c.area_id FROM new_rows r JOIN conference_session s ON s.id = r.session_id JOIN joint_conference c ON c.id = s.conference_id UNION SELECT 'area', r.area_id FROM old_rows r UNION SELECT 'area', c.area_id FROM old_rows r JOIN conference_session s ON s.id = r.session_id JOIN joint_conference c ON c.id = s.conference_id; RETURN NULL; END $$;
CREATE TRIGGER tally_agreed_action_upd AFTER UPDATE ON agreed_action REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_agreed_action_upd();
CREATE FUNCTION tally_mark_agreed_action_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT 'area', r.area_id FROM old_rows r UNION SELECT 'area', c.area_id FROM old_rows r JOIN conference_session s ON s.id = r.session_id JOIN joint_conference c ON c.id = s.conference_id; RETURN NULL; END $$;
CREATE TRIGGER tally_agreed_action_del AFTER DELETE ON agreed_action REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_agreed_action_del();
CREATE FUNCTION tally_mark_whistle_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_whistle_ins AFTER INSERT ON whistle REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_whistle_ins();
CREATE FUNCTION tally_mark_whistle_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM new_rows r UNION SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_whistle_upd AFTER UPDATE ON whistle REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_whistle_upd();
CREATE FUNCTION tally_mark_whistle_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', r.area_id FROM old_rows r; RETURN NULL; END $$;
CREATE TRIGGER tally_whistle_del AFTER DELETE ON whistle REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_whistle_del();
CREATE FUNCTION tally_mark_whistle_party_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', w.area_id FROM new_rows r JOIN whistle w ON w.id = r.whistle_id; RETURN NULL; END $$;
CREATE TRIGGER tally_whistle_party_ins AFTER INSERT ON whistle_party REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_whistle_party_ins();
CREATE FUNCTION tally_mark_whistle_party_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', w.area_id FROM new_rows r JOIN whistle w ON w.id = r.whistle_id UNION SELECT DISTINCT 'area', w.area_id FROM old_rows r JOIN whistle w ON w.id = r.whistle_id; RETURN NULL; END $$;
CREATE TRIGGER tally_whistle_party_upd AFTER UPDATE ON whistle_party REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_whistle_party_upd();
CREATE FUNCTION tally_mark_whistle_party_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', w.area_id FROM old_rows r JOIN whistle w ON w.id = r.whistle_id; RETURN NULL; END $$;
CREATE TRIGGER tally_whistle_party_del AFTER DELETE ON whistle_party REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_whistle_party_del();

-- Data written before this migration: count every area on the next flush.
INSERT INTO tally_dirty (kind, id) SELECT 'area', id FROM area;
