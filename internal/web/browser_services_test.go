package web_test

import (
	"context"
	"strconv"
	"testing"

	"dangjian/internal/date"
	"dangjian/internal/services"

	"github.com/chromedp/chromedp"
)

// TestBrowserServiceGrid: 迎宾社区's officer enters May's services of the
// community's two new outlets in the grid. One cell is negative: the whole
// month is refused with the message next to that cell and the other cells
// kept; corrected, the month is saved in one go and the records list the
// person-times by kind.
func TestBrowserServiceGrid(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		bg := context.Background()
		s := app.App.Services
		var ids []int64
		for _, o := range []struct {
			kind services.OutletKind
			name string
		}{{"elderly_centre", "迎宾网格老人服务中心"}, {"housekeeping_centre", "迎宾网格家政服务中心"}} {
			id, err := s.CreateOutlet(bg, services.OutletInput{AreaID: app.AreaID("迎宾社区"), Kind: o.kind, Name: o.name, FromOn: date.MustParse("2025-01-01")})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		cell := func(c string, i int, kind string) chromedp.CSS {
			return chromedp.CSS(`input[name="` + c + "_" + strconv.FormatInt(ids[i], 10) + "_" + kind + `"]`)
		}
		app.account("grid-yingbin", "community", "迎宾社区")
		app.signInBrowser(t, ctx, "grid-yingbin")
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+app.Expand("/areas/{迎宾社区}")),
			chromedp.WaitVisible(chromedp.CSS("#area-service-grid")),
			clickAndLoad(chromedp.CSS("#area-service-grid")),
			chromedp.WaitVisible(chromedp.CSS("#grid-month-form")),
			chromedp.SetValue(chromedp.CSS("#f-month"), "2025-05"),
			clickAndLoad(chromedp.CSS("#grid-month-go")),
			chromedp.WaitVisible(chromedp.CSS("#service-grid")),
			chromedp.SendKeys(cell("pt", 0, "elderly_care"), "120"),
			chromedp.SendKeys(cell("vh", 0, "elderly_care"), "36"),
			chromedp.SendKeys(cell("pt", 0, "health_care"), "45"),
			chromedp.SendKeys(cell("pt", 1, "training"), "-3"),
			chromedp.SendKeys(cell("pt", 1, "job_guidance"), "18"),
			clickAndLoad(chromedp.CSS("#grid-save")),
			chromedp.WaitVisible(chromedp.CSS("#form-error")),
		)
		wantContains(t, "the refusal", textOf(t, ctx, "#form-error"), "1")
		errSel := "#pt_" + strconv.FormatInt(ids[1], 10) + "_training-error"
		wantContains(t, "the cell's refusal", textOf(t, ctx, errSel), "不能为负数")
		if v := get(t, ctx, chromedp.Value(cell("pt", 0, "elderly_care"))); v != "120" {
			t.Errorf("the other cells were not kept: %q", v)
		}
		var n int
		if err := app.DB.Reader().QueryRowContext(bg, "SELECT COUNT(*) FROM service_record WHERE outlet_id IN (?, ?)", ids[0], ids[1]).Scan(&n); err != nil || n != 0 {
			t.Fatalf("a refused month wrote %d records (%v)", n, err)
		}
		shot(t, ctx, "grid-refused")
		run(t, ctx,
			chromedp.Clear(cell("pt", 1, "training")),
			chromedp.SendKeys(cell("pt", 1, "training"), "30"),
			clickAndLoad(chromedp.CSS("#grid-save")),
			chromedp.WaitVisible(chromedp.CSS("#flash")),
		)
		wantContains(t, "saved", textOf(t, ctx, "#flash"), "迎宾社区", "2025-05")
		if v := get(t, ctx, chromedp.Value(cell("pt", 1, "training"))); v != "30" {
			t.Errorf("after saving, the training cell shows %q", v)
		}
		var sum, hours int64
		if err := app.DB.Reader().QueryRowContext(bg, "SELECT COUNT(*), SUM(person_times), SUM(volunteer_hours) FROM service_record WHERE outlet_id IN (?, ?) AND span = 'month' AND on_date = ?",
			ids[0], ids[1], date.MustParse("2025-05-01")).Scan(&n, &sum, &hours); err != nil || n != 4 || sum != 213 || hours != 36 {
			t.Errorf("saved %d records, %d person-times, %d hours (%v); want 4, 213, 36", n, sum, hours, err)
		}
		shot(t, ctx, "grid-saved")
	})
}
