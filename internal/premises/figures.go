package premises

// Part three's figures (shared/docs/domain.md, "Part three"). ?1 is the
// scope's area, ?2 the period's first day, ?3 its last.
//
// A community lacks office premises on D when none of its office or
// service premises is valid on D, office funding when no row of its
// funding for D's year is above 0, economic land when none of its land is
// valid on D; it is three-lacks on D when it is active on D and lacks all
// three. "The day before S" is written without date arithmetic (the two
// engines differ): a row valid on S−1 is one with from_on < S and
// (to_on IS NULL OR to_on >= S).

import (
	"dangjian/internal/area"
	"dangjian/internal/figures"
	"dangjian/internal/tally"
)

// officeUses are the premises that count as a community's office.
const officeUses = "('office', 'service')"

// lacksAllOn is "community a lacks office premises, funding and land on
// dateExpr".
func lacksAllOn(dateExpr string) string {
	return lacksOfficeOn(dateExpr) + "\nAND " + lacksFundingOn(dateExpr) + "\nAND " + lacksLandOn(dateExpr)
}

// lacksOfficeOn, lacksFundingOn and lacksLandOn are "community a lacks it
// on dateExpr".
func lacksOfficeOn(dateExpr string) string {
	return "NOT EXISTS (SELECT 1 FROM premises p WHERE p.area_id = a.id AND p.use IN " + officeUses + " AND " + figures.ValidRow("p", dateExpr) + ")"
}

func lacksFundingOn(dateExpr string) string {
	return "NOT EXISTS (SELECT 1 FROM office_funding f WHERE f.area_id = a.id AND f.amount > 0 AND " + figures.ValidRow("f", dateExpr) + ")"
}

func lacksLandOn(dateExpr string) string {
	return "NOT EXISTS (SELECT 1 FROM economic_land l WHERE l.area_id = a.id AND " + figures.ValidRow("l", dateExpr) + ")"
}

// validBefore is "x valid on the day before start".
func validBefore(x, start string) string {
	return x + ".from_on < " + start + " AND (" + x + ".to_on IS NULL OR " + x + ".to_on >= " + start + ")"
}

// communitiesOn lists the communities in scope active on dateExpr.
func communitiesOn(dateExpr, extra string) string {
	return figures.SQLJoin(
		"SELECT a.id AS id, a.id AS area_id, "+figures.NameAt("a.id", dateExpr, "a.name")+" AS name, a.established_on AS on_date, '' AS detail, 0 AS flag",
		"FROM area a",
		figures.Under("a.id", dateExpr),
		"WHERE a.level = 'community' AND "+figures.Active("a", "established_on", dateExpr)+extra,
	)
}

// solvedPremises lists, per community in scope, the office or service
// premises started in the period that it lacked the day before;
// threeLacks keeps those whose community was three-lacks that day.
func solvedPremises(threeLacks bool) string {
	extra := ""
	if threeLacks {
		extra = figures.SQLJoin("",
			"AND a.established_on < p.from_on AND (a.ended_on IS NULL OR a.ended_on >= p.from_on)",
			"AND NOT EXISTS (SELECT 1 FROM office_funding f WHERE f.area_id = a.id AND f.amount > 0 AND "+validBefore("f", "p.from_on")+")",
			"AND NOT EXISTS (SELECT 1 FROM economic_land l WHERE l.area_id = a.id AND "+validBefore("l", "p.from_on")+")")
	}
	return figures.SQLJoin(
		"SELECT a.id AS id, a.id AS area_id, "+figures.NameAt("a.id", "p.from_on", "a.name")+" AS name, p.from_on AS on_date, p.address AS detail, 0 AS flag",
		"FROM premises p JOIN area a ON a.id = p.area_id",
		figures.Under("p.area_id", "p.from_on"),
		"WHERE p.use IN "+officeUses+" AND p.from_on >= ?2 AND p.from_on <= ?3",
		"AND NOT EXISTS (SELECT 1 FROM premises p2 WHERE p2.area_id = p.area_id AND p2.use IN "+officeUses+" AND "+validBefore("p2", "p.from_on")+")"+extra,
	)
}

// fundingBy lists the funding rows received in the period by projects of
// communities in scope, of one source ("" for all); the flag carries the
// amount in fen.
func fundingBy(source string) string {
	where := "WHERE f.received_on >= ?2 AND f.received_on <= ?3"
	if source != "" {
		where += " AND f.source = '" + source + "'"
	}
	return figures.SQLJoin(
		"SELECT f.id AS id, b.area_id AS area_id, b.name AS name, f.received_on AS on_date, f.source AS detail, f.amount AS flag",
		"FROM project_funding f JOIN building_project b ON b.id = f.project_id",
		figures.Under("b.area_id", "f.received_on"),
		where,
	)
}

// roomsOf lists the rooms of one kind valid at the period's end in
// premises valid then, of communities in scope.
func roomsOf(kind string) string {
	return figures.SQLJoin(
		"SELECT r.id AS id, p.area_id AS area_id, "+figures.NameAt("p.area_id", "?3", "''")+" AS name, r.from_on AS on_date, p.address AS detail, 0 AS flag",
		"FROM room r JOIN premises p ON p.id = r.premises_id",
		figures.Under("p.area_id", "?3"),
		"WHERE r.kind = '"+kind+"' AND "+figures.ValidRow("r", "?3")+" AND "+figures.ValidRow("p", "?3"),
	)
}

// belowStandard lists the communities in scope active at the period's end
// whose office and service floor area then is below the standard in force:
// the one set at the nearest area at or above them (the latest from that
// area on or before ?3), max(minimum, per 100 households × households ÷
// 100) with the latest household count; communities without a standard
// are left out. The detail is the floor area they have, in 0.01 m².
var belowStandard = figures.SQLJoin(
	"SELECT a.id AS id, a.id AS area_id, "+figures.NameAt("a.id", "?3", "a.name")+" AS name, st.from_on AS on_date, CAST("+floorOn("?3")+" AS TEXT) AS detail, 0 AS flag",
	"FROM area a",
	figures.Under("a.id", "?3"),
	standardInForce("?3"),
	"WHERE a.level = 'community' AND "+figures.Active("a", "established_on", "?3"),
	"AND ("+floorOn("?3")+" < st.min_area OR "+floorOn("?3")+" * 100 < st.per_100_households * "+householdsOn("?3")+")",
)

// standardInForce joins st, the standard in force for community a on
// dateExpr: set at the nearest area at or above it, the latest from on or
// before dateExpr.
func standardInForce(dateExpr string) string {
	return figures.SQLJoin(
		"JOIN premises_standard st ON st.id = (SELECT s2.id FROM premises_standard s2",
		"  JOIN area_closure c2 ON c2.ancestor_id = s2.area_id AND c2.descendant_id = a.id AND "+figures.ValidRow("c2", dateExpr),
		"  WHERE s2.from_on <= "+dateExpr+" ORDER BY c2.depth, s2.from_on DESC, s2.id DESC LIMIT 1)")
}

// floorOn is community a's office and service floor area valid on
// dateExpr.
func floorOn(dateExpr string) string {
	return "COALESCE((SELECT SUM(p.floor_area) FROM premises p WHERE p.area_id = a.id AND p.use IN " + officeUses +
		" AND " + figures.ValidRow("p", dateExpr) + "), 0)"
}

// householdsOn is community a's latest household count on or before
// dateExpr.
func householdsOn(dateExpr string) string {
	return "COALESCE((SELECT hc.households FROM household_count hc WHERE hc.area_id = a.id AND hc.counted_on <= " + dateExpr +
		" ORDER BY hc.counted_on DESC, hc.id DESC LIMIT 1), 0)"
}

func init() {
	figures.Register(
		&figures.Figure{
			Key: "communities.at_start", Part: 3, RecordKind: "area",
			LabelZH: "期初社区居委", LabelEN: "Communities at the start", UnitZH: "个",
			Tally: &figures.Tallied{Column: area.TallyCommunities, AtStart: true},
			SQL:   communitiesOn("?2", ""),
		},
		&figures.Figure{
			Key: "communities.three_lacks_at_start", Part: 3, RecordKind: "area",
			LabelZH: "期初“三无”社区居委", LabelEN: "Three-lacks communities at the start", UnitZH: "个",
			Tally: &figures.Tallied{Column: colThreeLacks, AtStart: true},
			SQL:   communitiesOn("?2", " AND "+lacksAllOn("?2")),
		},
		&figures.Figure{
			Key: "communities.three_lacks_at_end", Part: 3, RecordKind: "area",
			LabelZH: "期末“三无”社区居委", LabelEN: "Three-lacks communities at the end", UnitZH: "个",
			Tally: &figures.Tallied{Column: colThreeLacks},
			SQL:   communitiesOn("?3", " AND "+lacksAllOn("?3")),
		},
		&figures.Figure{
			Key: "premises.solved", Part: 3, RecordKind: "area",
			LabelZH: "解决办公用房的社区居委", LabelEN: "Communities given office premises", UnitZH: "个",
			Tally: &figures.Tallied{Column: colOfficeSolved, Started: true, Distinct: true},
			SQL:   solvedPremises(false),
		},
		&figures.Figure{
			Key: "premises.solved_three_lacks", Part: 3, RecordKind: "area",
			LabelZH: "解决办公用房的“三无”社区居委", LabelEN: "Three-lacks communities given office premises", UnitZH: "个",
			Tally: &figures.Tallied{Column: colThreeSolved, Started: true, Distinct: true},
			SQL:   solvedPremises(true),
		},
	)
	for _, src := range []struct{ key, source, zh, en string }{
		{"funding.city", "city", "市出资", "Funding from the city"},
		{"funding.district", "district", "区出资", "Funding from the district"},
		{"funding.subdistrict", "subdistrict", "街道出资", "Funding from subdistricts"},
		{"funding.self", "self", "居委自筹", "Funding raised by committees"},
		{"funding.unit", "unit", "单位出资", "Funding from units"},
		{"funding.other", "other", "其他来源资金", "Funding from other sources"},
		{"funding.total", "", "办公用房建设资金合计", "Building funding in all"},
	} {
		figures.Register(&figures.Figure{
			Key: src.key, Part: 3, RecordKind: "project_funding", Agg: figures.Sum, Scale: 1e6,
			LabelZH: src.zh, LabelEN: src.en, UnitZH: "万元", UnitEN: "10k yuan",
			SQL:   fundingBy(src.source),
			Tally: &figures.Tallied{Column: fundingColumn(src.source), Started: true},
		})
	}
	for _, r := range []struct{ kind, zh, en string }{
		{"party_activity", "党员活动室", "Party activity rooms"},
		{"e_learning", "电教室", "E-learning rooms"},
		{"fitness", "健身室", "Fitness rooms"},
		{"library", "图书馆", "Libraries"},
	} {
		figures.Register(&figures.Figure{
			Key: "rooms." + r.kind, Part: 3, RecordKind: "room",
			LabelZH: r.zh, LabelEN: r.en, UnitZH: "个",
			SQL:   roomsOf(r.kind),
			Tally: &figures.Tallied{Column: colRoomsByKind[r.kind]},
		})
	}
	figures.Register(&figures.Figure{
		Key: "premises.below_standard", Part: 3, RecordKind: "area",
		LabelZH: "用房面积未达标的社区", LabelEN: "Communities below the premises standard", UnitZH: "个",
		Tally: &figures.Tallied{Column: colBelowStandard},
		SQL:   belowStandard,
	})
}

// fundingColumn is the count of one source's funding ("" for all).
func fundingColumn(source string) tally.Column {
	if source == "" {
		return colFundingTotal
	}
	return colFundingBySource[source]
}
