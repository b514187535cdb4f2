package cobuilding_test

import (
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/testkit"
)

// TestCobuildingAPI: the lists, a demand's suggestions, the match and a
// project's story through the API, within the caller's subtree, with
// refusals naming their field.
func TestCobuildingAPI(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartFour(t, dbh)
		for k, id := range p.projects() {
			p.IDs[k] = id
		}
		p.IDs["lamp"] = p.demand("迎宾二巷路灯不亮", "迎宾社区", "security", "2018-03-01")
		p.Callers()
		h := p.Handler()
		for _, sc := range []testkit.Scenario{
			{Name: "open demands", As: "district", Path: "/api/v1/demands?status=open", Status: 200,
				Want: []string{`"title":"迎宾二巷路灯不亮"`, `"tags":["public_welfare","regional"]`, `"next":""`}, Not: []string{"宾南路大院脏乱"}},
			{Name: "a bad status", As: "district", Path: "/api/v1/demands?status=soon", Status: 422, Want: []string{`"field":"status"`}},
			{Name: "one subdistrict's", As: "hedong", Path: "/api/v1/demands?area={宾南社区}", Status: 200, Want: []string{"宾南路大院脏乱"}, Not: []string{"迎宾二巷"}},
			{Name: "another subdistrict's", As: "hedong", Path: "/api/v1/demands?area={官渡社区}", Status: 403},
			{Name: "a demand", As: "yingbin", Path: "/api/v1/demands/{lamp}", Status: 200, Want: []string{`"status":"open"`, `"raised_on":"2018-03-01"`}},
			{Name: "its suggestions", As: "yingbin", Path: "/api/v1/demands/{lamp}/suggestions?as_of=2025-01-01&lang=en", Status: 200, Want: []string{`"suggestions":[`}},
			{Name: "a demand recorded", As: "yingbin", Method: "POST", Path: "/api/v1/areas/{迎宾社区}/demands", Status: 201,
				Body: `{"title":"垃圾清运","category":"sanitation","tags":["mass"],"households":40,"on":"2025-04-01"}`, Want: []string{`"title":"垃圾清运"`, `"status":"open"`}},
			{Name: "a demand of no category", As: "yingbin", Method: "POST", Path: "/api/v1/areas/{迎宾社区}/demands", Status: 422,
				Body: `{"title":"垃圾清运","category":"moon","on":"2025-04-01"}`, Want: []string{`"field":"category"`}},
			{Name: "matching a done demand", As: "yingbin", Method: "POST", Path: "/api/v1/demands/1/match", Status: 409,
				Body: `{"org_id":{迎宾社区党支部},"on":"2025-05-01"}`, Want: []string{`"field":"id"`}},
			{Name: "matched", As: "yingbin", Method: "POST", Path: "/api/v1/demands/{lamp}/match", Status: 201,
				Body: `{"org_id":{迎宾社区党支部},"title":"路灯维修","estimated_cost":1200000,"on":"2025-05-01"}`,
				Want: []string{`"title":"路灯维修"`, `"status":"matched"`, `"saved":0`}},
			{Name: "projects", As: "district", Path: "/api/v1/co-projects", Status: 200, Want: []string{`"title":"迎宾一巷道路硬化"`, `"saved":20000000`, `"title":"路灯维修"`}},
			{Name: "a story", As: "viewer", Path: "/api/v1/co-projects/{P1}", Status: 200,
				Want: []string{`"saved":20000000`, `"giver":"市规划设计院"`, `"name":"道路"`, `"quantity":800`, `"kind":"banner"`}},
			{Name: "a story outside", As: "hedong", Path: "/api/v1/co-projects/{P3}", Status: 403},
			{Name: "resources", As: "hedong", Path: "/api/v1/resources?kind=land", Status: 200, Want: []string{`"resources":[]`}},
		} {
			rec := p.Serve(t, h, sc)
			p.Check(t, sc, rec.Code, rec.Header(), rec.Body.String())
		}
	})
}
