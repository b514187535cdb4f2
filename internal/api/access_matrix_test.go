package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/auth"
	"dangjian/internal/coordination"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/people"
	"dangjian/internal/premises"
)

// matrixRequests has, for every route, a request aimed inside the caller's
// subtree (河东街道) and one aimed outside it (官渡街道), by path, query or
// body reference. Writes are dated in the future, so that a request let
// through is refused by validation (422) and changes nothing. A route
// without a row fails TestAccessMatrix.
var matrixRequests = map[string]func(in bool) (path, body string){
	"GET /api/openapi.json": func(bool) (string, string) { return "/api/openapi.json", "" },
	"GET /api/v1/areas/tree": func(in bool) (string, string) {
		return "/api/v1/areas/tree?root=" + pick(in, "{迎宾社区}", "{官渡社区}"), ""
	},
	"GET /api/v1/areas": func(bool) (string, string) { return "/api/v1/areas", "" },
	"POST /api/v1/areas": func(in bool) (string, string) {
		return "/api/v1/areas", `{"parent_id":` + pick(in, "{河东街道}", "{官渡街道}") + `,"name":"新社区","on":"2030-01-01"}`
	},
	"GET /api/v1/areas/{id}":        areaPath("", ""),
	"GET /api/v1/areas/{id}/events": areaPath("/events", ""),
	"POST /api/v1/areas/{id}/merge": func(in bool) (string, string) {
		return "/api/v1/areas/" + pick(in, "{迎宾社区}", "{官渡社区}") + "/merge", `{"target_id":{宾南社区},"on":"2030-01-01"}`
	},
	"POST /api/v1/areas/{id}/split":     areaPath("/split", `{"names":["甲","乙"],"on":"2030-01-01"}`),
	"POST /api/v1/areas/{id}/adjust":    areaPath("/adjust", `{"note":"x","on":"2030-01-01"}`),
	"POST /api/v1/areas/{id}/rename":    areaPath("/rename", `{"name":"甲","on":"2030-01-01"}`),
	"POST /api/v1/areas/{id}/dissolve":  areaPath("/dissolve", `{"on":"2030-01-01"}`),
	"GET /api/v1/areas/{id}/party-orgs": areaPath("/party-orgs", ""),
	"POST /api/v1/party-orgs": func(in bool) (string, string) {
		return "/api/v1/party-orgs", `{"area_id":` + pick(in, "{宾南社区}", "{官渡社区}") + `,"kind":"branch","name":"新支部","on":"2030-01-01"}`
	},
	"GET /api/v1/party-orgs/{id}":           orgPath("", ""),
	"POST /api/v1/party-orgs/{id}/reform":   orgPath("/reform", `{"kind":"branch","name":"新支部","on":"2030-01-01"}`),
	"POST /api/v1/party-orgs/{id}/dissolve": orgPath("/dissolve", `{"on":"2030-01-01"}`),
	"GET /api/v1/dashboard": func(in bool) (string, string) {
		return "/api/v1/dashboard?area=" + pick(in, "{迎宾社区}", "{官渡社区}"), ""
	},
	"GET /api/v1/figures": func(in bool) (string, string) {
		return "/api/v1/figures?area=" + pick(in, "{迎宾社区}", "{官渡社区}"), ""
	},
	"GET /api/v1/figures/{key}": func(in bool) (string, string) {
		return "/api/v1/figures/communities.total?area=" + pick(in, "{迎宾社区}", "{官渡社区}"), ""
	},
	"GET /api/v1/speech": func(in bool) (string, string) {
		return "/api/v1/speech?area=" + pick(in, "{迎宾社区}", "{官渡社区}"), ""
	},
	"GET /api/v1/workbook": func(in bool) (string, string) {
		return "/api/v1/workbook?area=" + pick(in, "{迎宾社区}", "{官渡社区}"), ""
	},
	"POST /api/v1/workbook/jobs": func(in bool) (string, string) {
		// A bad level: let through, it is refused by validation (422) and
		// starts nothing.
		return "/api/v1/workbook/jobs?level=planet&area=" + pick(in, "{迎宾社区}", "{官渡社区}"), ""
	},
	"GET /api/v1/workbook/jobs/{job}": func(bool) (string, string) { return "/api/v1/workbook/jobs/0123456789abcdef01234567", "" },
	"POST /api/v1/workbook/jobs/{job}/cancel": func(bool) (string, string) {
		return "/api/v1/workbook/jobs/0123456789abcdef01234567/cancel", ""
	},
	"GET /api/v1/workbook/jobs/{job}/file": func(bool) (string, string) {
		return "/api/v1/workbook/jobs/0123456789abcdef01234567/file", ""
	},
	"GET /api/v1/persons/{id}": func(in bool) (string, string) {
		return "/api/v1/persons/" + pick(in, "{矩阵党员}", "{官渡党员}"), ""
	},
	"POST /api/v1/persons/{id}/reveal": func(in bool) (string, string) {
		return "/api/v1/persons/" + pick(in, "{矩阵党员}", "{官渡党员}") + "/reveal", ""
	},
	"POST /api/v1/imports":      func(bool) (string, string) { return "/api/v1/imports", `{}` },
	"GET /api/v1/imports/{job}": func(bool) (string, string) { return "/api/v1/imports/0123456789abcdef01234567", "" },
	"POST /api/v1/imports/{job}/cancel": func(bool) (string, string) {
		return "/api/v1/imports/0123456789abcdef01234567/cancel", ""
	},
	"GET /api/v1/exports/{file}": func(in bool) (string, string) {
		return "/api/v1/exports/units.csv?area=" + pick(in, "{迎宾社区}", "{官渡社区}"), ""
	},
	// A bad file: let through, it is refused by validation (422) and starts
	// nothing.
	"POST /api/v1/exports/jobs": func(in bool) (string, string) {
		return "/api/v1/exports/jobs?file=nothing.txt&area=" + pick(in, "{迎宾社区}", "{官渡社区}"), ""
	},
	"GET /api/v1/exports/jobs/{job}": func(bool) (string, string) { return "/api/v1/exports/jobs/0123456789abcdef01234567", "" },
	"POST /api/v1/exports/jobs/{job}/cancel": func(bool) (string, string) {
		return "/api/v1/exports/jobs/0123456789abcdef01234567/cancel", ""
	},
	"GET /api/v1/exports/jobs/{job}/file": func(bool) (string, string) {
		return "/api/v1/exports/jobs/0123456789abcdef01234567/file", ""
	},
	"GET /api/v1/members": func(in bool) (string, string) {
		return "/api/v1/members?area=" + pick(in, "{迎宾社区}", "{官渡社区}"), ""
	},
	"POST /api/v1/members": func(in bool) (string, string) {
		return "/api/v1/members", `{"person":{"name":"矩阵新党员","gender":"male"},"membership":{"org_id":` + pick(in, "{迎宾社区党支部}", "{官渡社区党支部}") +
			`,"status":"full","category":"resident","joined_party_on":"2001-07-01","reason":"enrolment"},"on":"2030-01-01"}`
	},
	"POST /api/v1/persons/{id}/memberships": personPath("/memberships", `{"org_id":{迎宾社区党支部},"status":"full","category":"resident","joined_party_on":"2001-07-01","reason":"transfer_in","from_org_name":"外地","on":"2030-01-01"}`),
	"POST /api/v1/persons/{id}/transfer":    personPath("/transfer", `{"to_org_id":{迎宾社区党支部},"on":"2030-01-01"}`),
	"POST /api/v1/persons/{id}/end":         personPath("/end", `{"reason":"died","on":"2030-01-01"}`),
	"POST /api/v1/persons/{id}/convert":     personPath("/convert", `{"on":"2030-01-01"}`),
	"GET /api/v1/units": func(in bool) (string, string) {
		return "/api/v1/units?area=" + pick(in, "{迎宾社区}", "{官渡社区}"), ""
	},
	"POST /api/v1/units": func(in bool) (string, string) {
		return "/api/v1/units", `{"name":"矩阵新单位","kind":"state_enterprise","rank":"none","area_id":` + pick(in, "{迎宾社区}", "{官渡社区}") + `,"on":"2030-01-01"}`
	},
	"POST /api/v1/units/{id}/move":           unitPath("/move", `{"area_id":{宾南社区},"on":"2030-01-01"}`),
	"POST /api/v1/units/{id}/end":            unitPath("/end", `{"on":"2030-01-01"}`),
	"POST /api/v1/units/{id}/party-org":      unitPath("/party-org", `{"kind":"branch","name":"矩阵单位党支部","on":"2030-01-01"}`),
	"GET /api/v1/party-orgs/{id}/leadership": orgPath("/leadership", ""),
	"POST /api/v1/party-orgs/{id}/elections": orgPath("/elections", `{"elected_on":"2030-01-01","expected_voters":5,"present_voters":5,"votes_cast":5,"posts":[]}`),
	"GET /api/v1/areas/{id}/registrations":   areaPath("/registrations", ""),
	"POST /api/v1/registrations": func(in bool) (string, string) {
		return "/api/v1/registrations", `{"kind":"unit","org_id":{矩阵单位党支部},"area_id":` + pick(in, "{宾南社区}", "{官渡社区}") + `,"on":"2030-01-01"}`
	},
	"POST /api/v1/registrations/{id}/end": func(in bool) (string, string) {
		return "/api/v1/registrations/" + pick(in, "{矩阵报到}", "{官渡报到}") + "/end", `{"on":"2030-01-01"}`
	},
	"GET /api/v1/units/{id}": func(in bool) (string, string) {
		return "/api/v1/units/" + pick(in, "{矩阵单位}", "{官渡单位}"), ""
	},

	"GET /api/v1/conferences":                areaQuery("/api/v1/conferences"),
	"GET /api/v1/conferences/{id}":           confPath("", ""),
	"GET /api/v1/conferences/{id}/members":   confPath("/members", ""),
	"GET /api/v1/conferences/{id}/sessions":  confPath("/sessions", ""),
	"POST /api/v1/conferences/{id}/sessions": confPath("/sessions", `{"held_on":"2030-01-01","topic":"矩阵议题"}`),
	"GET /api/v1/conferences/{id}/actions":   confPath("/actions", ""),
	"GET /api/v1/conferences/{id}/campaigns": confPath("/campaigns", ""),
	"GET /api/v1/actions":                    areaQuery("/api/v1/actions"),
	"GET /api/v1/actions/export":             areaQuery("/api/v1/actions/export"),
	"POST /api/v1/actions/import":            func(bool) (string, string) { return "/api/v1/actions/import", `{}` },
	"GET /api/v1/actions/{id}":               actionPath("", ""),
	"POST /api/v1/actions/{id}/progress":     actionPath("/progress", `{"on":"2030-01-01","progress":10}`),
	"POST /api/v1/actions/{id}/parts":        actionPath("/parts", `{"on":"2030-01-01","title":"矩阵分项","owner_name":"科","due_on":"2030-02-01"}`),
	"GET /api/v1/units/{id}/actions":         unitPath("/actions", ""),
	"POST /api/v1/units/{id}/actions/{action}/progress": func(in bool) (string, string) {
		return "/api/v1/units/" + pick(in, "{矩阵单位}/actions/{矩阵事项}", "{官渡单位}/actions/{官渡事项}") + "/progress", `{"on":"2030-01-01","progress":10}`
	},
	"GET /api/v1/whistles": func(bool) (string, string) { return "/api/v1/whistles", "" },
	"POST /api/v1/whistles": func(in bool) (string, string) {
		return "/api/v1/whistles", `{"area_id":` + pick(in, "{迎宾社区}", "{官渡社区}") + `,"subject":"矩阵","raised_at":"2030-01-01T09:00:00+08:00","parties":[{"department":"科","deadline_hours":1}]}`
	},
	"GET /api/v1/whistles/{id}":                   whistlePath("", ""),
	"POST /api/v1/whistles/{id}/actions":          whistlePath("/actions", `{"on":"2030-01-01","title":"矩阵","owner_name":"科","due_on":"2030-02-01"}`),
	"POST /api/v1/whistles/{id}/resolve":          whistlePath("/resolve", `{"on":"2030-01-01"}`),
	"POST /api/v1/whistle-parties/{id}/report-in": partyPath("/report-in", `{"reported_at":"2030-01-01T09:00:00+08:00"}`),
	"POST /api/v1/whistle-parties/{id}/score":     partyPath("/score", `{"score":0}`),
	"GET /api/v1/campaigns":                       areaQuery("/api/v1/campaigns"),
	"POST /api/v1/campaigns": func(in bool) (string, string) {
		return "/api/v1/campaigns", `{"name":"矩阵","kind":"theft","area_id":` + pick(in, "{迎宾社区}", "{官渡社区}") + `,"started_on":"2030-01-01"}`
	},
	"GET /api/v1/campaigns/{id}": func(in bool) (string, string) {
		return "/api/v1/campaigns/" + pick(in, "{矩阵行动}", "{官渡行动}"), ""
	},
	"GET /api/v1/areas/{id}/premises":             areaPath("/premises", ""),
	"POST /api/v1/areas/{id}/premises":            areaPath("/premises", `{"address":"矩阵用房","use":"office","floor_area":5000,"tenure":"owned","on":"2030-01-01"}`),
	"POST /api/v1/premises/{id}/rooms":            premisesPath("/rooms", `{"kind":"library","floor_area":100,"on":"2030-01-01"}`),
	"POST /api/v1/premises/{id}/close":            premisesPath("/close", `{"on":"2030-01-01"}`),
	"POST /api/v1/areas/{id}/office-funding":      areaPath("/office-funding", `{"year":2030,"amount":100}`),
	"POST /api/v1/areas/{id}/economic-land":       areaPath("/economic-land", `{"location":"矩阵用地","land_area":100,"on":"2030-01-01"}`),
	"POST /api/v1/areas/{id}/households":          areaPath("/households", `{"households":100,"on":"2030-01-01"}`),
	"POST /api/v1/areas/{id}/premises-standards":  areaPath("/premises-standards", `{"min_area":-1,"on":"2030-01-01"}`),
	"GET /api/v1/three-lacks":                     scopeQuery("/api/v1/three-lacks"),
	"GET /api/v1/three-lacks/communities":         scopeQuery("/api/v1/three-lacks/communities"),
	"GET /api/v1/premises/below-standard":         scopeQuery("/api/v1/premises/below-standard"),
	"GET /api/v1/premises/survey":                 scopeQuery("/api/v1/premises/survey"),
	"POST /api/v1/premises/survey":                func(bool) (string, string) { return "/api/v1/premises/survey", `{}` },
	"POST /api/v1/areas/{id}/building-projects":   areaPath("/building-projects", `{"name":"矩阵新项目","on":"2030-01-01"}`),
	"GET /api/v1/building-projects/{id}":          projectPath("", ""),
	"POST /api/v1/building-projects/{id}/steps":   projectPath("/steps", `{"step":"siting","on":"2030-01-01"}`),
	"POST /api/v1/building-projects/{id}/funding": projectPath("/funding", `{"source":"city","amount":100,"on":"2030-01-01"}`),
	"POST /api/v1/building-projects/{id}/waivers": projectPath("/waivers", `{"amount":100,"waived_by":"矩阵","on":"2030-01-01"}`),
}

func areaQuery(path string) func(bool) (string, string) {
	return func(in bool) (string, string) {
		return path + "?area=" + pick(in, "{迎宾社区}", "{官渡社区}"), ""
	}
}

func confPath(suffix, body string) func(bool) (string, string) {
	return func(in bool) (string, string) {
		return "/api/v1/conferences/" + pick(in, "{矩阵会议}", "{官渡会议}") + suffix, body
	}
}

func actionPath(suffix, body string) func(bool) (string, string) {
	return func(in bool) (string, string) {
		return "/api/v1/actions/" + pick(in, "{矩阵事项}", "{官渡事项}") + suffix, body
	}
}

func whistlePath(suffix, body string) func(bool) (string, string) {
	return func(in bool) (string, string) {
		return "/api/v1/whistles/" + pick(in, "{矩阵哨}", "{官渡哨}") + suffix, body
	}
}

func partyPath(suffix, body string) func(bool) (string, string) {
	return func(in bool) (string, string) {
		return "/api/v1/whistle-parties/" + pick(in, "{矩阵哨方}", "{官渡哨方}") + suffix, body
	}
}

// premisesWrites are the matrix's premises and building projects, inside
// (迎宾社区) and outside (官渡社区) the scoped callers' subtree.
func matrixPremises(t testing.TB, f *fixture) {
	ctx := context.Background()
	for _, c := range []struct{ community, premises, project string }{{"迎宾社区", "矩阵用房", "矩阵项目"}, {"官渡社区", "官渡用房", "官渡项目"}} {
		id, err := f.App.Premises.OpenPremises(ctx, premises.PremisesInput{AreaID: f.IDs[c.community], Address: c.premises, Use: premises.Office,
			FloorArea: 10000, Tenure: premises.Owned, FromOn: date.MustParse("2020-01-01")})
		if err != nil {
			t.Fatal(err)
		}
		f.IDs[c.premises] = id
		if id, err = f.App.Premises.CreateProject(ctx, premises.ProjectInput{AreaID: f.IDs[c.community], Name: c.project, StartedOn: date.MustParse("2020-01-01")}); err != nil {
			t.Fatal(err)
		}
		f.IDs[c.project] = id
	}
}

func premisesPath(suffix, body string) func(bool) (string, string) {
	return func(in bool) (string, string) {
		return "/api/v1/premises/" + pick(in, "{矩阵用房}", "{官渡用房}") + suffix, body
	}
}

func projectPath(suffix, body string) func(bool) (string, string) {
	return func(in bool) (string, string) {
		return "/api/v1/building-projects/" + pick(in, "{矩阵项目}", "{官渡项目}") + suffix, body
	}
}

// scopeQuery is a list of path for the area ?area= names.
func scopeQuery(path string) func(bool) (string, string) {
	return func(in bool) (string, string) {
		return path + "?area=" + pick(in, "{迎宾社区}", "{官渡社区}"), ""
	}
}

// unaimed are the routes that name no area: "outside" is the same request,
// which a scoped caller may make and whose answer is filtered to their
// subtree.
var unaimed = map[string]bool{"GET /api/openapi.json": true, "GET /api/v1/areas": true, "POST /api/v1/imports": true, "GET /api/v1/imports/{job}": true,
	"POST /api/v1/imports/{job}/cancel": true,
	// A workbook job is its owner's: another account's (or an unknown) job
	// is not found; the scope is checked at its start and at its download
	// (TestWorkbookJob* in internal/report).
	"GET /api/v1/workbook/jobs/{job}": true, "POST /api/v1/workbook/jobs/{job}/cancel": true, "GET /api/v1/workbook/jobs/{job}/file": true,
	// The same for an export job (TestExportJob* in internal/importer).
	"GET /api/v1/exports/jobs/{job}": true, "POST /api/v1/exports/jobs/{job}/cancel": true, "GET /api/v1/exports/jobs/{job}/file": true,
	"GET /api/v1/whistles": true, "POST /api/v1/actions/import": true, "POST /api/v1/premises/survey": true}

func pick(in bool, inside, outside string) string {
	if in {
		return inside
	}
	return outside
}

func areaPath(suffix, body string) func(bool) (string, string) {
	return func(in bool) (string, string) {
		return "/api/v1/areas/" + pick(in, "{迎宾社区}", "{官渡社区}") + suffix, body
	}
}

func personPath(suffix, body string) func(bool) (string, string) {
	return func(in bool) (string, string) {
		return "/api/v1/persons/" + pick(in, "{矩阵党员}", "{官渡党员}") + suffix, body
	}
}

func unitPath(suffix, body string) func(bool) (string, string) {
	return func(in bool) (string, string) {
		return "/api/v1/units/" + pick(in, "{矩阵单位}", "{官渡单位}") + suffix, body
	}
}

func orgPath(suffix, body string) func(bool) (string, string) {
	return func(in bool) (string, string) {
		return "/api/v1/party-orgs/" + pick(in, "{迎宾社区党支部}", "{官渡社区党支部}") + suffix, body
	}
}

// TestAccessMatrix sends every route's inside and outside request as every
// role and requires: allowed (neither 401 nor 403) exactly when the role has
// the route's permission and, for a scoped role, the request stays inside
// its subtree; 403 otherwise. The permissions are written out here rather
// than read from auth, so that a change to either side shows.
func TestAccessMatrix(t *testing.T) {
	may := map[auth.Role]map[auth.Permission]bool{
		auth.Admin:       {"dashboard.read": true, "speech_templates.read": true, "speech_templates.write": true, "petitions.read": true, "petitions.write": true, "services.read": true, "services.write": true, "premises.read": true, "premises.write": true, "cobuilding.read": true, "cobuilding.write": true, auth.ReadAreas: true, auth.WriteAreas: true, "coordination.read": true, "coordination.write": true, "unit_actions.read": true, "unit_actions.write": true, "imports.run": true, "exports.read": true, "reports.read": true, "people.read": true, "people.write": true, "unit.read": true, "unit.write": true, "units.read": true, "units.write": true, "unit_resources.read": true},
		auth.District:    {"dashboard.read": true, "speech_templates.read": true, "speech_templates.write": true, "petitions.read": true, "petitions.write": true, "services.read": true, "services.write": true, "premises.read": true, "premises.write": true, "cobuilding.read": true, "cobuilding.write": true, auth.ReadAreas: true, auth.WriteAreas: true, "coordination.read": true, "coordination.write": true, "unit_actions.read": true, "unit_actions.write": true, "imports.run": true, "exports.read": true, "reports.read": true, "people.read": true, "people.write": true, "unit.read": true, "unit.write": true, "units.read": true, "units.write": true, "unit_resources.read": true},
		auth.Subdistrict: {"dashboard.read": true, "speech_templates.read": true, "speech_templates.write": true, "petitions.read": true, "petitions.write": true, "services.read": true, "services.write": true, "premises.read": true, "premises.write": true, "cobuilding.read": true, "cobuilding.write": true, auth.ReadAreas: true, auth.WriteAreas: true, "coordination.read": true, "coordination.write": true, "unit_actions.read": true, "unit_actions.write": true, "imports.run": true, "exports.read": true, "reports.read": true, "people.read": true, "people.write": true, "unit.read": true, "unit.write": true, "units.read": true, "units.write": true, "unit_resources.read": true},
		auth.Community:   {"dashboard.read": true, "speech_templates.read": true, "speech_templates.write": true, "petitions.read": true, "petitions.write": true, "services.read": true, "services.write": true, "premises.read": true, "premises.write": true, "cobuilding.read": true, "cobuilding.write": true, auth.ReadAreas: true, auth.WriteAreas: true, "coordination.read": true, "coordination.write": true, "unit_actions.read": true, "unit_actions.write": true, "imports.run": true, "exports.read": true, "reports.read": true, "people.read": true, "people.write": true, "unit.read": true, "unit.write": true, "units.read": true, "units.write": true, "unit_resources.read": true},
		auth.Unit:        {"unit.read": true, "unit.write": true, "unit_actions.read": true, "unit_actions.write": true, "unit_resources.read": true}, // their own unit only: the matrix's inside unit is theirs

		auth.Viewer:  {"dashboard.read": true, "speech_templates.read": true, "petitions.read": true, "services.read": true, "premises.read": true, "cobuilding.read": true, auth.ReadAreas: true, "coordination.read": true, "unit_actions.read": true, "exports.read": true, "reports.read": true, "people.read": true, "unit.read": true, "units.read": true, "unit_resources.read": true},
		auth.Auditor: {},
	}
	for _, rt := range wholeAPI().Routes() {
		if matrixRequests[(rt.Method+" "+rt.Path)] == nil {
			t.Errorf("%s has no row in matrixRequests", (rt.Method + " " + rt.Path))
		}
	}
	for _, r := range auth.Roles {
		if may[r] == nil {
			t.Errorf("role %s has no row in the matrix", r)
		}
	}
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		id, err := f.App.Areas.CreateOrg(context.Background(), area.OrgInput{AreaID: f.IDs["官渡社区"], Kind: area.Branch, Name: "官渡社区党支部", On: date.MustParse("2020-01-01")})
		if err != nil {
			t.Fatal(err)
		}
		f.IDs["官渡社区党支部"] = id
		// The unit liaison's unit, in 迎宾社区 (inside 河东街道).
		unit, err := f.App.People.CreateUnit(context.Background(), people.UnitInput{
			Name: "矩阵单位", Kind: people.StateEnterprise, Rank: people.NoRank, AreaID: f.IDs["迎宾社区"], On: date.MustParse("2020-01-01")})
		if err != nil {
			t.Fatal(err)
		}
		f.IDs["矩阵单位"] = unit
		outside, err := f.App.People.CreateUnit(context.Background(), people.UnitInput{
			Name: "官渡单位", Kind: people.StateEnterprise, Rank: people.NoRank, AreaID: f.IDs["官渡社区"], On: date.MustParse("2020-01-01")})
		if err != nil {
			t.Fatal(err)
		}
		f.IDs["官渡单位"] = outside
		for _, u := range []struct{ unit, org, community, reg string }{
			{"矩阵单位", "矩阵单位党支部", "迎宾社区", "矩阵报到"}, {"官渡单位", "官渡单位党支部", "官渡社区", "官渡报到"},
		} {
			org, err := f.App.People.CreateUnitOrg(context.Background(), people.UnitOrgInput{UnitID: f.IDs[u.unit], Kind: "branch", Name: u.org, On: date.MustParse("2020-01-01")})
			if err != nil {
				t.Fatal(err)
			}
			f.IDs[u.org] = org
			reg, err := f.App.People.Register(context.Background(), people.RegistrationInput{Kind: people.UnitRegistration, OrgID: org, AreaID: f.IDs[u.community], From: date.MustParse("2021-01-01")})
			if err != nil {
				t.Fatal(err)
			}
			f.IDs[u.reg] = reg
		}
		matrixPremises(t, f)
		matrixCobuilding(t, f)
		matrixServices(t, f)
		matrixPetitions(t, f)
		matrixSpeechTemplates(t, f)
		f.enrol(t, "迎宾社区党支部", "矩阵党员", 1)
		f.enrol(t, "官渡社区党支部", "官渡党员", 2)
		matrixPartTwo(t, f)
		for _, role := range auth.Roles {
			as := "matrix-" + string(role)
			scope := ""
			if role.NeedsArea() {
				scope = "河东街道"
			}
			if role.NeedsUnit() {
				scope = "矩阵单位"
			}
			f.Caller(as, role, scope, true)
			for _, rt := range wholeAPI().Routes() {
				for _, in := range []bool{true, false} {
					path, body := matrixRequests[(rt.Method + " " + rt.Path)](in)
					rec := f.do(t, as, "", rt.Method, path, body)
					allowed := (rt.Perm == "") || (may[role][rt.Perm] && (in || role == auth.Admin || unaimed[(rt.Method+" "+rt.Path)]))
					label := (rt.Method + " " + rt.Path) + " as " + string(role) + pick(in, " inside", " outside")
					switch {
					case allowed && (rec.Code == http.StatusUnauthorized || rec.Code == http.StatusForbidden):
						t.Errorf("%s: refused %d, want allowed: %s", label, rec.Code, rec.Body)
					case !allowed && rec.Code != http.StatusForbidden:
						t.Errorf("%s: %d, want 403: %s", label, rec.Code, rec.Body)
					case rec.Code >= 200 && rec.Code < 300 && rt.Method == http.MethodPost:
						t.Errorf("%s: a matrix write went through: %s", label, rec.Body)
					}
					if (!allowed || (role != auth.Admin && role != auth.Auditor && !(rt.Perm == ""))) && strings.Contains(rec.Body.String(), "官渡") {
						t.Errorf("%s: a caller scoped to 河东街道 sees 官渡: %s", label, rec.Body)
					}
				}
			}
		}
	})
}

// matrixPartTwo adds part two's records inside (矩阵…, in 迎宾社区) and
// outside (官渡…, in 官渡社区) the matrix callers' subtree: a conference
// with an action its unit owns, a whistle with a summoned party, a
// campaign.
func matrixPartTwo(t *testing.T, f *fixture) {
	ctx := context.Background()
	s := f.App.Coordination
	d := date.MustParse
	for _, x := range []struct{ prefix, org, unit, community string }{
		{"矩阵", "迎宾社区党支部", "矩阵单位", "迎宾社区"}, {"官渡", "官渡社区党支部", "官渡单位", "官渡社区"},
	} {
		conf, err := s.CreateConference(ctx, coordination.ConferenceInput{Name: x.prefix + "会议", Kind: coordination.OtherKind, OrgID: f.IDs[x.org], On: d("2021-01-01")})
		if err != nil {
			t.Fatal(err)
		}
		f.IDs[x.prefix+"会议"] = conf
		if _, err := s.RecordSession(ctx, coordination.SessionInput{ConferenceID: conf, HeldOn: d("2024-01-01"), Topic: x.prefix + "议题",
			Actions: []coordination.ActionInput{{Title: x.prefix + "事项", OwnerUnitID: f.IDs[x.unit], DueOn: d("2024-12-31")}}}); err != nil {
			t.Fatal(err)
		}
		wh, err := s.RaiseWhistle(ctx, coordination.WhistleInput{AreaID: f.IDs[x.community], Subject: x.prefix + "哨", RaisedAt: time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC),
			Parties: []coordination.PartyInput{{Department: x.prefix + "科", DeadlineHours: 24}}})
		if err != nil {
			t.Fatal(err)
		}
		f.IDs[x.prefix+"哨"] = wh
		camp, err := s.CreateCampaign(ctx, coordination.CampaignInput{Name: x.prefix + "行动", Kind: "other", AreaID: f.IDs[x.community], StartedOn: d("2024-01-01")})
		if err != nil {
			t.Fatal(err)
		}
		f.IDs[x.prefix+"行动"] = camp
		for name, query := range map[string]string{
			x.prefix + "事项": "SELECT id FROM agreed_action WHERE title = ?", x.prefix + "哨方": "SELECT p.id FROM whistle_party p JOIN whistle w ON w.id = p.whistle_id WHERE w.subject = ?",
		} {
			arg := x.prefix + "事项"
			if name == x.prefix+"哨方" {
				arg = x.prefix + "哨"
			}
			var id int64
			if err := f.DB.Reader().QueryRowContext(ctx, query, arg).Scan(&id); err != nil {
				t.Fatal(err)
			}
			f.IDs[name] = id
		}
	}
}
