package api_test

import (
	"dangjian/internal/api"
	"dangjian/internal/testkit"
	"encoding/json"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// scenario is the test world's exchange: the request carries the API
// token of the caller named by As (admin when ""; none for nobody).
type scenario = testkit.Scenario

// scenarioGroup runs its scenarios in order on one fresh fixture.
type scenarioGroup struct {
	name      string
	scenarios []scenario
	// setup, when set, adds to the fixture before the scenarios run.
	setup func(t testing.TB, f *fixture)
}

// TestScenarios runs every group on every engine (through dbtest, one
// fresh database per group), checks each response
// against the OpenAPI document (status documented, JSON body matching the
// schema) and that every route of the table was exercised.
func TestScenarios(t *testing.T) {
	groups := []scenarioGroup{
		{"area reads", areaReadScenarios, nil},
		{"area changes", areaChangeScenarios, nil},
		{"request errors", requestErrorScenarios, nil},
		{"party orgs", orgScenarios, nil},
		{"figures and speech", figureScenarios, nil},
		{"dashboard", dashboardScenarios, nil},
		{"authentication", authScenarios, nil},
		{"authorisation", accessScenarios, nil},
		{"persons and units", peopleScenarios, peopleWorld},
		{"imports and exports", importScenarios, peopleWorld},
		{"part two", coordinationScenarios, coordinationWorld},
		{"premises", premisesScenarios, premisesWorld},
		{"co-building", cobuildingScenarios, cobuildingWorld},
		{"services", servicesScenarios, servicesWorld},
		{"petitions", petitionScenarios, petitionWorld},
		{"speech templates", speechTemplateScenarios, speechTemplateWorld},
	}
	doc := loadDoc(t)
	for _, engine := range dbtest.Engines() {
		t.Run(string(engine), func(t *testing.T) { runGroups(t, doc, engine, groups) })
	}
}

// runGroups runs each group on its own fresh database of engine.
func runGroups(t *testing.T, doc *openAPI, engine db.Dialect, groups []scenarioGroup) {
	hit := map[string]bool{}
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) {
			f := newFixture(t, dbtest.Open(t, engine))
			if g.setup != nil {
				g.setup(t, f)
			}
			for _, sc := range g.scenarios {
				if p := f.run(t, doc, sc); p != "" {
					hit[p] = true
				}
			}
		})
	}
	for _, rt := range wholeAPI().Routes() {
		if !hit[(rt.Method + " " + rt.Path)] {
			t.Errorf("no scenario exercises %s", (rt.Method + " " + rt.Path))
		}
	}
}

// run performs sc and checks it, against the OpenAPI document too; it
// returns the route pattern that served it.
func (f *fixture) run(t *testing.T, doc *openAPI, sc scenario) string {
	t.Helper()
	req := f.Request(sc, "")
	_, pattern := f.mux.Handler(req)
	rec := f.Serve(t, f.mux, sc)
	if rec.Code != sc.Status {
		return pattern
	}
	label := sc.Label()
	got := rec.Body.String()
	ct := rec.Header().Get("Content-Type")
	if rec.Code < 300 && strings.HasPrefix(ct, "application/json") {
		var v any
		if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
			t.Errorf("%s: body is not JSON: %v", label, err)
		}
		f.Learn(v)
	}
	if rec.Code >= 400 {
		var e api.ErrorBody
		if !strings.HasPrefix(ct, "application/json") || json.Unmarshal(rec.Body.Bytes(), &e) != nil || e.Error.Code == "" || e.Error.Message == "" {
			t.Errorf("%s: error response is not the JSON error body: %s %s", label, ct, got)
		}
		if strings.HasPrefix(e.Error.Message, "err.") {
			t.Errorf("%s: message key %s has no translation", label, e.Error.Message)
		}
	}
	for _, rt := range wholeAPI().Routes() {
		if (rt.Method + " " + rt.Path) == pattern {
			doc.checkResponse(t, label, rt, rec.Code, ct, rec.Body.Bytes())
			if rec.Code < 300 && sc.Body != "" {
				doc.checkRequest(t, label, rt, []byte(f.Expand(sc.Body)))
			}
			return pattern
		}
	}
	return ""
}
