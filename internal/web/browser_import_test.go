package web_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestBrowserImportDryRunShowsErrors(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.signInBrowser(t, ctx, "tester")
		file := filepath.Join(t.TempDir(), "members.csv")
		if err := os.WriteFile(file, []byte(importCSV("迎宾社区党支部")), 0o600); err != nil {
			t.Fatal(err)
		}
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/import"),
			chromedp.WaitVisible(chromedp.CSS("#import-form")),
			chromedp.SetUploadFiles(chromedp.CSS(`#import-form input[type="file"]`), []string{file}),
			chromedp.Click(chromedp.CSS(`#import-form button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.CSS("#import-errors")),
		)
		wantContains(t, "dry-run table", textOf(t, ctx, "#import-errors"), "行号", "3", "身份证号")
		shot(t, ctx, "import-dry-run")
	})
}
