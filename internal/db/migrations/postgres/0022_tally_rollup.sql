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
  funding_city BIGINT NOT NULL DEFAULT 0,
  funding_district BIGINT NOT NULL DEFAULT 0,
  funding_subdistrict BIGINT NOT NULL DEFAULT 0,
  funding_self BIGINT NOT NULL DEFAULT 0,
  funding_unit BIGINT NOT NULL DEFAULT 0,
  funding_other BIGINT NOT NULL DEFAULT 0,
  funding_total BIGINT NOT NULL DEFAULT 0,
  rooms_party_activity BIGINT NOT NULL DEFAULT 0,
  rooms_e_learning BIGINT NOT NULL DEFAULT 0,
  rooms_fitness BIGINT NOT NULL DEFAULT 0,
  rooms_library BIGINT NOT NULL DEFAULT 0,
  below_standard BIGINT NOT NULL DEFAULT 0,
  community_branches BIGINT NOT NULL DEFAULT 0,
  communities_with_org BIGINT NOT NULL DEFAULT 0,
  co_projects_done BIGINT NOT NULL DEFAULT 0,
  co_saved BIGINT NOT NULL DEFAULT 0,
  co_banners BIGINT NOT NULL DEFAULT 0,
  subdistricts BIGINT NOT NULL DEFAULT 0,
  outlets_sanitation_station BIGINT NOT NULL DEFAULT 0,
  outlets_cleaning_team BIGINT NOT NULL DEFAULT 0,
  outlets_elderly_centre BIGINT NOT NULL DEFAULT 0,
  outlets_family_planning_centre BIGINT NOT NULL DEFAULT 0,
  outlets_housekeeping_centre BIGINT NOT NULL DEFAULT 0,
  outlets_disability_centre BIGINT NOT NULL DEFAULT 0,
  safe_neighbourhoods BIGINT NOT NULL DEFAULT 0,
  person_times BIGINT NOT NULL DEFAULT 0,
  person_times_training BIGINT NOT NULL DEFAULT 0,
  person_times_job_guidance BIGINT NOT NULL DEFAULT 0,
  person_times_health_care BIGINT NOT NULL DEFAULT 0,
  person_times_elderly_care BIGINT NOT NULL DEFAULT 0,
  person_times_other BIGINT NOT NULL DEFAULT 0,
  placements BIGINT NOT NULL DEFAULT 0,
  good_deeds BIGINT NOT NULL DEFAULT 0,
  petitions_received BIGINT NOT NULL DEFAULT 0,
  petitions_responded BIGINT NOT NULL DEFAULT 0,
  petitions_called_back BIGINT NOT NULL DEFAULT 0,
  petitions_satisfied BIGINT NOT NULL DEFAULT 0,
  petitions_collective_resolved BIGINT NOT NULL DEFAULT 0,
  cross_appointed_where_communities BIGINT NOT NULL DEFAULT 0,
  concurrent_posts_where_communities BIGINT NOT NULL DEFAULT 0,
  office_solved_grew BIGINT NOT NULL DEFAULT 0,
  three_lacks_solved_grew BIGINT NOT NULL DEFAULT 0,
  communities_next_jan1 BIGINT NOT NULL DEFAULT 0,
  three_lacks_next_jan1 BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (area_id, year)
);

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
);

-- Build the roll-ups on the next flush: every area is recounted.
INSERT INTO tally_dirty (kind, id) SELECT 'area', id FROM area ON CONFLICT DO NOTHING;
