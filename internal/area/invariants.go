package area

import "dangjian/internal/invariant"

// What no write may leave behind in the tree: a party organisation of an
// area that has ended still active.
func init() {
	invariant.Register(&invariant.Invariant{Name: "party_org.area_active", Doc: "a party organisation ends no later than its area",
		SQL: "SELECT o.id AS id, o.name || ' active after ' || a.name || ' ended on ' || CAST(a.ended_on AS TEXT) AS detail" +
			" FROM party_org o JOIN area a ON a.id = o.area_id WHERE a.ended_on IS NOT NULL AND (o.ended_on IS NULL OR o.ended_on > a.ended_on)"})
}
