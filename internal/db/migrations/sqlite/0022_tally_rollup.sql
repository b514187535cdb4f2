-- The roll-up of the maintained counts (internal/tally/rollup.go): for each
-- area and year, the sum of the year-end counts (tally_year) of every area
-- under it on that 31 December, itself included. A figure over whole years
-- then reads one row of its scope instead of one per area under it
-- (internal/figures/rollup.go), and corrects for the few areas that entered
-- or left the scope within the period.
--
-- Besides the counts' own columns it holds derived sums that do not follow
-- from them, one per figure that needs it (tally.Derive):
--   <c>_where_<w>  the sum of c over the areas whose w is above 0
--   <c>_grew       the number of areas whose running total c grew in the year
--   <c>_next_jan1  the sum of c in force on the next 1 January
-- The counts are sums over a whole city: BIGINT on PostgreSQL.
CREATE TABLE tally_rollup (
  area_id BIGINT NOT NULL REFERENCES area(id),
  year    INTEGER NOT NULL,
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
  funding_city INTEGER NOT NULL DEFAULT 0,
  funding_district INTEGER NOT NULL DEFAULT 0,
  funding_subdistrict INTEGER NOT NULL DEFAULT 0,
  funding_self INTEGER NOT NULL DEFAULT 0,
  funding_unit INTEGER NOT NULL DEFAULT 0,
  funding_other INTEGER NOT NULL DEFAULT 0,
  funding_total INTEGER NOT NULL DEFAULT 0,
  rooms_party_activity INTEGER NOT NULL DEFAULT 0,
  rooms_e_learning INTEGER NOT NULL DEFAULT 0,
  rooms_fitness INTEGER NOT NULL DEFAULT 0,
  rooms_library INTEGER NOT NULL DEFAULT 0,
  below_standard INTEGER NOT NULL DEFAULT 0,
  community_branches INTEGER NOT NULL DEFAULT 0,
  communities_with_org INTEGER NOT NULL DEFAULT 0,
  co_projects_done INTEGER NOT NULL DEFAULT 0,
  co_saved INTEGER NOT NULL DEFAULT 0,
  co_banners INTEGER NOT NULL DEFAULT 0,
  subdistricts INTEGER NOT NULL DEFAULT 0,
  outlets_sanitation_station INTEGER NOT NULL DEFAULT 0,
  outlets_cleaning_team INTEGER NOT NULL DEFAULT 0,
  outlets_elderly_centre INTEGER NOT NULL DEFAULT 0,
  outlets_family_planning_centre INTEGER NOT NULL DEFAULT 0,
  outlets_housekeeping_centre INTEGER NOT NULL DEFAULT 0,
  outlets_disability_centre INTEGER NOT NULL DEFAULT 0,
  safe_neighbourhoods INTEGER NOT NULL DEFAULT 0,
  person_times INTEGER NOT NULL DEFAULT 0,
  person_times_training INTEGER NOT NULL DEFAULT 0,
  person_times_job_guidance INTEGER NOT NULL DEFAULT 0,
  person_times_health_care INTEGER NOT NULL DEFAULT 0,
  person_times_elderly_care INTEGER NOT NULL DEFAULT 0,
  person_times_other INTEGER NOT NULL DEFAULT 0,
  placements INTEGER NOT NULL DEFAULT 0,
  good_deeds INTEGER NOT NULL DEFAULT 0,
  petitions_received INTEGER NOT NULL DEFAULT 0,
  petitions_responded INTEGER NOT NULL DEFAULT 0,
  petitions_called_back INTEGER NOT NULL DEFAULT 0,
  petitions_satisfied INTEGER NOT NULL DEFAULT 0,
  petitions_collective_resolved INTEGER NOT NULL DEFAULT 0,
  cross_appointed_where_communities INTEGER NOT NULL DEFAULT 0,
  concurrent_posts_where_communities INTEGER NOT NULL DEFAULT 0,
  office_solved_grew INTEGER NOT NULL DEFAULT 0,
  three_lacks_solved_grew INTEGER NOT NULL DEFAULT 0,
  communities_next_jan1 INTEGER NOT NULL DEFAULT 0,
  three_lacks_next_jan1 INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (area_id, year)
) WITHOUT ROWID;

-- Which roll-ups an area's counts were added to: its ancestors on each 31
-- December from from_year to to_year (area_closure as it stood at the last
-- recount), so that a recount after the tree moved takes the area's old
-- counts out of the roll-ups they were added to.
CREATE TABLE tally_rollup_link (
  area_id     BIGINT NOT NULL REFERENCES area(id),
  ancestor_id BIGINT NOT NULL REFERENCES area(id),
  from_year   INTEGER NOT NULL,
  to_year     INTEGER NOT NULL,
  PRIMARY KEY (area_id, ancestor_id, from_year)
) WITHOUT ROWID;

-- Build the roll-ups on the next flush: every area is recounted.
INSERT OR IGNORE INTO tally_dirty (kind, id) SELECT 'area', id FROM area;
