package coordination

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// whistlePage is a whistle's page: its view, what the user may do, and a
// refusal of one of its small forms placed on the party's row (Party) or
// on the resolve form, with the values sent.
type whistlePage struct {
	WhistleDetail
	CanWrite   bool
	Today      date.Date
	Party      int64
	V          url.Values
	Error      string
	ErrorField string
}

// whistleShow renders a whistle: its parties with their deadlines, report-in
// times (late ones marked) and scores, the actions it became and whether it
// is resolved; a writer records report-ins, scores and the resolution here.
func (p *pages) whistleShow(w http.ResponseWriter, r *http.Request) {
	p.renderWhistle(w, r, http.StatusOK, whistlePage{})
}

func (p *pages) renderWhistle(w http.ResponseWriter, r *http.Request, status int, page whistlePage) {
	v, err := p.s.Whistle(r.Context(), web.ParseID(r.PathValue("id")), p.s.Now())
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	u, _ := web.Principal(r)
	page.WhistleDetail, page.CanWrite, page.Today = v, u.Can(WriteCoordination), p.s.Today()
	if page.V == nil {
		page.V = url.Values{}
	}
	if !page.V.Has("on") {
		page.V.Set("on", p.s.Today().String())
	}
	p.Render(w, r, status, "whistle", &web.View{Title: v.Subject, Nav: "coordination", D: &page})
}

// whistlePost applies one of the whistle page's forms: party is the
// summoned party the form names (0 for the whistle itself); a refusal
// shows the page again with the message where it belongs.
func (p *pages) whistlePost(w http.ResponseWriter, r *http.Request, flash string, apply func(ctx context.Context, v url.Values, party int64) error) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	ctx := r.Context()
	id := web.ParseID(r.PathValue("id"))
	v, err := p.s.Whistle(ctx, id, p.s.Now())
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	var party int64
	if r.PostForm.Has("party") {
		party = web.ParseID(r.PostForm.Get("party"))
		if !hasParty(v, party) {
			p.Fail(w, r, notFound("party_id", "err.whistle_party_unknown", party))
			return
		}
	}
	if err := apply(ctx, r.PostForm, party); err != nil {
		e, ok := web.UserError(err)
		if !ok {
			p.ServerError(w, r, err)
			return
		}
		p.renderWhistle(w, r, web.UserErrorStatus(e), whistlePage{Party: party, V: r.PostForm, Error: e.In(web.Lang(r)), ErrorField: e.Field})
		return
	}
	web.SetFlash(w, flash, v.Subject)
	web.SeeOther(w, r, whistleURL(id))
}

// whistleReport records when a summoned party reported in.
func (p *pages) whistleReport(w http.ResponseWriter, r *http.Request) {
	p.whistlePost(w, r, "ui.flash.whistle_reported", func(ctx context.Context, v url.Values, party int64) error {
		at, err := parseClock(v.Get("reported_at"), "reported_at")
		if err != nil {
			return err
		}
		return p.s.ReportIn(ctx, party, at)
	})
}

// whistleScore records the raising area's score of a summoned party.
func (p *pages) whistleScore(w http.ResponseWriter, r *http.Request) {
	p.whistlePost(w, r, "ui.flash.whistle_scored", func(ctx context.Context, v url.Values, party int64) error {
		x := strings.TrimSpace(v.Get("score"))
		n, err := strconv.Atoi(x)
		if err != nil {
			return i18n.Errf("score", "err.coord_number_invalid", x)
		}
		return p.s.Score(ctx, party, n)
	})
}

// whistleResolve closes the whistle on a date.
func (p *pages) whistleResolve(w http.ResponseWriter, r *http.Request) {
	p.whistlePost(w, r, "ui.flash.whistle_resolved", func(ctx context.Context, v url.Values, _ int64) error {
		on, err := web.ParseOn(v, "on")
		if err != nil {
			return err
		}
		return p.s.ResolveWhistle(ctx, web.ParseID(r.PathValue("id")), on)
	})
}

// whistleAction shows and applies the form that turns a whistle into an
// action placed at its area.
func (p *pages) whistleAction(w http.ResponseWriter, r *http.Request) {
	p.FormWith(w, r, func(lang i18n.Lang) (web.FormSpec, error) {
		v, err := p.s.Whistle(r.Context(), web.ParseID(r.PathValue("id")), p.s.Now())
		if err != nil {
			return web.FormSpec{}, err
		}
		return web.FormSpec{
			Title:    i18n.T(lang, "ui.whistle_action.title", v.Subject),
			Intro:    i18n.T(lang, "ui.whistle_action.intro"),
			Submit:   i18n.T(lang, "ui.whistle_action.submit"),
			Back:     whistleURL(v.ID),
			Defaults: web.Defaults(p.s.Today()),
			Fields: func(url.Values) []web.Field {
				on := web.DateField(lang)
				on.Help = i18n.T(lang, "ui.whistle_action.on_help")
				return append(actionFields(lang), on)
			},
			Apply: func(ctx context.Context, vals url.Values, on date.Date) (string, []string, error) {
				a, err := actionFormInput(vals)
				if err != nil {
					return "", nil, err
				}
				if _, err := p.s.WhistleAction(ctx, v.ID, on, a); err != nil {
					return "", nil, err
				}
				return whistleURL(v.ID), []string{"ui.flash.whistle_action", a.Title}, nil
			},
		}, nil
	}, func(lang i18n.Lang) ([]web.Crumb, error) {
		return []web.Crumb{{Label: i18n.T(lang, "ui.whistles.title"), Href: "/whistles"}}, nil
	})
}

// parseClock reads a moment written YYYY-MM-DD HH:MM in China Standard Time
// (a T between them is taken too); empty is the zero moment.
func parseClock(s, field string) (time.Time, error) {
	s = strings.TrimSpace(strings.Replace(s, "T", " ", 1))
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation("2006-01-02 15:04", s, cst)
	if err != nil {
		return time.Time{}, i18n.Errf(field, "err.coord_clock_invalid", s)
	}
	return t, nil
}

func whistleURL(id int64) string { return "/whistles/" + web.Itoa(id) }

// hasParty reports whether the whistle summoned party id.
func hasParty(v WhistleDetail, id int64) bool {
	for _, p := range v.Parties {
		if p.ID == id {
			return true
		}
	}
	return false
}
