package api_test

import (
	"context"
	"encoding/json"
	"testing"

	"dangjian/internal/i18n"
	"dangjian/internal/report"
)

// The matrix's rows for the speech templates: a version of 迎宾社区's
// (inside) and of 官渡社区's (outside) template. Every write is refused
// after the access checks: an unknown language, and a restore of a version
// that no longer checks (it names a figure withdrawn since).
func init() {
	for k, v := range map[string]func(in bool) (path, body string){
		"GET /api/v1/areas/{id}/speech-template":             areaPath("/speech-template", ""),
		"POST /api/v1/areas/{id}/speech-template":            areaPath("/speech-template", `{"lang":"fr","parts":[]}`),
		"POST /api/v1/areas/{id}/speech-template/default":    areaPath("/speech-template/default", `{"lang":"fr"}`),
		"GET /api/v1/speech-template-versions/{id}":          versionPath(""),
		"POST /api/v1/speech-template-versions/{id}/restore": versionPath("/restore"),
	} {
		matrixRequests[k] = v
	}
}

func versionPath(suffix string) func(bool) (string, string) {
	return func(in bool) (string, string) {
		return "/api/v1/speech-template-versions/" + pick(in, "{矩阵模板}", "{官渡模板}") + suffix, ""
	}
}

// matrixSpeechTemplates keeps the matrix's versions, written as a version
// saved before its figure was withdrawn would stand.
func matrixSpeechTemplates(t testing.TB, f *fixture) {
	ctx := context.Background()
	parts, err := report.DefaultParts(i18n.ZH)
	if err != nil {
		t.Fatal(err)
	}
	parts[0] += "{{members.withdrawn}}\n"
	body, _ := json.Marshal(parts)
	for _, x := range []struct{ community, name string }{{"迎宾社区", "矩阵模板"}, {"官渡社区", "官渡模板"}} {
		var id int64
		if err := f.DB.Writer().QueryRowContext(ctx, `INSERT INTO speech_template (area_id, lang, number, parts, origin, created_by, created_at)
VALUES (?, 'zh', 1, ?, 'edit', 'matrix', '2025-01-01T00:00:00Z') RETURNING id`, f.IDs[x.community], string(body)).Scan(&id); err != nil {
			t.Fatal(err)
		}
		f.IDs[x.name] = id
	}
}
