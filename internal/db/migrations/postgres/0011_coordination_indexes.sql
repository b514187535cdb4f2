-- Part two's figures and the overdue-actions list at the city tier (issue
-- 10's benchmarks, docs/benchmarks.md "Part two at the city tier"): the
-- plans as EXPLAIN QUERY PLAN showed them on SQLite without ANALYZE, as a
-- user's database is.

-- Almost every action is top-level, so "parent_id IS NULL" matched the
-- whole table through this index and actions.agreed was driven from every
-- action; sub-action lookups (parent_id = ?) only need the others.
DROP INDEX agreed_action_parent;
CREATE INDEX agreed_action_parent ON agreed_action(parent_id) WHERE parent_id IS NOT NULL;

-- actions.agreed: a session's top-level actions without reading the rows.
DROP INDEX agreed_action_session;
CREATE INDEX agreed_action_session ON agreed_action(session_id, parent_id);

-- actions.done: done in the period under the scope, from the index alone.
CREATE INDEX agreed_action_area_closed ON agreed_action(area_id, closed_on, status, parent_id);

-- actions.done_on_time_rate, actions.overdue and the overdue list: due in
-- a range under the scope, with what they test, from the index alone.
DROP INDEX agreed_action_area_due;
CREATE INDEX agreed_action_area_due ON agreed_action(area_id, due_on, status, closed_on, parent_id, agreed_on);

-- actions.overdue: the actions still open at the period's end under the
-- scope (closed_on NULL or after it, as the figure writes it), instead of
-- every action due before it.
CREATE INDEX agreed_action_open_at ON agreed_action(area_id, (COALESCE(closed_on, '9999-12-31')), due_on, agreed_on, parent_id);

-- whistles.reported_on_time_rate: deadline and report-in from the index.
DROP INDEX whistle_party_whistle;
CREATE INDEX whistle_party_whistle ON whistle_party(whistle_id, deadline_at, reported_at);

-- conferences.member_units: the members valid at the period's end and
-- their units from the index.
DROP INDEX conference_member_conference;
CREATE INDEX conference_member_conference ON conference_member(conference_id, from_on, to_on, unit_id);
