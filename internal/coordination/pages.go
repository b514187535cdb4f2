package coordination

import (
	"embed"
	"html/template"
	"net/http"
	"time"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

//go:embed templates/*.html
var templateFiles embed.FS

// pages are the handlers of part two's pages.
type pages struct {
	*web.Kit
	s *Store
}

// Pages is part two's share of the web application: the conferences of
// the scope, a conference's page, and the open actions overdue or due soon.
func Pages(st *Store) web.Module {
	return web.Module{
		Name:      "coordination",
		Templates: web.Sub(templateFiles),
		Funcs: template.FuncMap{
			"actionArgs": func(v *web.View, rows []Action) actionArgs { return actionArgs{V: v, Rows: rows, Today: st.Today()} },
			// clock shows a moment in China Standard Time.
			"clock":    func(t time.Time) string { return t.In(cst).Format("2006-01-02 15:04") },
			"hours":    func(d time.Duration) int { return int(d.Hours()) },
			"quantity": quantity,
		},
		Nav: []web.NavItem{{Key: "coordination", Href: "/conferences", Label: "ui.nav.coordination", Perm: ReadCoordination, Order: 450}},
		Routes: func(k *web.Kit) []web.Route {
			p := &pages{Kit: k, s: st}
			action, unit, whistle := st.ActionPlace(), st.UnitPlace(), st.WhistlePlace()
			return []web.Route{
				{Pattern: "GET /conferences", Perm: ReadCoordination, Handler: p.conferenceList},
				{Pattern: "GET /conferences/{id}", Perm: ReadCoordination, Place: st.ConferencePlace(), Handler: p.conferenceShow},
				{Pattern: "/conferences/{id}/sessions/new", Perm: WriteCoordination, Place: st.ConferencePlace(), Handler: p.sessionCreate},
				{Pattern: "GET /actions", Perm: ReadCoordination, Handler: p.actionList},
				{Pattern: "GET /actions/{id}", Perm: ReadCoordination, Place: action, Handler: p.actionShow},
				{Pattern: "/actions/{id}/progress", Perm: WriteCoordination, Place: action, Handler: p.actionProgress},
				{Pattern: "/actions/{id}/sub-actions/new", Perm: WriteCoordination, Place: action, Handler: p.actionSplit},
				{Pattern: "GET /whistles", Perm: ReadCoordination, Handler: p.whistleList},
				{Pattern: "GET /whistles/new", Perm: WriteCoordination, Handler: p.whistleCreate},
				{Pattern: "POST /whistles/new", Perm: WriteCoordination, Handler: p.whistleCreate},
				{Pattern: "GET /whistles/{id}", Perm: ReadCoordination, Place: whistle, Handler: p.whistleShow},
				{Pattern: "POST /whistles/{id}/report", Perm: WriteCoordination, Place: whistle, Handler: p.whistleReport},
				{Pattern: "POST /whistles/{id}/score", Perm: WriteCoordination, Place: whistle, Handler: p.whistleScore},
				{Pattern: "POST /whistles/{id}/resolve", Perm: WriteCoordination, Place: whistle, Handler: p.whistleResolve},
				{Pattern: "/whistles/{id}/actions/new", Perm: WriteCoordination, Place: whistle, Handler: p.whistleAction},
				{Pattern: "GET /campaigns", Perm: ReadCoordination, Handler: p.campaignList},
				{Pattern: "GET /campaigns/new", Perm: WriteCoordination, Handler: p.campaignCreate},
				{Pattern: "POST /campaigns/new", Perm: WriteCoordination, Handler: p.campaignCreate},
				{Pattern: "GET /campaigns/{id}", Perm: ReadCoordination, Place: st.CampaignPlace(), Handler: p.campaignShow},
				{Pattern: "GET /units/{id}/actions", Perm: ReadUnitActions, Place: unit, Handler: p.unitActions},
				{Pattern: "/units/{id}/actions/{action}/progress", Perm: WriteUnitActions, Place: unit, Handler: p.unitActionProgress},
			}
		},
	}
}

// conferenceList renders the conferences of the user's scope.
func (p *pages) conferenceList(w http.ResponseWriter, r *http.Request) {
	rows, err := p.s.Conferences(r.Context())
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	lang := web.Lang(r)
	p.Render(w, r, http.StatusOK, "conferences", &web.View{Title: i18n.T(lang, "ui.conferences.title"), Nav: "coordination", D: rows})
}

// conferenceShow renders a conference: members, sessions, open actions,
// campaigns.
func (p *pages) conferenceShow(w http.ResponseWriter, r *http.Request) {
	v, err := p.s.View(r.Context(), web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	u, _ := web.Principal(r)
	p.Render(w, r, http.StatusOK, "conference", &web.View{Title: v.Name, Nav: "coordination", D: &conferencePage{ConferenceView: v,
		CanWrite: u.Can(WriteCoordination) && v.EndedOn.IsZero()}})
}

// cst is China Standard Time, in which the pages show moments.
var cst = time.FixedZone("CST", 8*3600)

// whistleList renders the unresolved whistles of the scope with each
// summoned party's time left; late report-ins are marked.
func (p *pages) whistleList(w http.ResponseWriter, r *http.Request) {
	rows, err := p.s.OpenWhistles(r.Context(), p.s.Now())
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	lang := web.Lang(r)
	p.Render(w, r, http.StatusOK, "whistles", &web.View{Title: i18n.T(lang, "ui.whistles.title"), Nav: "coordination", D: rows})
}

// conferencePage is a conference's page: its view and whether the user
// may record its sessions.
type conferencePage struct {
	ConferenceView
	CanWrite bool
}

// actionArgs carries the view along the action table.
type actionArgs struct {
	V     *web.View
	Rows  []Action
	Today date.Date
}

// actionPage is the data of the action list.
type actionPage struct {
	Due   string
	Rows  []Action
	Next  string
	Error string
}

// actionList renders the open actions of the scope (?due=overdue|soon),
// a page at a time in due order.
func (p *pages) actionList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	page := actionPage{Due: q.Get("due")}
	f := ActionFilter{Due: page.Due, OwnerUnitID: web.ParseID(q.Get("owner")), ConferenceID: web.ParseID(q.Get("conference")),
		After: web.ParseID(q.Get("after")), Limit: 50}
	rows, err := p.s.ListActions(r.Context(), f)
	status := http.StatusOK
	if err != nil {
		e, ok := web.UserError(err)
		if !ok {
			p.ServerError(w, r, err)
			return
		}
		page.Error, status = e.In(web.Lang(r)), web.UserErrorStatus(e)
	}
	page.Rows = rows
	if len(rows) == f.Limit {
		v := web.KeepValues(q, "due", "owner", "conference")
		v.Set("after", web.Itoa(rows[len(rows)-1].ID))
		page.Next = "/actions?" + v.Encode()
	}
	lang := web.Lang(r)
	p.Render(w, r, status, "actions", &web.View{Title: i18n.T(lang, "ui.actions.title"), Nav: "coordination", D: &page})
}
