package people

// Part one of the speech, its people: members, posts, stationed units and
// dual registration. Definitions: shared/docs/domain.md,
// "How the figures are counted".
//
// A party organisation stands where its area is; a unit's own organisation
// (area_id NULL, unit_id set) stands where its unit is located on the date.

import (
	"dangjian/internal/area"
	"dangjian/internal/figures"
	"dangjian/internal/tally"
)

// communityOrgAtEnd joins the community (alias a, active at period end, in
// scope as of ?3) a party organisation o is attached to.
var communityOrgAtEnd = figures.SQLJoin(
	"JOIN area a ON a.id = o.area_id AND a.level = 'community' AND "+figures.Active("a", "established_on", "?3"),
	figures.Under("a.id", "?3"),
)

func init() {
	figures.Register(
		&figures.Figure{
			Key: "members.total", Part: 1, RecordKind: "person",
			Tally:   &figures.Tallied{Column: tally.Members},
			LabelZH: "党员", LabelEN: "Party members",
			UnitZH: "名", UnitEN: "",
			// Two branches: organisations attached to an area, and units' own
			// organisations placed by their unit's location on ?3 (so each
			// branch joins area_closure on an indexed column).
			SQL: figures.SQLJoin(
				"SELECT p.id AS id, o.area_id AS area_id, p.name AS name, m.from_on AS on_date, o.name AS detail, 0 AS flag",
				"FROM membership m JOIN person p ON p.id = m.person_id JOIN party_org o ON o.id = m.org_id",
				figures.Under("o.area_id", "?3"),
				"WHERE "+figures.ValidRow("m", "?3"),
				"UNION ALL",
				"SELECT p.id AS id, ul.area_id AS area_id, p.name AS name, m.from_on AS on_date, o.name AS detail, 0 AS flag",
				"FROM membership m JOIN person p ON p.id = m.person_id JOIN party_org o ON o.id = m.org_id AND o.unit_id IS NOT NULL",
				"JOIN unit_location ul ON ul.unit_id = o.unit_id AND "+figures.ValidRow("ul", "?3"),
				figures.Under("ul.area_id", "?3"),
				"WHERE "+figures.ValidRow("m", "?3"),
			),
		},
		&figures.Figure{
			Key: "members.enrolled", Part: 1, RecordKind: "membership",
			Tally:   &figures.Tallied{Column: tally.Enrolled, Started: true},
			LabelZH: "纳入社区党支部管理的党员", LabelEN: "Members enrolled into community branches",
			UnitZH: "名", UnitEN: "",
			// Community-level: the organisation is attached to a community;
			// in scope as the tree stood on the membership's first day.
			SQL: figures.SQLJoin(
				"SELECT m.id AS id, a.id AS area_id, p.name AS name, m.from_on AS on_date, m.start_reason || ' ' || o.name AS detail, 0 AS flag",
				"FROM membership m JOIN person p ON p.id = m.person_id JOIN party_org o ON o.id = m.org_id",
				"JOIN area a ON a.id = o.area_id AND a.level = 'community'",
				figures.Under("a.id", "m.from_on"),
				"WHERE m.start_reason IN ('enrolment', 'transfer_in') AND m.from_on >= ?2 AND m.from_on <= ?3",
			),
		},
		&figures.Figure{
			Key: "posts.cross_appointed", Part: 1, RecordKind: "area",
			Tally:   &figures.Tallied{Column: tally.CrossAppointed, Where: &area.TallyCommunities},
			LabelZH: "社区党支部书记和居委会主任交叉任职", LabelEN: "Communities with the branch secretary cross-appointed as director",
			UnitZH: "个", UnitEN: "",
			SQL: figures.SQLJoin(
				"SELECT a.id AS id, a.id AS area_id, "+figures.NameAt("a.id", "?3", "a.name")+" AS name,",
				"  CASE WHEN sp.from_on > d.from_on THEN sp.from_on ELSE d.from_on END AS on_date, pe.name AS detail, 0 AS flag",
				"FROM post d",
				"JOIN area a ON a.id = d.area_id AND a.level = 'community' AND "+figures.Active("a", "established_on", "?3"),
				figures.Under("a.id", "?3"),
				"JOIN party_org o ON o.area_id = a.id",
				"JOIN post sp ON sp.org_id = o.id AND sp.role = 'secretary' AND sp.person_id = d.person_id AND "+figures.ValidRow("sp", "?3"),
				"JOIN person pe ON pe.id = d.person_id",
				"WHERE d.role = 'director' AND "+figures.ValidRow("d", "?3"),
			),
		},
		&figures.Figure{
			Key: "posts.concurrent_from_units", Part: 1, RecordKind: "post",
			Tally:   &figures.Tallied{Column: tally.ConcurrentPosts, Where: &area.TallyCommunities},
			LabelZH: "驻区单位党员领导干部任社区党组织兼职委员", LabelEN: "Concurrent committee members from stationed units",
			UnitZH: "名", UnitEN: "",
			SQL: figures.SQLJoin(
				"SELECT cp.id AS id, a.id AS area_id, pe.name AS name, cp.from_on AS on_date, u.name AS detail, 0 AS flag",
				"FROM post cp JOIN party_org o ON o.id = cp.org_id",
				communityOrgAtEnd,
				"JOIN person pe ON pe.id = cp.person_id",
				"JOIN unit u ON u.id = cp.unit_id",
				"WHERE cp.role = 'concurrent_member' AND "+figures.ValidRow("cp", "?3"),
			),
		},
		&figures.Figure{
			Key: "units.total", Part: 1, RecordKind: "unit",
			Tally:   &figures.Tallied{Column: tally.Units},
			LabelZH: "驻区单位", LabelEN: "Stationed units",
			UnitZH: "个", UnitEN: "",
			SQL: figures.SQLJoin(
				"SELECT u.id AS id, l.area_id AS area_id, u.name AS name, u.started_on AS on_date, u.rank AS detail, 0 AS flag",
				"FROM unit u JOIN unit_location l ON l.unit_id = u.id AND "+figures.ValidRow("l", "?3"),
				figures.Under("l.area_id", "?3"),
				"WHERE "+figures.Active("u", "started_on", "?3"),
			),
		},
		&figures.Figure{
			Key: "units.with_concurrent_member", Part: 1, RecordKind: "unit",
			Tally:   &figures.Tallied{Column: tally.UnitsWithConcurrent},
			LabelZH: "选派党员领导干部任社区党组织兼职委员的驻区单位", LabelEN: "Stationed units with a leader on a community committee",
			UnitZH: "个", UnitEN: "",
			// detail is the unit's rank (division, section, none).
			SQL: figures.SQLJoin(
				"SELECT u.id AS id, l.area_id AS area_id, u.name AS name, cp.from_on AS on_date, u.rank AS detail, 0 AS flag",
				"FROM post cp JOIN unit u ON u.id = cp.unit_id",
				"JOIN unit_location l ON l.unit_id = u.id AND "+figures.ValidRow("l", "?3"),
				figures.Under("l.area_id", "?3"),
				"WHERE cp.role = 'concurrent_member' AND "+figures.ValidRow("cp", "?3"),
			),
		},
		&figures.Figure{
			Key: "registrations.in_service_members", Part: 1, RecordKind: "registration",
			Tally:   &figures.Tallied{Column: tally.RegMembers},
			LabelZH: "在职党员到社区报到", LabelEN: "In-service members registered with their community",
			UnitZH: "名", UnitEN: "",
			SQL: registrationSQL("member", "JOIN person w ON w.id = r.person_id"),
		},
		&figures.Figure{
			Key: "registrations.units", Part: 1, RecordKind: "registration",
			Tally:   &figures.Tallied{Column: tally.RegUnits},
			LabelZH: "驻区单位党组织到社区报到", LabelEN: "Stationed units' party organisations registered with their community",
			UnitZH: "个", UnitEN: "",
			SQL: registrationSQL("unit", "JOIN party_org w ON w.id = r.org_id"),
		},
	)
}

// registrationSQL lists the registrations of kind with communities in
// scope, active at period end; who joins the registered person or
// organisation as w.
func registrationSQL(kind, who string) string {
	return figures.SQLJoin(
		"SELECT r.id AS id, r.area_id AS area_id, w.name AS name, r.from_on AS on_date, "+figures.NameAt("r.area_id", "?3", "''")+" AS detail, 0 AS flag",
		"FROM registration r "+who,
		figures.Under("r.area_id", "?3"),
		"WHERE r.kind = '"+kind+"' AND "+figures.ValidRow("r", "?3"),
	)
}
