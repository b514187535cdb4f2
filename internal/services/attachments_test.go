package services_test

import (
	"context"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// TestOutletsMoveWithTheirArea: 宾南社区 merges into 迎宾社区. Its open
// outlet (O5) and the designation still in force (宾南新村) move to 迎宾;
// the outlet that had closed (O3), the revoked designation (宾南小区) and
// the records of services stay with 宾南, where they happened.
func TestOutletsMoveWithTheirArea(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartFourB(t, dbh)
		p.build()
		ctx := context.Background()
		bn, yb := p.ID("宾南社区"), p.ID("迎宾社区")
		got, err := p.App.Areas.AttachedTo(ctx, bn, d("2025-05-01"))
		p.ok(err)
		want := map[string]int{"ui.attached.outlets": 1, "ui.attached.designations": 1}
		for _, a := range got {
			if w, ok := want[a.Kind]; ok && a.N != w {
				t.Errorf("%s: %d attached, want %d", a.Kind, a.N, w)
			}
		}
		p.ok(p.App.Areas.Merge(ctx, area.MergeInput{AreaID: bn, TargetID: yb, On: d("2025-05-01"), Confirmed: true}))
		at := func(table, where string, arg any) int64 {
			var id int64
			p.ok(dbh.Reader().QueryRowContext(ctx, "SELECT area_id FROM "+table+" WHERE "+where, arg).Scan(&id))
			return id
		}
		for _, c := range []struct {
			what, table, where string
			arg                any
			want               int64
		}{
			{"O5", "outlet", "id = ?", p.ids["O5 宾南家政服务中心"], yb},
			{"O3", "outlet", "id = ?", p.ids["O3 宾南老人服务中心"], bn},
			{"宾南新村", "designation", "estate = ?", "宾南新村", yb},
			{"宾南小区", "designation", "estate = ?", "宾南小区", bn},
			{"R3", "service_record", "id = ?", p.ids["R3"], bn},
		} {
			if got := at(c.table, c.where, c.arg); got != c.want {
				t.Errorf("%s lies in area %d, want %d", c.what, got, c.want)
			}
		}
	})
}
