-- The counts in force on 1 January of a year, for each area and year in which
-- some count changed on that very day (a copy of those rows of tally). A
-- figure read on a period's first day, usually 1 January, then finds each
-- area's counts in two small tables — this one, else the area's tally_year
-- row of an earlier year — instead of seeking its row in tally, a hundred
-- times larger (internal/figures/tallied.go). A migration that adds a column
-- to tally adds it here too.
CREATE TABLE tally_jan1 (
  area_id INTEGER NOT NULL REFERENCES area(id),
  year    INTEGER NOT NULL,
  on_date TEXT NOT NULL,
  members INTEGER NOT NULL DEFAULT 0,
  enrolled INTEGER NOT NULL DEFAULT 0,
  units INTEGER NOT NULL DEFAULT 0,
  units_with_concurrent INTEGER NOT NULL DEFAULT 0,
  concurrent_posts INTEGER NOT NULL DEFAULT 0,
  cross_appointed INTEGER NOT NULL DEFAULT 0,
  reg_members INTEGER NOT NULL DEFAULT 0,
  reg_units INTEGER NOT NULL DEFAULT 0,
  conferences INTEGER NOT NULL DEFAULT 0,
  sessions_held INTEGER NOT NULL DEFAULT 0,
  actions_agreed INTEGER NOT NULL DEFAULT 0,
  actions_done INTEGER NOT NULL DEFAULT 0,
  actions_due INTEGER NOT NULL DEFAULT 0,
  actions_due_on_time INTEGER NOT NULL DEFAULT 0,
  actions_overdue INTEGER NOT NULL DEFAULT 0,
  whistles_raised INTEGER NOT NULL DEFAULT 0,
  whistle_parties INTEGER NOT NULL DEFAULT 0,
  whistle_parties_on_time INTEGER NOT NULL DEFAULT 0,
  communities INTEGER NOT NULL DEFAULT 0,
  three_lacks INTEGER NOT NULL DEFAULT 0,
  office_solved INTEGER NOT NULL DEFAULT 0,
  three_lacks_solved INTEGER NOT NULL DEFAULT 0,
  funding_total INTEGER NOT NULL DEFAULT 0,
  below_standard INTEGER NOT NULL DEFAULT 0,
  funding_city INTEGER NOT NULL DEFAULT 0,
  funding_district INTEGER NOT NULL DEFAULT 0,
  funding_subdistrict INTEGER NOT NULL DEFAULT 0,
  funding_self INTEGER NOT NULL DEFAULT 0,
  funding_unit INTEGER NOT NULL DEFAULT 0,
  funding_other INTEGER NOT NULL DEFAULT 0,
  rooms_party_activity INTEGER NOT NULL DEFAULT 0,
  rooms_e_learning INTEGER NOT NULL DEFAULT 0,
  rooms_fitness INTEGER NOT NULL DEFAULT 0,
  rooms_library INTEGER NOT NULL DEFAULT 0,
  community_branches INTEGER NOT NULL DEFAULT 0,
  communities_with_org INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (area_id, year)
) WITHOUT ROWID;

-- Part one's communities with their branches and with any organisation
-- (internal/area/tally.go), and the writes that change them.
ALTER TABLE tally ADD COLUMN community_branches INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally ADD COLUMN communities_with_org INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN community_branches INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN communities_with_org INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER tally_party_org_ins AFTER INSERT ON party_org WHEN NEW.area_id IS NOT NULL BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) VALUES ('area', NEW.area_id); END;
CREATE TRIGGER tally_party_org_upd AFTER UPDATE ON party_org BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', i FROM (SELECT OLD.area_id AS i UNION SELECT NEW.area_id) WHERE i IS NOT NULL; END;
CREATE TRIGGER tally_party_org_del AFTER DELETE ON party_org WHEN OLD.area_id IS NOT NULL BEGIN INSERT OR IGNORE INTO tally_dirty (kind, id) VALUES ('area', OLD.area_id); END;


-- Filled by the next flush.
INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', id FROM area;
