package demo

import (
	"context"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/people"
	"dangjian/internal/pii"
)

func testKeys(t testing.TB) *pii.Keyring {
	t.Helper()
	return BenchKeys()
}

// TestDemoFiguresNonZero loads the demo district as it would be on several
// days of a year (the first days clamp this year's story to today) and
// checks that every figure is non-zero for that year.
func TestDemoFiguresNonZero(t *testing.T) {
	days := []string{"2025-06-30", "2026-01-01", "2026-01-03", "2026-12-31"}
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		for i, day := range days {
			if i > 0 && testing.Short() {
				break
			}
			today := date.MustParse(day)
			x := d
			if i > 0 {
				x = dbtest.Open(t, d.Dialect)
			}
			ctx := context.Background()
			s := area.NewStore(x)
			s.Today = func() date.Date { return today }
			keys := testKeys(t)
			if err := LoadWith(ctx, s, keys); err != nil {
				t.Fatalf("%s: %v", day, err)
			}
			root, err := s.Root(ctx)
			if err != nil {
				t.Fatal(err)
			}
			from, to := date.YearBounds(today.Year())
			vals, err := figures.ComputeAll(ctx, x.Reader(), figures.Scope{AreaID: root.ID, From: from, To: to}, i18n.EN)
			if err != nil {
				t.Fatal(err)
			}
			// Parts one and two for this year; part three tells what
			// changed over years, so it is asked of the last five.
			for _, v := range vals {
				if f := figures.Get(v.Key); f.Part <= 2 && v.Value <= 0 {
					t.Errorf("%s: figure %s is %v", day, v.Key, v.Value)
				}
			}
			// Parts two and three over the last five years too.
			five, _ := date.YearBounds(today.Year() - 4)
			vals, err = figures.ComputeAll(ctx, x.Reader(), figures.Scope{AreaID: root.ID, From: five, To: to}, i18n.EN)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range vals {
				if f := figures.Get(v.Key); (f.Part == 2 || f.Part == 3) && v.Value <= 0 {
					t.Errorf("%s, five years: figure %s is %v", day, v.Key, v.Value)
				}
			}
			// The ID numbers are fictional, valid and readable with the key.
			ps := &people.Store{DB: x, Areas: s, Keys: keys, Today: s.Today}
			rows, err := ps.ListMembers(ctx, people.MemberFilter{Limit: 500})
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) < 100 {
				t.Errorf("%s: %d members", day, len(rows))
			}
			for _, r := range rows[:3] {
				id, phone, err := ps.Reveal(ctx, r.Person.ID, true)
				if err != nil {
					t.Fatal(err)
				}
				if _, _, err := people.ParseIDNumber("id", id, today); err != nil || id[:4] != "4499" || phone[:7] != "1380000" {
					t.Errorf("%s: person %d: id %s phone %s: %v", day, r.Person.ID, id, phone, err)
				}
			}
		}
	})
}

// TestFakeIDNumbers checks the fictional ID numbers: valid (GB 11643 check
// digit, region, date), fictional (region 4499xx), unique, with the gender
// in the sequence's parity, and refused past the slots of a birth date.
func TestFakeIDNumbers(t *testing.T) {
	a := newIDAlloc()
	today := date.MustParse("2025-06-30")
	seen := map[string]bool{}
	for i := range 120_000 {
		born := date.MustParse("1970-01-01").AddDays(i % 7)
		male := i%3 == 0
		id, err := a.id(born, male)
		if err != nil {
			t.Fatal(err)
		}
		canon, got, err := people.ParseIDNumber("id", id, today)
		if err != nil || canon != id || got != born {
			t.Fatalf("%s: %v (born %s, parsed %s)", id, err, born, got)
		}
		if id[:4] != "4499" || seen[id] || (int(id[16]-'0')%2 == 1) != male {
			t.Fatalf("%s: not fictional, repeated or wrong gender digit (male %v)", id, male)
		}
		seen[id] = true
	}
	b := newIDAlloc()
	born := date.MustParse("1980-02-03")
	for range fakeRegions * 500 {
		if _, err := b.id(born, true); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := b.id(born, true); err == nil {
		t.Error("no refusal past the last slot of a birth date")
	}
}
