package services

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// gridPage is a community's month of services.
type gridPage struct {
	Grid
	MonthText, Prev, Next string
	CanWrite              bool
	// Kinds are the kinds of service, one row each per outlet.
	Kinds []ServiceKind
	// Error is the refusal of the whole grid (how many cells are wrong).
	Error string
}

// parseMonth reads ?month= or the form's month (YYYY-MM); this month when
// absent.
func parseMonth(s string, today date.Date) (date.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return MonthOf(today), nil
	}
	d, err := date.Parse(s + "-01")
	if err != nil {
		return d, i18n.Errf("month", "err.grid_month_invalid", s)
	}
	return d, nil
}

// gridShow renders the month's grid of the community of the path.
func (p *pages) gridShow(w http.ResponseWriter, r *http.Request) {
	month, err := parseMonth(r.URL.Query().Get("month"), p.s.Today())
	var g Grid
	if err == nil {
		g, err = p.s.Grid(r.Context(), web.ParseID(r.PathValue("id")), month)
	}
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	p.renderGrid(w, r, http.StatusOK, g, nil)
}

// gridSave saves the month's grid in one transaction: every cell or none.
func (p *pages) gridSave(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		p.Fail(w, r, i18n.Errf("", "err.body_invalid", err.Error()))
		return
	}
	id := web.ParseID(r.PathValue("id"))
	month, err := parseMonth(r.PostForm.Get("month"), p.s.Today())
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	g, err := p.s.SaveGrid(r.Context(), id, month, gridCells(r.PostForm))
	var refusal *i18n.Error
	switch {
	case err == nil:
		web.SetFlash(w, "ui.flash.grid_saved", g.Community.Name, monthText(g.Month))
		web.SeeOther(w, r, "/areas/"+web.Itoa(id)+"/service-grid?month="+monthText(g.Month))
	case errors.Is(err, ErrGridRefused) && errors.As(err, &refusal) && len(g.Rows) > 0:
		p.renderGrid(w, r, http.StatusUnprocessableEntity, g, refusal)
	default:
		p.Fail(w, r, err)
	}
}

// gridCells reads the cells pt_<outlet>_<kind> and vh_<outlet>_<kind>.
func gridCells(v url.Values) []GridCell {
	index := map[string]int{}
	var cells []GridCell
	for name, vals := range v {
		cell, rest, ok := strings.Cut(name, "_")
		if !ok || (cell != "pt" && cell != "vh") {
			continue
		}
		idText, kind, ok := strings.Cut(rest, "_")
		if !ok {
			continue
		}
		i, seen := index[rest]
		if !seen {
			i = len(cells)
			index[rest] = i
			cells = append(cells, GridCell{OutletID: web.ParseID(idText), Kind: ServiceKind(kind)})
		}
		if cell == "pt" {
			cells[i].PersonTimes = vals[0]
		} else {
			cells[i].VolunteerHours = vals[0]
		}
	}
	return cells
}

// renderGrid renders the grid with the refusal of a wrong one.
func (p *pages) renderGrid(w http.ResponseWriter, r *http.Request, status int, g Grid, refusal *i18n.Error) {
	lang := web.Lang(r)
	u, _ := web.Principal(r)
	pg := &gridPage{Grid: g, MonthText: monthText(g.Month), CanWrite: u.Can(WriteServices), Kinds: ServiceKinds,
		Prev: monthText(date.Of(g.Month.Time().AddDate(0, -1, 0))), Next: monthText(date.Of(g.Month.Time().AddDate(0, 1, 0)))}
	if !MonthOf(p.s.Today()).After(g.Month) {
		pg.Next = ""
	}
	if refusal != nil {
		pg.Error = refusal.In(lang)
	}
	p.Render(w, r, status, "service_grid", &web.View{Title: i18n.T(lang, "ui.grid.title", g.Community.Name, pg.MonthText), Nav: "services", D: pg})
}
