-- A subdistrict's or community's re-formations are found from its own
-- organisations, by the event's successor (internal/area/figures.go,
-- reformedSQL), not by walking the whole tree's events of the period.
CREATE INDEX party_org_event_successor ON party_org_event(successor_id);
