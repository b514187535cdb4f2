package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"dangjian/internal/auth"
)

// TestBrowserSpeechPartTwo: 河东街道's secretary reads last year's speech:
// part two names the pilot conference, its convener and units, and states
// the sessions, actions and whistles; the conference's name opens its page.
func TestBrowserSpeechPartTwo(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.account("hedong-sec", auth.Subdistrict, "河东街道")
		app.signInBrowser(t, ctx, "hedong-sec")
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/speech?from=2024-01-01&to=2024-12-31"),
			chromedp.WaitVisible(chromedp.CSS("#speech article.speech")),
		)
		text := textOf(t, ctx, "#speech")
		i, j := strings.Index(text, "二、"), strings.Index(text, "三、")
		if i < 0 {
			t.Fatalf("no part two in the speech:\n%s", text)
		}
		if j < i {
			j = len(text)
		}
		part := text[i:j]
		wantContains(t, "part two", part, "“河东街道社区党建工作联席会议”", "由河东街道党工委和社区内示范市委党校",
			"河东街道各联席会议共召开会议", "按期办结率", "吹哨")
		for _, bad := range []string{"×", "官渡", "0项", "0次"} {
			if strings.Contains(part, bad) {
				t.Errorf("part two holds %q", bad)
			}
		}
		shot(t, ctx, "speech-part-two")
		run(t, ctx,
			clickAndLoad(chromedp.CSS(`#speech a.figure[data-key="first_joint_conference.name"]`)),
			chromedp.WaitVisible(chromedp.CSS("#sessions")),
		)
		wantContains(t, "conference page", textOf(t, ctx, "main"), "河东街道社区党建工作联席会议", "示范市委党校")
	})
}
