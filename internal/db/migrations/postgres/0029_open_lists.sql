-- The dashboard's lists at a large scope (issue 14): the first few open
-- records of a city or a district in the list's order, walked from these
-- indexes with each row's area checked against the subtree, instead of
-- reading every open record of the subtree and sorting them. Each holds
-- what the walk tests (area, agreed day), or SQLite without ANALYZE scans
-- the table and sorts instead.

-- Overdue actions: open ones by due day (the list's order).
CREATE INDEX agreed_action_open_due ON agreed_action(due_on, id, area_id, agreed_on) WHERE closed_on IS NULL AND parent_id IS NULL;
-- ... and those closed after the day asked (a past day, or a closing
-- dated ahead), few for today.
CREATE INDEX agreed_action_closed ON agreed_action(closed_on) WHERE closed_on IS NOT NULL AND parent_id IS NULL;

-- Open demands, oldest first.
CREATE INDEX demand_open_raised ON demand(raised_on, id, area_id) WHERE status = 'open';

-- Open whistles, newest first.
CREATE INDEX whistle_open_raised ON whistle(raised_at, id, area_id) WHERE resolved_on IS NULL;
