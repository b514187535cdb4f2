package api_test

import (
	"context"
	"strings"
	"testing"

	"dangjian/internal/audit"
	"dangjian/internal/i18n"
	"dangjian/internal/report"
	"dangjian/internal/speechtpl"
)

// speechTemplateWorld saves version 1 of 河东街道's Chinese template (河东模板1),
// its first part opening with 河东认为 instead of the seed's 我们认为.
func speechTemplateWorld(t testing.TB, f *fixture) {
	parts, err := report.DefaultParts(i18n.ZH)
	if err != nil {
		t.Fatal(err)
	}
	parts[0] = strings.Replace(parts[0], "我们认为，", "河东认为，", 1)
	ctx := audit.WithActor(context.Background(), audit.Actor{Username: "hedong", Via: "api"})
	v, err := f.App.Templates.Save(ctx, speechtpl.SaveInput{AreaID: f.IDs["河东街道"], Lang: i18n.ZH, Parts: parts})
	if err != nil {
		t.Fatal(err)
	}
	f.IDs["河东模板1"] = v.ID
}

// speechTemplateScenarios read an inherited template, refuse a template
// with a mistake by its part and line, save one, restore a version and the
// default, and see the speech follow.
var speechTemplateScenarios = []scenario{
	{Name: "a community inherits its subdistrict's", As: "yingbin", Path: "/api/v1/areas/{迎宾社区}/speech-template?tpl_lang=zh", Status: 200,
		Want: []string{`"source":"inherited"`, `"from_area_id":{河东街道}`, `"number":1`, "河东认为", `"versions":[]`}},
	{Name: "the subdistrict's own", As: "hedong", Path: "/api/v1/areas/{河东街道}/speech-template?tpl_lang=zh", Status: 200,
		Want: []string{`"source":"own"`, `"by":"hedong"`, `"origin":"edit"`}},
	{Name: "the English one is the default", As: "hedong", Path: "/api/v1/areas/{河东街道}/speech-template?tpl_lang=en", Status: 200,
		Want: []string{`"source":"default"`, `"lang":"en"`}},
	{Name: "the speech of the community", As: "yingbin", Path: "/api/v1/speech?area={迎宾社区}&from=2024-01-01&to=2024-12-31", Status: 200, Want: []string{"河东认为"}},
	{Name: "a mistake refused by part and line", As: "hedong", Method: "POST", Path: "/api/v1/areas/{河东街道}/speech-template", Status: 422,
		Body: `{"lang":"zh","parts":["## 一\n","## 二\n\n{{if members.total}}{{.units}}{{end}}","## 三","## 四"]}`,
		Want: []string{`"field":"template"`, "第2部分第3行"}},
	{Name: "too few parts", As: "hedong", Method: "POST", Path: "/api/v1/areas/{河东街道}/speech-template", Status: 422,
		Body: `{"lang":"zh","parts":["## 一"]}`, Want: []string{`"field":"parts"`}},
	{Name: "saved", As: "hedong", Method: "POST", Path: "/api/v1/areas/{河东街道}/speech-template", Status: 201,
		Body: `{"lang":"zh","parts":["## 一\n\n河东街道共有党员{{members.total}}名。","## 二","## 三","## 四"]}`,
		Want: []string{`"number":2`, `"origin":"edit"`, `"by":"hedong"`}},
	{Name: "the speech follows", As: "yingbin", Path: "/api/v1/speech?area={迎宾社区}&from=2024-01-01&to=2024-12-31", Status: 200,
		Want: []string{"河东街道共有党员"}, Not: []string{"河东认为"}},
	{Name: "a version", As: "viewer", Path: "/api/v1/speech-template-versions/{河东模板1}", Status: 200, Want: []string{`"number":1`, "河东认为"}},
	{Name: "version 1 restored", As: "hedong", Method: "POST", Path: "/api/v1/speech-template-versions/{河东模板1}/restore", Status: 201, Body: `{}`,
		Want: []string{`"number":3`, `"origin":"restore"`, `"restored_from":1`, "河东认为"}},
	{Name: "a viewer may not restore", As: "viewer", Method: "POST", Path: "/api/v1/speech-template-versions/{河东模板1}/restore", Status: 403, Body: `{}`},
	{Name: "the default restored", As: "hedong", Method: "POST", Path: "/api/v1/areas/{河东街道}/speech-template/default", Status: 201, Body: `{"lang":"zh"}`,
		Want: []string{`"number":4`, `"origin":"default"`, "我们认为，"}},
	{Name: "an unknown language", As: "hedong", Method: "POST", Path: "/api/v1/areas/{河东街道}/speech-template/default", Status: 422, Body: `{"lang":"fr"}`,
		Want: []string{`"field":"lang"`}},
	{Name: "outside the scope", As: "yingbin", Method: "POST", Path: "/api/v1/areas/{河东街道}/speech-template", Status: 403,
		Body: `{"lang":"zh","parts":["a","b","c","d"]}`},
}
