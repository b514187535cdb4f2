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
		// Row 3 has a bad ID number; row 4 two problems, the status and a
		// joining date in the future: all show at once, with the persons named.
		csv := importCSV("迎宾社区党支部") + "张三," + importTestID(3) + ",迎宾社区党支部,半正式,居民,2030-07-01\n"
		if err := os.WriteFile(file, []byte(csv), 0o600); err != nil {
			t.Fatal(err)
		}
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/import"),
			chromedp.WaitVisible(chromedp.CSS("#import-form")),
			chromedp.SetUploadFiles(chromedp.CSS(`#import-form input[type="file"]`), []string{file}),
			chromedp.Click(chromedp.CSS(`#import-form button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.CSS("#import-errors")),
		)
		table := textOf(t, ctx, "#import-errors")
		wantContains(t, "dry-run table", table, "行号", "人员", "3", "李强", "身份证号", "张三", "党员状态", "入党日期")
		wantContains(t, "summary", textOf(t, ctx, "#import-errors-summary"), "2 行共有 3 处问题")
		shot(t, ctx, "import-dry-run")

		// The sheet mended, a dry run finds nothing, and 确认导入 imports
		// the same upload without choosing the file again.
		good := filepath.Join(t.TempDir(), "members-good.csv")
		if err := os.WriteFile(good, []byte("姓名,身份证号,所在支部,党员状态,党员类别,入党日期\n张三,"+importTestID(3)+",迎宾社区党支部,正式,居民,2001-07-01\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/import"),
			chromedp.WaitVisible(chromedp.CSS("#import-form")),
			chromedp.SetUploadFiles(chromedp.CSS(`#import-form input[type="file"]`), []string{good}),
			chromedp.Click(chromedp.CSS(`#import-form button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.CSS("#import-confirm")),
			chromedp.Click(chromedp.CSS("#import-confirm button")),
			chromedp.WaitVisible(chromedp.CSS("#import-done")),
		)
		wantContains(t, "import done", textOf(t, ctx, "#import-done"), "新增 1")
	})
}
