package people

import "dangjian/internal/invariant"

// What no write may leave behind in people's records: an active membership,
// post or registration in an ended organisation or community, or an active
// unit located in an ended community.
func init() {
	invariant.Register(
		&invariant.Invariant{Name: "membership.org_active", Doc: "a membership ends no later than its party organisation",
			SQL: "SELECT m.id AS id, 'membership of ' || o.name || ' open after the organisation ended on ' || CAST(o.ended_on AS TEXT) AS detail" +
				" FROM membership m JOIN party_org o ON o.id = m.org_id WHERE o.ended_on IS NOT NULL AND (m.to_on IS NULL OR m.to_on > o.ended_on)"},
		&invariant.Invariant{Name: "post.org_active", Doc: "a post ends no later than its party organisation",
			SQL: "SELECT p.id AS id, p.role || ' of ' || o.name || ' open after the organisation ended on ' || CAST(o.ended_on AS TEXT) AS detail" +
				" FROM post p JOIN party_org o ON o.id = p.org_id WHERE o.ended_on IS NOT NULL AND (p.to_on IS NULL OR p.to_on > o.ended_on)"},
		&invariant.Invariant{Name: "post.community_active", Doc: "a director's post ends no later than the community",
			SQL: "SELECT p.id AS id, 'director of ' || a.name || ' open after the community ended on ' || CAST(a.ended_on AS TEXT) AS detail" +
				" FROM post p JOIN area a ON a.id = p.area_id WHERE a.ended_on IS NOT NULL AND (p.to_on IS NULL OR p.to_on > a.ended_on)"},
		&invariant.Invariant{Name: "registration.org_active", Doc: "a unit organisation's registration ends no later than the organisation",
			SQL: "SELECT r.id AS id, 'registration of ' || o.name || ' open after the organisation ended on ' || CAST(o.ended_on AS TEXT) AS detail" +
				" FROM registration r JOIN party_org o ON o.id = r.org_id WHERE o.ended_on IS NOT NULL AND (r.to_on IS NULL OR r.to_on > o.ended_on)"},
		&invariant.Invariant{Name: "registration.community_active", Doc: "a registration ends no later than its community",
			SQL: "SELECT r.id AS id, 'registration with ' || a.name || ' open after the community ended on ' || CAST(a.ended_on AS TEXT) AS detail" +
				" FROM registration r JOIN area a ON a.id = r.area_id WHERE a.ended_on IS NOT NULL AND (r.to_on IS NULL OR r.to_on > a.ended_on)"},
		&invariant.Invariant{Name: "unit.community_active", Doc: "a unit's location ends no later than its community",
			SQL: "SELECT l.unit_id AS id, 'located in ' || a.name || ' after the community ended on ' || CAST(a.ended_on AS TEXT) AS detail" +
				" FROM unit_location l JOIN area a ON a.id = l.area_id WHERE a.ended_on IS NOT NULL AND (l.to_on IS NULL OR l.to_on > a.ended_on)"},
	)
}
