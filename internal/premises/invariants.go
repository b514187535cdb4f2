package premises

import "dangjian/internal/invariant"

// What no write may leave behind in part three's records: premises or land
// in use in an ended community, a room outside its premises' dates or
// larger than them, a completed project without the premises it opened.
func init() {
	invariant.Register(
		&invariant.Invariant{Name: "premises.community_active", Doc: "premises end no later than their community",
			SQL: "SELECT p.id AS id, p.address || ' in use after ' || a.name || ' ended on ' || CAST(a.ended_on AS TEXT) AS detail" +
				" FROM premises p JOIN area a ON a.id = p.area_id WHERE a.ended_on IS NOT NULL AND (p.to_on IS NULL OR p.to_on > a.ended_on)"},
		&invariant.Invariant{Name: "economic_land.community_active", Doc: "land ends no later than its community",
			SQL: "SELECT l.id AS id, l.location || ' held after ' || a.name || ' ended on ' || CAST(a.ended_on AS TEXT) AS detail" +
				" FROM economic_land l JOIN area a ON a.id = l.area_id WHERE a.ended_on IS NOT NULL AND (l.to_on IS NULL OR l.to_on > a.ended_on)"},
		&invariant.Invariant{Name: "room.within_premises", Doc: "a room lies within its premises' dates and is no larger",
			SQL: "SELECT r.id AS id, r.kind || ' in ' || p.address || ' outside its premises or larger' AS detail" +
				" FROM room r JOIN premises p ON p.id = r.premises_id WHERE r.from_on < p.from_on OR r.floor_area > p.floor_area" +
				" OR (p.to_on IS NOT NULL AND (r.to_on IS NULL OR r.to_on > p.to_on))"},
		&invariant.Invariant{Name: "building_project.completed_opens", Doc: "a completed project opened the premises it built that day",
			SQL: "SELECT b.id AS id, b.name || ' completed on ' || CAST(s.reached_on AS TEXT) || ' without its premises' AS detail" +
				" FROM building_project b JOIN project_step s ON s.project_id = b.id AND s.step = 'completed'" +
				" WHERE NOT EXISTS (SELECT 1 FROM premises p WHERE p.project_id = b.id)"},
	)
}
