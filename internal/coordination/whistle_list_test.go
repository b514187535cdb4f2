package coordination_test

import (
	"context"
	"testing"
	"time"

	"dangjian/internal/access"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// TestOpenWhistles: the unresolved whistles of a scope, each party with
// its time left at a moment, late report-ins and missed deadlines marked.
func TestOpenWhistles(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartTwo(t, dbh)
		p.build()
		ctx := context.Background()
		rows, err := p.s.OpenWhistles(ctx, at("2024-10-10 20:00"))
		if err != nil || len(rows) != 2 || rows[0].Subject != "违章搭建" {
			t.Fatalf("open whistles: %+v %v", rows, err)
		}
		if pr := rows[0].Parties[0]; pr.Late || pr.Left != 6*time.Hour {
			t.Errorf("规划所 at 20:00: late %v, %s left; want 6h left", pr.Late, pr.Left)
		}
		if ps := rows[1].Parties; ps[0].Late || !ps[1].Late {
			t.Errorf("迎宾's parties: %+v; the 房管所 on time, the 城管科 late", ps)
		}
		later, _ := p.s.OpenWhistles(ctx, at("2024-10-11 03:00"))
		if !later[0].Parties[0].Late || later[0].Parties[0].Left != 0 {
			t.Errorf("规划所 after its deadline: %+v", later[0].Parties[0])
		}
		p.ok(p.s.ResolveWhistle(ctx, rows[1].ID, d("2024-08-01")))
		scoped, err := p.s.OpenWhistles(access.WithScope(ctx, p.ID("河东街道")), at("2024-10-10 20:00"))
		if err != nil || len(scoped) != 0 {
			t.Errorf("河东 after its whistle was resolved: %+v %v", scoped, err)
		}
	})
}
