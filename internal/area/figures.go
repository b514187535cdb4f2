package area

// Part one of the speech (organisation network) and the re-formations that
// open part two. Definitions: shared/docs/domain.md, "How the figures are counted".

import "dangjian/internal/figures"

var activeCommunityAtEnd = figures.SQLJoin(
	"FROM area a",
	figures.Under("a.id", "?3"),
	"WHERE a.level = 'community' AND "+figures.Active("a", "established_on", "?3"),
)

func init() {
	figures.Register(
		&figures.Figure{
			Key: "communities.merged_or_adjusted", Part: 1, RecordKind: "area",
			LabelZH: "合并、调整社区居委", LabelEN: "Communities merged or adjusted",
			UnitZH: "个", UnitEN: "",
			// The id counted is the community (distinct), so a record's id
			// names the community; each event is a record, its detail the
			// event's kind.
			SQL: figures.ByBreadth(
				"SELECT a.id AS id, a.id AS area_id, "+figures.NameAt("a.id", "e.on_date", "a.name")+" AS name, e.on_date AS on_date, e.kind AS detail, 0 AS flag",
				"area_event e CROSS JOIN area a CROSS JOIN area_closure sc", "area_closure sc CROSS JOIN area_event e CROSS JOIN area a",
				"WHERE a.id = e.area_id AND a.level = 'community' AND "+figures.UnderWhere("e.area_id", "e.on_date"),
				"  AND e.kind IN ('merge', 'split', 'adjust') AND e.on_date >= ?2 AND e.on_date <= ?3",
			),
		},
		&figures.Figure{
			Key: "communities.created", Part: 1, RecordKind: "area",
			LabelZH: "新增设社区居委", LabelEN: "Communities created",
			UnitZH: "个", UnitEN: "",
			SQL: figures.ByBreadth(
				"SELECT a.id AS id, a.id AS area_id, "+figures.NameAt("a.id", "a.established_on", "a.name")+" AS name, a.established_on AS on_date, "+
					"CASE WHEN EXISTS (SELECT 1 FROM area_event_result x WHERE x.area_id = a.id) THEN 'split' ELSE 'create' END AS detail, 0 AS flag",
				"area a CROSS JOIN area_closure sc", "area_closure sc CROSS JOIN area a",
				"WHERE "+figures.UnderWhere("a.id", "a.established_on"),
				"  AND a.level = 'community' AND a.established_on >= ?2 AND a.established_on <= ?3",
			),
		},
		&figures.Figure{
			Key: "communities.total", Part: 1, RecordKind: "area",
			LabelZH: "社区居委会", LabelEN: "Communities",
			UnitZH: "个", UnitEN: "",
			Tally: &figures.Tallied{Column: TallyCommunities},
			SQL:   "SELECT a.id AS id, a.id AS area_id, " + figures.NameAt("a.id", "?3", "a.name") + " AS name, a.established_on AS on_date, '' AS detail, 0 AS flag\n" + activeCommunityAtEnd,
		},
		&figures.Figure{
			Key: "branches.community.total", Part: 1, RecordKind: "party_org",
			LabelZH: "社区党支部", LabelEN: "Community party branches",
			UnitZH: "个", UnitEN: "",
			Tally: &figures.Tallied{Column: tallyBranches},
			SQL: figures.SQLJoin(
				"SELECT o.id AS id, a.id AS area_id, o.name AS name, o.started_on AS on_date, "+figures.NameAt("a.id", "?3", "a.name")+" AS detail, 0 AS flag",
				"FROM party_org o JOIN area a ON a.id = o.area_id AND a.level = 'community' AND "+figures.Active("a", "established_on", "?3"),
				figures.Under("a.id", "?3"),
				"WHERE o.kind = 'branch' AND "+figures.Active("o", "started_on", "?3"),
			),
		},
		&figures.Figure{
			Key: "coverage.branch_per_community", Part: 1, RecordKind: "area", Agg: figures.Percent,
			LabelZH: "“一居一支部”覆盖率", LabelEN: "One branch per community (coverage)",
			UnitZH: "%", UnitEN: "%",
			// flag = 1 when the community has an active party organisation of any kind.
			Tally: &figures.Tallied{Column: TallyCommunities, Flagged: tallyCovered},
			SQL: "SELECT a.id AS id, a.id AS area_id, " + figures.NameAt("a.id", "?3", "a.name") + " AS name, a.established_on AS on_date, '' AS detail,\n" +
				"  CASE WHEN EXISTS (SELECT 1 FROM party_org o WHERE o.area_id = a.id AND " + figures.Active("o", "started_on", "?3") + ") THEN 1 ELSE 0 END AS flag\n" +
				activeCommunityAtEnd,
		},
		&figures.Figure{
			Key: "party_orgs.reformed_as_working_committee", Part: 2, RecordKind: "party_org_event",
			LabelZH: "街道党委改为街道党工委", LabelEN: "Subdistrict committees re-formed as working committees",
			UnitZH: "个", UnitEN: "",
			SQL: reformedSQL("s.kind = 'working_committee'"),
		},
		&figures.Figure{
			Key: "party_orgs.reformed_as_community_branch", Part: 2, RecordKind: "party_org_event",
			LabelZH: "居民区党支部改为社区党支部", LabelEN: "Residents' branches re-formed as community branches",
			UnitZH: "个", UnitEN: "",
			SQL: reformedSQL("s.kind = 'branch' AND sa.level = 'community'"),
		},
	)
}

// reformedSQL lists re-formation events in the period, in scope on the
// event's date, whose successor matches cond. The record's name is the
// successor, its detail the predecessor. A city re-forms a few hundred
// organisations a year: a district or wider walks them and checks each
// one's area; a subdistrict or community starts from its own areas'
// organisations (party_org_event_successor) instead.
func reformedSQL(cond string) string {
	return figures.ByBreadth(
		"SELECT e.id AS id, s.area_id AS area_id, s.name AS name, e.on_date AS on_date, p.name AS detail, 0 AS flag",
		"party_org_event e CROSS JOIN party_org s CROSS JOIN party_org p CROSS JOIN area sa CROSS JOIN area_closure sc",
		"area_closure sc CROSS JOIN party_org s CROSS JOIN party_org_event e CROSS JOIN party_org p CROSS JOIN area sa",
		"WHERE s.id = e.successor_id AND p.id = e.org_id AND sa.id = s.area_id AND "+figures.UnderWhere("s.area_id", "e.on_date"),
		"  AND e.kind = 'reform' AND e.on_date >= ?2 AND e.on_date <= ?3 AND "+cond,
	)
}
