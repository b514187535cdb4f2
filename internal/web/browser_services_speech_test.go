package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"dangjian/internal/auth"
)

// A subdistrict secretary reads the last paragraph of part four of their
// subdistrict's speech, filled from its services (outlets by kind, the
// services given named from data, placements, good deeds), and follows
// the person-times to their records.
func TestBrowserSpeechPartFourServices(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.account("hedong-sec", auth.Subdistrict, "河东街道")
		app.signInBrowser(t, ctx, "hedong-sec")
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/speech?from=2020-01-01&to=2024-12-31"),
			chromedp.WaitVisible(chromedp.CSS("#speech article.speech")),
		)
		text := textOf(t, ctx, "#speech")
		i := strings.Index(text, "以服务社区为切入点")
		if i < 0 {
			t.Fatalf("no closing paragraph of part four in the speech:\n%s", text)
		}
		part := text[i:]
		wantContains(t, "part four's closing paragraph", part, "河东街道建立", "环境卫生服务站", "社区老人服务中心", "等各种服务", "多人次",
			"帮助下岗失业人员实现就业", "为居民办好事", "为市民安居乐业、共建美好家园作出了贡献。")
		if strings.Contains(part, "×") || strings.Contains(part, "个街道建立") {
			t.Errorf("the paragraph holds a ××× or counts subdistricts in a subdistrict's speech:\n%s", part)
		}
		run(t, ctx, clickAndLoad(chromedp.CSS(`#speech a[data-key="services.person_times"]`)),
			chromedp.WaitVisible(chromedp.CSS("main table")))
		wantContains(t, "the person-times' records", textOf(t, ctx, "main"), "河东街道")
	})
}
