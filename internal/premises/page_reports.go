package premises

import (
	"net/http"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// periodForm is the scope and period a report page was asked for, with the
// refusal of a bad date next to its field.
type periodForm struct {
	Area               string
	From, To, On       string
	FromError, ToError string
}

// period reads ?area= (an id, empty for the caller's scope), ?from= and
// ?to= (the current year by default).
func (p *pages) period(r *http.Request) (areaID int64, from, to date.Date, f periodForm, ok bool) {
	q := r.URL.Query()
	f = periodForm{Area: strings.TrimSpace(q.Get("area")), From: strings.TrimSpace(q.Get("from")), To: strings.TrimSpace(q.Get("to"))}
	from, to = date.YearBounds(p.s.Today().Year())
	ok = true
	lang := web.Lang(r)
	if f.From != "" {
		d, err := date.Parse(f.From)
		if err != nil {
			f.FromError, ok = i18n.T(lang, "err.date_invalid", f.From), false
		}
		from = d
	}
	if f.To != "" {
		d, err := date.Parse(f.To)
		if err != nil {
			f.ToError, ok = i18n.T(lang, "err.date_invalid", f.To), false
		}
		to = d
	}
	if ok && to.Before(from) {
		f.ToError, ok = i18n.T(lang, "err.period_inverted", from.String(), to.String()), false
	}
	f.From, f.To = from.String(), to.String()
	return web.ParseID(f.Area), from, to, f, ok
}

// threeLacksPage is the data of the three-lacks report.
type threeLacksPage struct {
	ThreeLacksReport
	Form periodForm
}

// threeLacksShow renders the three-lacks committees of a scope at the
// start and the end of a period and those given office premises in it.
func (p *pages) threeLacksShow(w http.ResponseWriter, r *http.Request) {
	areaID, from, to, form, ok := p.period(r)
	page := &threeLacksPage{Form: form}
	status := http.StatusOK
	if ok {
		rep, err := p.s.ThreeLacks(r.Context(), areaID, from, to)
		if err != nil {
			p.Fail(w, r, err)
			return
		}
		page.ThreeLacksReport = rep
	} else {
		status = http.StatusUnprocessableEntity
	}
	lang := web.Lang(r)
	p.Render(w, r, status, "three_lacks", &web.View{Title: i18n.T(lang, "ui.three_lacks.title"), Nav: "premises", D: page})
}

// belowStandardPage is the data of the below-standard list.
type belowStandardPage struct {
	On    date.Date
	Area  string
	Rows  []Shortfall
	Error string
}

// belowStandardShow renders the communities of a scope below the standard
// in force on a day (?on=, today by default), largest shortfall first.
func (p *pages) belowStandardShow(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	page := &belowStandardPage{On: p.s.Today(), Area: q.Get("area")}
	status := http.StatusOK
	lang := web.Lang(r)
	if s := strings.TrimSpace(q.Get("on")); s != "" {
		d, err := date.Parse(s)
		if err != nil {
			page.Error, status = i18n.T(lang, "err.date_invalid", s), http.StatusUnprocessableEntity
		}
		page.On = d
	}
	if status == http.StatusOK {
		rows, err := p.s.BelowStandard(r.Context(), web.ParseID(page.Area), page.On)
		if err != nil {
			p.Fail(w, r, err)
			return
		}
		page.Rows = rows
	}
	p.Render(w, r, status, "below_standard", &web.View{Title: i18n.T(lang, "ui.below_standard.title"), Nav: "premises", D: page})
}
