package cobuilding_test

import (
	"context"
	"testing"

	"dangjian/internal/access"
	"dangjian/internal/cobuilding"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// TestListsAndStory: the lists keep to the caller's subtree, demands
// oldest first; a project's story carries its demands, givers, results
// and thanks, with the money saved computed.
func TestListsAndStory(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartFour(t, dbh)
		ids := p.projects()
		ctx := context.Background()
		hedong, guandu := access.WithScope(ctx, p.ID("河东街道")), access.WithScope(ctx, p.ID("官渡街道"))
		titles := func(ds []cobuilding.Demand) []string {
			var out []string
			for _, d := range ds {
				out = append(out, d.Title)
			}
			return out
		}
		for _, tc := range []struct {
			name string
			ctx  context.Context
			f    cobuilding.DemandFilter
			want []string
		}{
			{"the whole district, oldest first", ctx, cobuilding.DemandFilter{}, []string{"迎宾一巷道路破损", "宾南路大院脏乱"}},
			{"河东's", hedong, cobuilding.DemandFilter{}, []string{"迎宾一巷道路破损", "宾南路大院脏乱"}},
			{"官渡 sees none of 河东's", guandu, cobuilding.DemandFilter{}, nil},
			{"by status", ctx, cobuilding.DemandFilter{Status: cobuilding.Done, Category: "sanitation"}, []string{"宾南路大院脏乱"}},
			{"the next page", ctx, cobuilding.DemandFilter{After: &cobuilding.Demand{ID: 1 << 40, RaisedOn: d("2019-05-01")}}, []string{"宾南路大院脏乱"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				got, err := p.s.ListDemands(tc.ctx, tc.f)
				p.ok(err)
				if g := titles(got); len(g) != len(tc.want) || (len(g) > 0 && (g[0] != tc.want[0] || g[len(g)-1] != tc.want[len(tc.want)-1])) {
					t.Errorf("got %v, want %v", g, tc.want)
				}
			})
		}
		if _, err := p.s.ListDemands(guandu, cobuilding.DemandFilter{AreaID: p.ID("河东街道")}); err == nil {
			t.Error("官渡 listed 河东's demands")
		}
		yes := true
		done, err := p.s.ListProjects(hedong, cobuilding.ProjectFilter{Done: &yes})
		p.ok(err)
		if len(done) != 4 { // P1, P2, P4 and P5 (河滨 ended where it last was, under 河东)
			t.Errorf("河东 has %d done projects, want 4: %+v", len(done), done)
		}
		st, err := p.s.ProjectStory(ctx, ids["P1"])
		p.ok(err)
		if st.Saved != wan(20) || st.Units() != 2 || len(st.Demands) != 1 || len(st.Contributions) != 3 || len(st.Results) != 1 || len(st.Feedback) != 2 {
			t.Errorf("P1's story: %+v", st)
		}
		if st.Contributions[2].Giver != "市规划设计院" || st.Project.OrgName != "迎宾社区党支部" {
			t.Errorf("P1's givers: %+v", st.Contributions)
		}
		for _, tc := range []struct {
			project string
			saved   int64
		}{{"P1", wan(20)}, {"P2", 0}, {"P3", wan(1)}, {"P4", wan(0.5)}, {"P5", wan(1)}} {
			pr, err := p.s.Project(ctx, ids[tc.project])
			p.ok(err)
			if pr.Saved() != tc.saved {
				t.Errorf("%s saved %d, want %d", tc.project, pr.Saved(), tc.saved)
			}
		}
		if _, err := p.s.Project(guandu, ids["P1"]); err == nil {
			t.Error("官渡 read 迎宾's project")
		}
	})
}
