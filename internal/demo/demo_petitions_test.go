package demo

import (
	"context"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
	"dangjian/internal/services"
)

// TestDemoPetitions: the demo's petitions over its years: last year three
// collective cases resolved, rates below 100 (some late, some
// unsatisfied), departments enough to rank; this year some open and
// overdue; every phone encrypted.
func TestDemoPetitions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		today := date.MustParse("2025-06-30")
		ctx := context.Background()
		s := area.NewStore(d)
		s.Today = func() date.Date { return today }
		if err := LoadWith(ctx, s, testKeys(t)); err != nil {
			t.Fatal(err)
		}
		root, err := s.Root(ctx)
		if err != nil {
			t.Fatal(err)
		}
		last := figures.Scope{AreaID: root.ID, From: date.MustParse("2024-01-01"), To: date.MustParse("2024-12-31")}
		for key, check := range map[string]func(float64) bool{
			"petitions.collective_resolved": func(v float64) bool { return v == 3 },
			"petitions.response_rate":       func(v float64) bool { return v > 50 && v < 100 },
			"petitions.resolution_rate":     func(v float64) bool { return v > 50 && v <= 100 },
			"petitions.satisfaction_rate":   func(v float64) bool { return v > 50 && v < 100 },
		} {
			v, err := figures.Get(key).Compute(ctx, d.Reader(), last)
			if err != nil || !check(v) {
				t.Errorf("2024: %s = %v, %v", key, v, err)
			}
		}
		ps := services.NewPetitionStore(d, s, testKeys(t))
		ps.Today, ps.Now = s.Today, services.NoonOf(s.Today)
		rep, err := ps.Report(ctx, root.ID, last.From, last.To, "")
		if err != nil || len(rep.Ranking) == 0 {
			t.Errorf("2024's ranking: %+v, %v", rep.Ranking, err)
		}
		open, err := ps.ListPetitions(ctx, services.PetitionFilter{Status: "open", Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		overdue := 0
		for _, p := range open {
			if p.Overdue(ps.Now()) {
				overdue++
			}
		}
		closed, err := ps.ListPetitions(ctx, services.PetitionFilter{Status: "closed", Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		late := 0
		for _, p := range closed {
			if p.Late() {
				late++
			}
		}
		var collective, plain int
		q := d.Reader()
		if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM petition_case WHERE collective = 1 AND headcount >= 2").Scan(&collective); err != nil {
			t.Fatal(err)
		}
		if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM petition_request WHERE caller_phone_enc IS NULL OR caller_phone_enc NOT LIKE 'v1:%'").Scan(&plain); err != nil {
			t.Fatal(err)
		}
		if overdue == 0 || late == 0 || collective < 12 || plain != 0 {
			t.Errorf("overdue open %d, resolved late %d, collective %d, phones not encrypted %d", overdue, late, collective, plain)
		}
	})
}
