package coordination_test

import (
	"context"
	"fmt"
	"testing"

	"dangjian/internal/access"
	"dangjian/internal/coordination"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// TestListActions: the open actions of a scope, a conference or an owner
// on a date, overdue or due soon, a page at a time in due order.
func TestListActions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartTwo(t, dbh)
		p.build()
		ctx := context.Background()
		titles := func(as []coordination.Action) string {
			var out []string
			for _, a := range as {
				out = append(out, a.Title)
			}
			return fmt.Sprint(out)
		}
		list := func(ctx context.Context, f coordination.ActionFilter) string {
			t.Helper()
			as, err := p.s.ListActions(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			return titles(as)
		}
		var hedong int64
		p.ok(dbh.Reader().QueryRowContext(ctx, "SELECT id FROM joint_conference WHERE name = '河东街道社区党建工作联席会议'").Scan(&hedong))
		for _, tc := range []struct {
			name string
			ctx  context.Context
			f    coordination.ActionFilter
			want string
		}{
			{"open at the end of 2024", ctx, coordination.ActionFilter{On: d("2024-12-31")}, "[a3 补装井盖 a4]"},
			{"overdue at the end of 2024", ctx, coordination.ActionFilter{On: d("2024-12-31"), Due: "overdue"}, "[a3 补装井盖]"},
			{"due within 14 days of 2024-06-20", ctx, coordination.ActionFilter{On: d("2024-06-20"), Due: "soon"}, "[a3]"},
			{"open on 2024-05-01, in due order", ctx, coordination.ActionFilter{On: d("2024-05-01")}, "[a2 a3]"},
			{"of a conference", ctx, coordination.ActionFilter{On: d("2024-12-31"), ConferenceID: hedong}, "[a3 a4]"},
			{"of an owner unit", ctx, coordination.ActionFilter{On: d("2024-12-31"), OwnerUnitID: p.units["U2 党校"]}, "[a4]"},
			{"of an owner department", ctx, coordination.ActionFilter{On: d("2024-12-31"), OwnerName: "街道城管科"}, "[a3 补装井盖]"},
			{"of another department", ctx, coordination.ActionFilter{On: d("2024-12-31"), OwnerName: "规划所"}, "[]"},
			{"a page of one", ctx, coordination.ActionFilter{On: d("2024-12-31"), Limit: 1}, "[a3]"},
			// A district's list is walked in due order over every action
			// (Broad), a subdistrict's read from its areas: both plans.
			{"of the district, on 2024-05-01", ctx, coordination.ActionFilter{On: d("2024-05-01"), AreaID: p.ID("示范区")}, "[a2 a3]"},
			{"of the district, overdue", access.WithScope(ctx, p.ID("示范区")), coordination.ActionFilter{On: d("2024-12-31"), Due: "overdue"}, "[a3 补装井盖]"},
			{"of 河东, on 2024-05-01", ctx, coordination.ActionFilter{On: d("2024-05-01"), AreaID: p.ID("河东街道")}, "[a2 a3]"},
			{"a 河东 user's, overdue", access.WithScope(ctx, p.ID("河东街道")), coordination.ActionFilter{On: d("2024-12-31"), Due: "overdue"}, "[a3 补装井盖]"},
			{"官渡 has none", ctx, coordination.ActionFilter{On: d("2024-12-31"), AreaID: p.ID("官渡街道")}, "[]"},
			{"a 官渡 user sees none of 河东's", access.WithScope(ctx, p.ID("官渡街道")), coordination.ActionFilter{On: d("2024-12-31")}, "[]"},
		} {
			if got := list(tc.ctx, tc.f); got != tc.want {
				t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
			}
		}
		first, err := p.s.ListActions(ctx, coordination.ActionFilter{On: d("2024-12-31"), Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		if got := list(ctx, coordination.ActionFilter{On: d("2024-12-31"), Limit: 5, After: first[0].ID}); got != "[补装井盖 a4]" {
			t.Errorf("the next page: %s", got)
		}
		if _, err := p.s.ListActions(access.WithScope(ctx, p.ID("官渡街道")), coordination.ActionFilter{AreaID: p.ID("河东街道")}); err == nil {
			t.Error("a list of an area outside the scope was given")
		}
	})
}
