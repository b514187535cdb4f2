package web_test

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// TestBrowserFiguresByArea opens the figures by sub-area from the figures
// page, sorts by the members column in place (the script, no page load),
// then the other way, and clicks the top row's cell through to its records.
// Like eachEngine, but the tab (and its 20 s) starts once the world is
// built: the demo district loads on PostgreSQL in most of that time.
func TestBrowserFiguresByArea(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		app := newTestApp(t, d)
		ctx := newTab(t)
		app.signInBrowser(t, ctx, "tester")
		run(t, ctx,
			chromedp.Navigate(app.srv.URL+"/figures?area="+app.Expand("{示范区}")+"&from=2024-01-01&to=2024-12-31"),
			chromedp.WaitVisible(chromedp.CSS("#by-area-link")),
			chromedp.Click(chromedp.CSS("#by-area-link")),
			chromedp.WaitVisible(chromedp.CSS(`html[data-ready] #by-area th[data-key="members.total"] a`)),
		)
		wantContains(t, "breakdown", textOf(t, ctx, "#by-area"), "河东街道", "南山街道", "合计", "党员")
		shot(t, ctx, "by-area")
		// The rows' members, top to bottom.
		members := func() []float64 {
			vals := get(t, ctx, chromedp.Evaluate[[]string](`(() => {
				const col = [...document.querySelectorAll("#by-area thead th")].findIndex(th => th.dataset.key === "members.total");
				return [...document.querySelectorAll("#by-area tbody.rows tr")].map(tr => tr.cells[col].dataset.v);
			})()`))
			out := make([]float64, len(vals))
			for i, v := range vals {
				f, err := strconv.ParseFloat(v, 64)
				if err != nil {
					t.Fatalf("members cell %q", v)
				}
				out[i] = f
			}
			return out
		}
		sorted := func(vs []float64, desc bool) bool {
			for i := 1; i < len(vs); i++ {
				if desc && vs[i] > vs[i-1] || !desc && vs[i] < vs[i-1] {
					return false
				}
			}
			return true
		}
		if vs := members(); len(vs) < 6 || sorted(vs, false) && sorted(vs, true) {
			t.Fatalf("members before sorting: %v (want rows in an order to sort)", vs)
		}
		get(t, ctx, chromedp.Evaluate[int](`window.notReloaded = 1`))
		run(t, ctx,
			chromedp.Click(chromedp.CSS(`#by-area th[data-key="members.total"] a`)),
			chromedp.WaitVisible(chromedp.CSS(`#by-area th[data-key="members.total"][aria-sort="ascending"]`)),
		)
		if vs := members(); !sorted(vs, false) {
			t.Errorf("ascending: %v", vs)
		}
		run(t, ctx,
			chromedp.Click(chromedp.CSS(`#by-area th[data-key="members.total"] a`)),
			chromedp.WaitVisible(chromedp.CSS(`#by-area th[data-key="members.total"][aria-sort="descending"]`)),
		)
		vs := members()
		if !sorted(vs, true) {
			t.Errorf("descending: %v", vs)
		}
		if n := get(t, ctx, chromedp.Evaluate[int](`window.notReloaded || 0`)); n != 1 {
			t.Error("sorting loaded the page again; the script should sort in place")
		}
		shot(t, ctx, "by-area-sorted")
		// The top row (most members) opens its own records.
		id := get(t, ctx, chromedp.AttributeValue(chromedp.CSS("#by-area tbody.rows tr"), "data-id"))
		run(t, ctx,
			chromedp.Click(chromedp.CSS(`#by-area tbody.rows tr:first-child td[data-v="`+strconv.FormatFloat(vs[0], 'f', -1, 64)+`"] a.value`)),
			chromedp.WaitVisible(chromedp.CSS("#figure-value")),
		)
		loc := get(t, ctx, chromedp.Location())
		wantContains(t, "records link", loc, "/figures/members.total?", "area="+id.Value, "from=2024-01-01", "to=2024-12-31")
		if got := textOf(t, ctx, "#figure-value"); got != strconv.FormatFloat(vs[0], 'f', -1, 64) {
			t.Errorf("the records page says %q, the breakdown %v", got, vs[0])
		}
	})
}
