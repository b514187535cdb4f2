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
  PRIMARY KEY (area_id, year)
);

-- Filled by the next flush.
INSERT INTO tally_dirty (kind, id) SELECT 'area', id FROM area;
