-- The counts in force on 1 January of a year, for each area and year in which
-- some count changed on that very day (a copy of those rows of tally). A
-- figure read on a period's first day, usually 1 January, then finds each
-- area's counts in two small tables — this one, else the area's tally_year
-- row of an earlier year — instead of seeking its row in tally, a hundred
-- times larger (internal/figures/tallied.go). A migration that adds a column
-- to tally adds it here too.
CREATE TABLE tally_jan1 (
  area_id BIGINT NOT NULL REFERENCES area(id),
  year    BIGINT NOT NULL,
  on_date DATE NOT NULL,
  members BIGINT NOT NULL DEFAULT 0,
  enrolled BIGINT NOT NULL DEFAULT 0,
  units BIGINT NOT NULL DEFAULT 0,
  units_with_concurrent BIGINT NOT NULL DEFAULT 0,
  concurrent_posts BIGINT NOT NULL DEFAULT 0,
  cross_appointed BIGINT NOT NULL DEFAULT 0,
  reg_members BIGINT NOT NULL DEFAULT 0,
  reg_units BIGINT NOT NULL DEFAULT 0,
  conferences BIGINT NOT NULL DEFAULT 0,
  sessions_held BIGINT NOT NULL DEFAULT 0,
  actions_agreed BIGINT NOT NULL DEFAULT 0,
  actions_done BIGINT NOT NULL DEFAULT 0,
  actions_due BIGINT NOT NULL DEFAULT 0,
  actions_due_on_time BIGINT NOT NULL DEFAULT 0,
  actions_overdue BIGINT NOT NULL DEFAULT 0,
  whistles_raised BIGINT NOT NULL DEFAULT 0,
  whistle_parties BIGINT NOT NULL DEFAULT 0,
  whistle_parties_on_time BIGINT NOT NULL DEFAULT 0,
  communities BIGINT NOT NULL DEFAULT 0,
  three_lacks BIGINT NOT NULL DEFAULT 0,
  office_solved BIGINT NOT NULL DEFAULT 0,
  three_lacks_solved BIGINT NOT NULL DEFAULT 0,
  funding_total BIGINT NOT NULL DEFAULT 0,
  below_standard BIGINT NOT NULL DEFAULT 0,
  funding_city BIGINT NOT NULL DEFAULT 0,
  funding_district BIGINT NOT NULL DEFAULT 0,
  funding_subdistrict BIGINT NOT NULL DEFAULT 0,
  funding_self BIGINT NOT NULL DEFAULT 0,
  funding_unit BIGINT NOT NULL DEFAULT 0,
  funding_other BIGINT NOT NULL DEFAULT 0,
  rooms_party_activity BIGINT NOT NULL DEFAULT 0,
  rooms_e_learning BIGINT NOT NULL DEFAULT 0,
  rooms_fitness BIGINT NOT NULL DEFAULT 0,
  rooms_library BIGINT NOT NULL DEFAULT 0,
  community_branches BIGINT NOT NULL DEFAULT 0,
  communities_with_org BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (area_id, year)
);

-- Part one's communities with their branches and with any organisation
-- (internal/area/tally.go), and the writes that change them.
ALTER TABLE tally ADD COLUMN community_branches BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN communities_with_org BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN community_branches BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN communities_with_org BIGINT NOT NULL DEFAULT 0;
CREATE FUNCTION tally_mark_party_org_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', area_id FROM new_rows WHERE area_id IS NOT NULL; RETURN NULL; END $$;
CREATE TRIGGER tally_party_org_ins AFTER INSERT ON party_org REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_party_org_ins();
CREATE FUNCTION tally_mark_party_org_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT 'area', area_id FROM new_rows WHERE area_id IS NOT NULL UNION SELECT 'area', area_id FROM old_rows WHERE area_id IS NOT NULL; RETURN NULL; END $$;
CREATE TRIGGER tally_party_org_upd AFTER UPDATE ON party_org REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_party_org_upd();
CREATE FUNCTION tally_mark_party_org_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', area_id FROM old_rows WHERE area_id IS NOT NULL; RETURN NULL; END $$;
CREATE TRIGGER tally_party_org_del AFTER DELETE ON party_org REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_party_org_del();


-- Filled by the next flush.
INSERT INTO tally_dirty (kind, id) SELECT 'area', id FROM area;
