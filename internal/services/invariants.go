package services

import "dangjian/internal/invariant"

// What no write may leave behind in part four (b)'s records: an outlet
// still open, or a designation still in force, in an ended area; a
// service record of an outlet dated when the outlet was not open.
func init() {
	invariant.Register(
		&invariant.Invariant{Name: "outlet.area_active", Doc: "no outlet stays open in an ended area",
			SQL: "SELECT o.id AS id, o.name || ' still open after ' || a.name || ' ended on ' || CAST(a.ended_on AS TEXT) AS detail" +
				" FROM outlet o JOIN area a ON a.id = o.area_id WHERE a.ended_on IS NOT NULL AND (o.to_on IS NULL OR o.to_on > a.ended_on)"},
		&invariant.Invariant{Name: "designation.area_active", Doc: "no designation stays in force in an ended community",
			SQL: "SELECT d.id AS id, d.estate || ' in force after ' || a.name || ' ended on ' || CAST(a.ended_on AS TEXT) AS detail" +
				" FROM designation d JOIN area a ON a.id = d.area_id WHERE a.ended_on IS NOT NULL AND (d.to_on IS NULL OR d.to_on > a.ended_on)"},
		&invariant.Invariant{Name: "service_record.outlet_open", Doc: "an outlet's service record is dated on a day (or in a month) the outlet was open",
			SQL: "SELECT r.id AS id, o.name || ' on ' || CAST(r.on_date AS TEXT) AS detail FROM service_record r JOIN outlet o ON o.id = r.outlet_id" +
				" WHERE (r.span = 'day' AND (r.on_date < o.from_on OR (o.to_on IS NOT NULL AND r.on_date >= o.to_on)))" +
				" OR (r.span = 'month' AND (SUBSTR(CAST(o.from_on AS TEXT), 1, 7) > SUBSTR(CAST(r.on_date AS TEXT), 1, 7) OR (o.to_on IS NOT NULL AND o.to_on <= r.on_date)))"},
	)
}
