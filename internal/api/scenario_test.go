package api_test

import (
	"dangjian/internal/api"
	"encoding/json"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// scenario is one HTTP exchange: the request, the status expected and
// fragments the body must (want) and must not (not) contain. {name} in the
// path, body and fragments stands for the id of the fixture's record name.
// The request carries the API token of the fixture's caller named by as
// (admin when ""; none for nobody); header may set Authorization itself.
type scenario struct {
	name    string
	as      string
	method  string
	path    string
	body    string
	header  map[string]string
	status  int
	want    []string
	not     []string
	headers map[string]string // expected response headers (substring match)
}

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
		{"authentication", authScenarios, nil},
		{"authorisation", accessScenarios, nil},
		{"persons and units", peopleScenarios, peopleWorld},
		{"imports and exports", importScenarios, peopleWorld},
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

// run performs sc and checks it; it returns the route pattern that served it.
func (f *fixture) run(t *testing.T, doc *openAPI, sc scenario) string {
	t.Helper()
	var body io.Reader
	if sc.body != "" {
		body = strings.NewReader(f.expand(sc.body))
	}
	req := httptest.NewRequest(sc.method, f.expand(sc.path), body)
	if sc.body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if sc.as != nobody {
		req.Header.Set("Authorization", f.bearer(t, sc.as))
	}
	for k, v := range sc.header {
		req.Header.Set(k, f.expand(v))
	}
	_, pattern := f.mux.Handler(req)
	rec := httptest.NewRecorder()
	f.mux.ServeHTTP(rec, req)
	got := rec.Body.String()
	label := sc.name + " (" + sc.method + " " + sc.path + ")"
	if sc.as != "" {
		label += " as " + sc.as
	}
	if rec.Code != sc.status {
		t.Errorf("%s: status %d, want %d; body %s", label, rec.Code, sc.status, got)
		return pattern
	}
	for _, w := range sc.want {
		if w = f.expand(w); !strings.Contains(got, w) {
			t.Errorf("%s: body lacks %s\nbody: %s", label, w, got)
		}
	}
	for _, n := range sc.not {
		if n = f.expand(n); strings.Contains(got, n) {
			t.Errorf("%s: body has %s\nbody: %s", label, n, got)
		}
	}
	for k, v := range sc.headers {
		if h := rec.Header().Get(k); !strings.Contains(h, f.expand(v)) {
			t.Errorf("%s: header %s = %q, want it to contain %q", label, k, h, v)
		}
	}
	ct := rec.Header().Get("Content-Type")
	if rec.Code < 300 && strings.HasPrefix(ct, "application/json") {
		var v any
		if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
			t.Errorf("%s: body is not JSON: %v", label, err)
		}
		f.learn(v)
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
			if rec.Code < 300 && sc.body != "" {
				doc.checkRequest(t, label, rt, []byte(f.expand(sc.body)))
			}
			return pattern
		}
	}
	return ""
}

// learn records the id of every named object in v whose name the fixture
// does not know yet, so that later scenarios can refer to what earlier ones
// created.
func (f *fixture) learn(v any) {
	switch x := v.(type) {
	case map[string]any:
		id, okID := x["id"].(float64)
		name, okName := x["name"].(string)
		if _, known := f.ids[name]; okID && okName && !known {
			f.ids[name] = int64(id)
		}
		for _, c := range x {
			f.learn(c)
		}
	case []any:
		for _, c := range x {
			f.learn(c)
		}
	}
}
