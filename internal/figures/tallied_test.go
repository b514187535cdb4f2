package figures_test

import (
	"context"
	"testing"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
	"dangjian/internal/people"
	"dangjian/internal/tally"
)

// requireTallyClean fails unless the maintained counts are up to date, so
// that Compute reads them rather than falling back to counting rows.
func requireTallyClean(t *testing.T, dbh *db.DB) {
	t.Helper()
	clean, err := tally.Clean(context.Background(), dbh.Reader())
	if err != nil {
		t.Fatal(err)
	}
	if !clean {
		t.Fatal("tally_dirty is not empty after the writes: a write path did not flush")
	}
}

// tallied are the figures read from the maintained counts.
func tallied() []*figures.Figure {
	var out []*figures.Figure
	for _, f := range figures.All() {
		if f.Tally != nil {
			out = append(out, f)
		}
	}
	return out
}

// checkTallyAgainstRows computes every tallied figure for every area of the
// database as scope and each period, from the counts and from the rows, and
// fails on any difference. It returns how many values it compared.
func checkTallyAgainstRows(t *testing.T, dbh *db.DB, periods [][2]date.Date) int {
	t.Helper()
	ctx := context.Background()
	q := dbh.Reader()
	requireTallyClean(t, dbh)
	rows, err := q.QueryContext(ctx, "SELECT id FROM area ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	var areas []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		areas = append(areas, id)
	}
	rows.Close()
	n := 0
	for _, a := range areas {
		for _, p := range periods {
			s := figures.Scope{AreaID: a, From: p[0], To: p[1]}
			all, err := figures.ComputeAll(ctx, q, s, "zh")
			if err != nil {
				t.Fatal(err)
			}
			byKey := map[string]float64{}
			for _, v := range all {
				byKey[v.Key] = v.Value
			}
			for _, f := range tallied() {
				slow, err := f.CountRows(ctx, q, s)
				if err != nil {
					t.Fatal(err)
				}
				if byKey[f.Key] != slow {
					t.Errorf("area %d %s…%s %s: counts %v, rows %v", a, p[0], p[1], f.Key, byKey[f.Key], slow)
				}
				n++
			}
		}
	}
	return n
}

// periods are whole years, single days on and around the hand-built
// district's events, and spans across them.
func fixturePeriods() [][2]date.Date {
	var out [][2]date.Date
	for y := 2018; y <= 2026; y++ {
		f, l := date.YearBounds(y)
		out = append(out, [2]date.Date{f, l})
	}
	for _, s := range []string{"2024-02-29", "2024-03-01", "2024-05-01", "2024-05-14", "2024-05-15",
		"2024-06-01", "2024-08-31", "2024-09-01", "2025-06-01", "2025-06-30", "2025-07-01", "2025-08-01"} {
		out = append(out, [2]date.Date{d(s), d(s)})
	}
	for _, p := range [][2]string{{"2024-02-15", "2024-06-15"}, {"2024-04-15", "2024-05-20"}, {"2023-06-01", "2025-06-01"}} {
		out = append(out, [2]date.Date{d(p[0]), d(p[1])})
	}
	return out
}

// TestTallyMatchesRowsOnHandBuiltDistrict holds the maintained counts to
// the row-level definitions on the hand-built district, then again after
// each kind of later change: a transfer, a unit's move and end, a post and
// a registration ended, a concurrent member added to a unit that has one.
func TestTallyMatchesRowsOnHandBuiltDistrict(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		f := buildFixture(t, dbh)
		s := addPeople(t, dbh, f)
		checkTallyAgainstRows(t, dbh, fixturePeriods())

		ctx := context.Background()
		ok := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		steps := []struct {
			name string
			do   func()
		}{
			{"transfer P2 from 乙二 to 甲四", func() {
				_, err := s.Transfer(ctx, people.TransferInput{MembershipID: f.ids["P2.m"], ToOrgID: f.ids["a4.org"], On: d("2025-03-01")})
				ok(err)
			}},
			{"move unit 市委党校 to 甲五", func() {
				ok(s.MoveUnit(ctx, people.MoveUnitInput{UnitID: f.ids["U1"], AreaID: f.ids["a5"], On: d("2025-06-01")}))
			}},
			{"a second concurrent member from the same unit", func() {
				_, err := s.Appoint(ctx, people.PostInput{PersonID: f.ids["P3"], Role: people.ConcurrentMember, OrgID: f.ids["a5.org"], UnitID: f.ids["U1"], From: d("2025-06-15")})
				ok(err)
			}},
			{"end the unit registration", func() {
				regs, err := s.Registrations(ctx, f.ids["b2"], people.UnitRegistration, d("2025-01-01"))
				ok(err)
				if len(regs) != 1 {
					t.Fatalf("registrations of 乙二: %+v", regs)
				}
				ok(s.EndRegistration(ctx, people.EndRegistrationInput{RegistrationID: regs[0].ID, On: d("2025-07-01")}))
			}},
			{"end unit 区房管所", func() {
				ok(s.EndUnit(ctx, people.EndUnitInput{UnitID: f.ids["U2"], On: d("2025-08-01")}))
			}},
		}
		for i, st := range steps {
			st.do()
			// PostgreSQL runs the same recount code; the check after the
			// last change covers its SQL, at a fraction of the time.
			if dbh.Dialect == db.SQLite || i == len(steps)-1 {
				t.Logf("after %s: %d values compared", st.name, checkTallyAgainstRows(t, dbh, fixturePeriods()))
			}
		}
	})
}
