-- Part three's figures and the three-lacks list at the city tier (issue
-- 11's benchmarks, docs/benchmarks.md "Part three at the city tier"): each
-- community is probed once or more per figure, so the probes read the
-- index alone instead of the index and then the row. Same prefixes as the
-- indexes they replace, so every query those served is still served.

-- A community's office and service floor area on a date (below_standard,
-- the lacks of office premises, the rooms' premises).
DROP INDEX premises_area;
CREATE INDEX premises_area ON premises(area_id, from_on, to_on, use, floor_area);

-- A room of a kind valid on a date in given premises (rooms.*).
DROP INDEX room_premises;
CREATE INDEX room_premises ON room(premises_id, kind, from_on, to_on);

-- A year's office funding above 0 (the lacks of funding).
DROP INDEX office_funding_area;
CREATE INDEX office_funding_area ON office_funding(area_id, from_on, to_on, amount);

-- The latest household count on or before a date (below_standard): id
-- before households, so that "ORDER BY counted_on DESC, id DESC LIMIT 1"
-- is read from the index in order, without a sort per community.
DROP INDEX household_count_area;
CREATE INDEX household_count_area ON household_count(area_id, counted_on, id, households);
