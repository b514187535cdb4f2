package web_test

import (
	"context"
	"testing"

	"dangjian/internal/i18n"
	"dangjian/internal/report"
	"dangjian/internal/speechtpl"
)

// speechTemplateAccessRows are the access test's rows for the speech
// templates' pages.
var speechTemplateAccessRows = map[string]accessRow{
	"GET /speech-template":                        {"speech_templates.read", "GET", "/speech-template"},
	"GET /areas/{id}/speech-template":             {"speech_templates.read", "GET", "/areas/{T}/speech-template"},
	"POST /areas/{id}/speech-template":            {"speech_templates.write", "POST", "/areas/{T}/speech-template"},
	"POST /areas/{id}/speech-template/preview":    {"speech_templates.write", "POST", "/areas/{T}/speech-template/preview"},
	"POST /areas/{id}/speech-template/default":    {"speech_templates.write", "POST", "/areas/{T}/speech-template/default"},
	"GET /speech-template-versions/{id}":          {"speech_templates.read", "GET", "/speech-template-versions/{T}"},
	"POST /speech-template-versions/{id}/restore": {"speech_templates.write", "POST", "/speech-template-versions/{T}/restore"},
}

func init() {
	for k, v := range speechTemplateAccessRows {
		accessRows[k] = v
	}
	accessSamples["speech_template"] = map[string]string{"inside": "{speech-template-in}", "outside": "{speech-template-out}"}
}

// seedAccessSpeechTemplates saves a template version for 迎宾社区 (inside)
// and 官渡社区 (outside) for the access test to aim at.
func seedAccessSpeechTemplates(t testing.TB, a *testApp) {
	t.Helper()
	parts, err := report.DefaultParts(i18n.ZH)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []struct{ target, community string }{{"in", "迎宾社区"}, {"out", "官渡社区"}} {
		v, err := a.App.Templates.Save(context.Background(), speechtpl.SaveInput{AreaID: a.AreaID(x.community), Lang: i18n.ZH, Parts: parts})
		if err != nil {
			t.Fatalf("template of %s: %v", x.community, err)
		}
		a.IDs["speech-template-"+x.target] = v.ID
	}
}
