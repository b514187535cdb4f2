package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserBackgroundJobs starts an export and a workbook as background
// jobs from their pages, as an officer does, and follows each job's page
// (it reloads itself while the job runs) until it offers the file.
func TestBrowserBackgroundJobs(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.signInBrowser(t, ctx, "tester")

		// The members' export, from the import and export page.
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/import"),
			chromedp.WaitVisible(chromedp.CSS("#export-links")),
			clickAndLoad(chromedp.CSS(`#export-links form[action*="members.xlsx"] button`)),
		)
		if url := get(t, ctx, chromedp.Location()); !strings.Contains(url, "/export/jobs/") {
			t.Fatalf("after starting the export the tab is at %s, want its job's page", url)
		}
		waitAfterReloads(t, ctx, "#export-job-done")
		wantContains(t, "export job", textOf(t, ctx, "#export-job-done"), "行")
		if href := get(t, ctx, chromedp.AttributeValue(chromedp.CSS("#export-job-download"), "href")).Value; !strings.HasSuffix(href, "/file") {
			t.Errorf("download link %q, want the job's file", href)
		}
		shot(t, ctx, "export-job-done")

		// The statistics workbook, from the figures page.
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/figures"),
			chromedp.WaitVisible(chromedp.CSS("#workbook-job-start")),
			clickAndLoad(chromedp.CSS("#workbook-job-start button")),
		)
		if url := get(t, ctx, chromedp.Location()); !strings.Contains(url, "/workbook/jobs/") {
			t.Fatalf("after starting the workbook the tab is at %s, want its job's page", url)
		}
		waitAfterReloads(t, ctx, "#workbook-job-done")
		if href := get(t, ctx, chromedp.AttributeValue(chromedp.CSS("#workbook-job-download"), "href")).Value; !strings.HasSuffix(href, "/file") {
			t.Errorf("download link %q, want the job's file", href)
		}
		wantContains(t, "workbook job", textOf(t, ctx, "#workbook-job-download"), ".xlsx")
		shot(t, ctx, "workbook-job-done")
	})
}

// waitAfterReloads waits until the job's page, which reloads itself every
// second while the job is queued or running, shows sel.
func waitAfterReloads(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	has := chromedp.Evaluate[bool](`!!document.querySelector(` + "`" + sel + "`" + `)`)
	for range 60 {
		if ok, err := chromedp.Run(ctx, has); err == nil && ok {
			return
		}
		time.Sleep(500 * time.Millisecond)
	}
	t.Fatalf("%s did not appear within 30 s: the page shows %q", sel, textOf(t, ctx, "body"))
}
