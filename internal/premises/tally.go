package premises

// Part three's maintained counts (internal/tally; migration 0015): each
// mirrors one figure's SQL in figures.go, which the tests hold them to.

import (
	"context"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/tally"
)

var (
	colThreeLacks    = tally.NewColumn("three_lacks")
	colOfficeSolved  = tally.NewColumn("office_solved")
	colThreeSolved   = tally.NewColumn("three_lacks_solved")
	colFundingTotal  = tally.NewColumn("funding_total")
	colBelowStandard = tally.NewColumn("below_standard")
	// Package variables, so that they exist before any init function
	// (figures.go's reads them) runs.
	colFundingBySource = newColumns("funding_", "city", "district", "subdistrict", "self", "unit", "other")
	colRoomsByKind     = newColumns("rooms_", "party_activity", "e_learning", "fitness", "library")
)

// newColumns registers a column per name, prefixed.
func newColumns(prefix string, names ...string) map[string]tally.Column {
	out := make(map[string]tally.Column, len(names))
	for _, n := range names {
		out[n] = tally.NewColumn(prefix + n)
	}
	return out
}

func init() {
	tally.AddSource(tally.RowSource("building funding",
		"SELECT b.area_id, f.source, f.received_on, f.amount FROM project_funding f JOIN building_project b ON b.id = f.project_id WHERE b.area_id IN (…)",
		func(r tally.Scanner, c tally.Counter) error {
			var area, amount int64
			var source string
			var on date.Date
			if err := r.Scan(&area, &source, &on, &amount); err != nil {
				return err
			}
			c.Start(area, colFundingBySource[source], on, amount)
			c.Start(area, colFundingTotal, on, amount)
			return nil
		}))
	// A room counts while it and its premises are both in force.
	tally.AddSource(tally.RowSource("rooms",
		"SELECT p.area_id, r.kind, r.from_on, r.to_on, p.from_on, p.to_on FROM room r JOIN premises p ON p.id = r.premises_id WHERE p.area_id IN (…)",
		func(r tally.Scanner, c tally.Counter) error {
			var area int64
			var kind string
			var rf, rt, pf, pt date.Date
			if err := r.Scan(&area, &kind, &rf, &rt, &pf, &pt); err != nil {
				return err
			}
			col, counted := colRoomsByKind[kind]
			if !counted {
				return nil
			}
			c.Within(pf, pt).Span(area, col, rf, rt)
			return nil
		}))
	tally.AddSource(tally.Source{Name: "communities' premises", Count: countCommunities})
}

// countCommunities reads each area's premises, funding, land, households
// and the standards over it, and counts the days it is a community, is
// three-lacks and is below the standard, and the premises that solved its
// lack of an office.
func countCommunities(ctx context.Context, q db.Q, in string, args []any, c tally.Counter) error {
	cs, err := loadCommunities(ctx, q, in, args)
	if err != nil {
		return err
	}
	for id, k := range cs {
		k.count(id, c)
	}
	return nil
}

// count adds one area's counts: each state holds from one day on which
// something about the area changes until the next.
func (k *community) count(id int64, c tally.Counter) {
	days := k.changes()
	for i, d := range days {
		var next date.Date
		if i+1 < len(days) {
			next = days[i+1]
		}
		if k.level == "community" && k.threeLacks(d) {
			c.Span(id, colThreeLacks, d, next)
		}
		if k.level == "community" && k.below(d) {
			c.Span(id, colBelowStandard, d, next)
		}
	}
	for _, p := range k.premises {
		before := p.from.AddDays(-1)
		if k.hasOffice(before) {
			continue
		}
		c.Start(id, colOfficeSolved, p.from, 1)
		if k.threeLacks(before) {
			c.Start(id, colThreeSolved, p.from, 1)
		}
	}
}
