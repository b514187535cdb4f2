package dashboard

import (
	"net/http"
	"strconv"

	"dangjian/internal/i18n"
	"dangjian/internal/report"
	"dangjian/internal/web"
)

// dashboardPage is the data of the dashboard and of its full-screen mode:
// the scope form and where the script reads the data from.
type dashboardPage struct {
	Scope     *report.ScopeForm
	ScopeName string
	// DataURL is GET /dashboard.json with the scope; ScreenURL and HomeURL
	// the two modes with it.
	DataURL   string
	ScreenURL string
	HomeURL   string
	// Refresh is how often the full-screen mode reloads its data, in
	// seconds.
	Refresh int
}

// Refresh bounds, in seconds: ?refresh= on the full-screen mode.
const (
	defaultRefresh = 60
	maxRefresh     = 3600
)

// dashboardShow renders the dashboard of the scope the query names (the
// user's own area and the current year by default): the scope form and
// the frame the script fills from DataURL.
func (p *pages) dashboardShow(w http.ResponseWriter, r *http.Request) {
	p.show(w, r, "/", "dashboard", "ui.dashboard.title")
}

// screenShow renders the full-screen mode (数据大屏): the same data, dark
// and large, reloaded every ?refresh= seconds.
func (p *pages) screenShow(w http.ResponseWriter, r *http.Request) {
	p.show(w, r, "/dashboard/screen", "screen", "ui.dashboard.screen_title")
}

func (p *pages) show(w http.ResponseWriter, r *http.Request, action, page, title string) {
	lang := web.Lang(r)
	s, form, ok, err := report.ResolveScopeForm(p.Kit, p.src.Areas, r, action)
	if err != nil {
		p.ServerError(w, r, err)
		return
	}
	d := &dashboardPage{Scope: form, Refresh: refreshOf(r)}
	v := &web.View{Title: i18n.T(lang, title), Nav: "dashboard", D: d}
	if !ok {
		p.Render(w, r, form.Status, page, v)
		return
	}
	d.ScopeName = s.AreaName
	d.DataURL = form.Link("/dashboard.json")
	d.ScreenURL = form.Link("/dashboard/screen")
	d.HomeURL = form.Link("/")
	p.Render(w, r, http.StatusOK, page, v)
}

// refreshOf reads ?refresh=, the seconds between reloads (1 to an hour;
// anything else is the default minute).
func refreshOf(r *http.Request) int {
	n, err := strconv.Atoi(r.URL.Query().Get("refresh"))
	if err != nil || n < 1 || n > maxRefresh {
		return defaultRefresh
	}
	return n
}
