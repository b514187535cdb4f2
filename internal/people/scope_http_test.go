package people_test

import (
	"context"
	"net/http"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/testkit"
)

// The people pages and API, through the whole application, answer a
// community secretary for their own branch's members and refuse the others.
func TestPeopleThroughTheApplication(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		w.Callers()
		ctx := context.Background()
		own, _ := w.enrol(t, ctx, "本支部党员", "a1.org", "2020-01-01", 61)
		other, _ := w.enrol(t, ctx, "外支部党员", "b1.org", "2020-01-01", 62)
		w.IDs["本支部党员"], w.IDs["外支部党员"] = own, other
		h := w.Handler()
		for _, sc := range []testkit.Scenario{
			{Name: "own member", As: "yingbin", Path: "/api/v1/persons/{本支部党员}", Status: http.StatusOK,
				Want: []string{`"name":"本支部党员"`, `"org_name":"迎宾社区党支部"`}},
			{Name: "a member elsewhere", As: "yingbin", Path: "/api/v1/persons/{外支部党员}", Status: http.StatusForbidden,
				Not: []string{"外支部党员"}},
			{Name: "the district sees both", As: "district", Path: "/api/v1/members?q=支部党员", Status: http.StatusOK,
				Want: []string{"本支部党员", "外支部党员"}},
		} {
			w.Serve(t, h, sc)
		}
	})
}
