-- The figures' cache (internal/figures/cache.go, issue 15): one number,
-- bumped in the same transaction by every write to a table the figures,
-- the speech or the dashboard read, whichever program writes it. A cached
-- value is used only while the number is the one read before computing it.
-- Every table but the accounts', sessions', audit's, settings', speech
-- templates' and the counts' own has the trigger; a new domain table must
-- have it too (figures.TestEveryDomainTableBumpsTheStamp fails otherwise).
CREATE TABLE data_stamp (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n  BIGINT NOT NULL
);
INSERT INTO data_stamp (id, n) VALUES (1, 0);

-- Once per statement, whatever its rows. The function stays on one line (the migration runner splits at a semicolon ending a line).
CREATE FUNCTION data_stamp_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE data_stamp SET n = n + 1; RETURN NULL; END $$;
CREATE TRIGGER data_stamp_action_update AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON action_update FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_agreed_action AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agreed_action FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_area AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON area FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_area_closure AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON area_closure FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_area_event AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON area_event FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_area_event_result AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON area_event_result FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_area_name AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON area_name FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_building_project AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON building_project FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_campaign AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON campaign FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_campaign_measure AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON campaign_measure FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_campaign_unit AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON campaign_unit FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_co_contribution AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON co_contribution FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_co_feedback AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON co_feedback FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_co_project AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON co_project FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_co_project_demand AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON co_project_demand FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_co_project_resource AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON co_project_resource FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_co_result AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON co_result FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_conference_member AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON conference_member FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_conference_session AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON conference_session FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_demand AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON demand FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_designation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON designation FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_economic_land AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON economic_land FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_good_deed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON good_deed FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_household_count AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON household_count FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_joint_conference AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON joint_conference FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_membership AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON membership FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_office_funding AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON office_funding FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_outlet AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON outlet FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_party_org AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON party_org FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_party_org_event AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON party_org_event FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_person AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON person FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_petition_case AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON petition_case FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_petition_request AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON petition_request FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_placement AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON placement FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_post AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON post FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_premises AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON premises FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_premises_standard AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON premises_standard FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_project_funding AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_funding FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_project_step AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_step FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_project_waiver AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_waiver FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_registration AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON registration FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_resource AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON resource FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_room AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON room FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_service_record AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON service_record FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_session_unit AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON session_unit FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_term AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON term FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_unit AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON unit FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_unit_location AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON unit_location FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_whistle AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON whistle FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
CREATE TRIGGER data_stamp_whistle_party AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON whistle_party FOR EACH STATEMENT EXECUTE FUNCTION data_stamp_bump();
