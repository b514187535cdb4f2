package services

// Part four (b)'s maintained counts but the petitions' (internal/tally;
// migration 0020): each mirrors one figure's SQL in figures.go, which the
// tests hold them to.

import (
	"dangjian/internal/date"
	"dangjian/internal/tally"
)

var (
	colSubdistricts  = tally.NewColumn("subdistricts")
	colSafe          = tally.NewColumn("safe_neighbourhoods")
	colPersonTimes   = tally.NewColumn("person_times")
	colPlacements    = tally.NewColumn("placements")
	colDeeds         = tally.NewColumn("good_deeds")
	colOutletsByKind = columnsOf("outlets_", OutletKinds[:6])
	colPersonsByKind = columnsOf("person_times_", ServiceKinds)
)

// columnsOf registers a column per kind, named prefix + kind.
func columnsOf[K ~string](prefix string, kinds []K) map[K]tally.Column {
	out := make(map[K]tally.Column, len(kinds))
	for _, k := range kinds {
		out[k] = tally.NewColumn(prefix + string(k))
	}
	return out
}

func init() {
	tally.AddSource(tally.RowSource("subdistricts",
		"SELECT a.id, a.established_on, a.ended_on FROM area a WHERE a.level = 'subdistrict' AND a.id IN (…)",
		func(r tally.Scanner, c tally.Counter) error {
			var id int64
			var from, to date.Date
			if err := r.Scan(&id, &from, &to); err != nil {
				return err
			}
			c.Span(id, colSubdistricts, from, to)
			return nil
		}))
	tally.AddSource(tally.RowSource("service outlets",
		"SELECT o.area_id, o.kind, o.from_on, o.to_on FROM outlet o WHERE o.area_id IN (…)",
		func(r tally.Scanner, c tally.Counter) error {
			var area int64
			var kind OutletKind
			var from, to date.Date
			if err := r.Scan(&area, &kind, &from, &to); err != nil {
				return err
			}
			if col, ok := colOutletsByKind[kind]; ok {
				c.Span(area, col, from, to)
			}
			return nil
		}))
	tally.AddSource(tally.RowSource("safe neighbourhoods",
		"SELECT d.area_id, d.from_on, d.to_on FROM designation d WHERE d.kind = 'safe_civilised_neighbourhood' AND d.area_id IN (…)",
		func(r tally.Scanner, c tally.Counter) error {
			var area int64
			var from, to date.Date
			if err := r.Scan(&area, &from, &to); err != nil {
				return err
			}
			c.Span(area, colSafe, from, to)
			return nil
		}))
	tally.AddSource(tally.RowSource("service records",
		"SELECT r.area_id, r.kind, r.on_date, r.person_times FROM service_record r WHERE r.area_id IN (…)",
		func(r tally.Scanner, c tally.Counter) error {
			var area, n int64
			var kind ServiceKind
			var on date.Date
			if err := r.Scan(&area, &kind, &on, &n); err != nil {
				return err
			}
			c.Start(area, colPersonTimes, on, n)
			if col, ok := colPersonsByKind[kind]; ok {
				c.Start(area, col, on, n)
			}
			return nil
		}))
	for _, s := range []struct {
		name, query string
		col         tally.Column
	}{
		{"placements", "SELECT p.area_id, p.placed_on FROM placement p WHERE p.area_id IN (…)", colPlacements},
		{"good deeds", "SELECT g.area_id, g.done_on FROM good_deed g WHERE g.area_id IN (…)", colDeeds},
	} {
		tally.AddSource(tally.RowSource(s.name, s.query, func(r tally.Scanner, c tally.Counter) error {
			var area int64
			var on date.Date
			if err := r.Scan(&area, &on); err != nil {
				return err
			}
			c.Start(area, s.col, on, 1)
			return nil
		}))
	}
}
