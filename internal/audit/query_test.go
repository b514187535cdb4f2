package audit_test

import (
	"context"
	"testing"
	"time"

	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

func TestQueryFiltersAndPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		base := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
		add := func(minute int, user, action, ttype, tid string) {
			t.Helper()
			c := audit.WithActor(ctx, audit.Actor{Username: user, Via: "web"})
			err := d.Tx(c, func(q db.Q) error {
				return audit.AppendAt(c, q, audit.Entry{Action: action, TargetType: ttype, TargetID: tid}, base.Add(time.Duration(minute)*time.Minute))
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		add(0, "li", "auth.signin", "account", "1")        // 1
		add(1, "li", "auth.signin_failed", "account", "1") // 2
		add(2, "wang", "area.rename", "area", "10")        // 3
		add(3, "wang", "area.merge", "area", "11")         // 4
		add(4, "zhao", "auth.signout", "account", "3")     // 5
		add(5, "li", "export.members", "area", "10")       // 6
		add(6, "li", "authz.odd", "x", "")                 // 7: not auth.*
		add(7, "wang", "auth.signin", "account", "2")      // 8
		add(8, "wang", "area.rename", "area", "10")        // 9
		add(9, "li", "access.denied", "area", "10")        // 10
		cases := []struct {
			name  string
			f     audit.Filter
			total int
			seqs  []int64
		}{
			{"all, newest first", audit.Filter{Limit: 3}, 10, []int64{10, 9, 8}},
			{"second page", audit.Filter{Limit: 3, Offset: 3}, 10, []int64{7, 6, 5}},
			{"last page", audit.Filter{Limit: 3, Offset: 9}, 10, []int64{1}},
			{"past the end", audit.Filter{Limit: 3, Offset: 20}, 10, nil},
			{"actor", audit.Filter{Actor: "wang"}, 4, []int64{9, 8, 4, 3}},
			{"action family with dot", audit.Filter{Action: "auth."}, 4, []int64{8, 5, 2, 1}},
			{"action family without dot", audit.Filter{Action: "auth"}, 4, []int64{8, 5, 2, 1}},
			{"exact action", audit.Filter{Action: "auth.signin"}, 2, []int64{8, 1}},
			{"target", audit.Filter{TargetType: "area", TargetID: "10"}, 4, []int64{10, 9, 6, 3}},
			{"target type", audit.Filter{TargetType: "account"}, 4, []int64{8, 5, 2, 1}},
			{"period", audit.Filter{From: base.Add(2 * time.Minute), To: base.Add(5 * time.Minute)}, 3, []int64{5, 4, 3}},
			{"period in another zone", audit.Filter{From: base.Add(2 * time.Minute).In(time.FixedZone("CST", 8*3600))}, 8, []int64{10, 9, 8, 7, 6, 5, 4, 3}},
			{"combined", audit.Filter{Actor: "wang", Action: "area.", From: base.Add(3 * time.Minute)}, 2, []int64{9, 4}},
			{"none", audit.Filter{Actor: "nobody"}, 0, nil},
		}
		for _, c := range cases {
			rs, total, err := audit.Query(ctx, d.Reader(), c.f)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			var seqs []int64
			for _, r := range rs {
				seqs = append(seqs, r.Seq)
			}
			if total != c.total || !equal(seqs, c.seqs) {
				t.Errorf("%s: total %d seqs %v, want %d %v", c.name, total, seqs, c.total, c.seqs)
			}
		}
		rs, _, err := audit.Query(ctx, d.Reader(), audit.Filter{Actor: "zhao"})
		if err != nil || len(rs) != 1 || !rs[0].At.Equal(base.Add(4*time.Minute)) || rs[0].Actor.Via != "web" {
			t.Errorf("record = %+v, %v", rs, err)
		}
	})
}

func equal(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
