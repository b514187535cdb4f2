package cobuilding

import "dangjian/internal/invariant"

// What no write may leave behind in part four (a)'s records: a demand
// still open in an ended community, a demand whose status does not follow
// its projects, a resource of a unit offered after the unit ended.
func init() {
	invariant.Register(
		&invariant.Invariant{Name: "demand.community_active", Doc: "no demand stays open or matched in an ended community",
			SQL: "SELECT d.id AS id, d.title || ' still ' || d.status || ' after ' || a.name || ' ended on ' || CAST(a.ended_on AS TEXT) AS detail" +
				" FROM demand d JOIN area a ON a.id = d.area_id WHERE a.ended_on IS NOT NULL AND d.status IN ('open', 'matched')"},
		&invariant.Invariant{Name: "demand.status_follows_projects", Doc: "a demand is matched or done only with a project, done only with a done one, and open only without",
			SQL: "SELECT d.id AS id, d.title || ' is ' || d.status AS detail FROM demand d WHERE" +
				" (d.status IN ('matched', 'done') AND NOT EXISTS (SELECT 1 FROM co_project_demand pd WHERE pd.demand_id = d.id))" +
				" OR (d.status = 'done' AND NOT EXISTS (SELECT 1 FROM co_project_demand pd JOIN co_project p ON p.id = pd.project_id WHERE pd.demand_id = d.id AND p.done_on IS NOT NULL))" +
				" OR (d.status = 'open' AND EXISTS (SELECT 1 FROM co_project_demand pd WHERE pd.demand_id = d.id))"},
		&invariant.Invariant{Name: "resource.unit_active", Doc: "a unit's resource is not offered from a day the unit no longer existed",
			SQL: "SELECT r.id AS id, r.description || ' offered by ' || u.name || ' from ' || CAST(r.from_on AS TEXT) || ', ended on ' || CAST(u.ended_on AS TEXT) AS detail" +
				" FROM resource r JOIN unit u ON u.id = r.unit_id WHERE u.ended_on IS NOT NULL AND r.from_on >= u.ended_on"},
	)
}
