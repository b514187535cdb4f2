package coordination

import (
	"net/http"
	"strconv"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// campaignsPage is the list of campaigns.
type campaignsPage struct {
	Rows []CampaignListRow
	// Conferences names the conferences of the scope.
	Conferences map[int64]string
	Today       date.Date
	CanWrite    bool
}

// campaignList renders the campaigns covering the user's scope, latest
// first, the running ones marked.
func (p *pages) campaignList(w http.ResponseWriter, r *http.Request) {
	rows, err := p.s.Campaigns(r.Context(), 0)
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	names, err := p.s.ConferenceNames(r.Context())
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	u, _ := web.Principal(r)
	lang := web.Lang(r)
	p.Render(w, r, http.StatusOK, "campaigns", &web.View{Title: i18n.T(lang, "ui.campaigns.title"), Nav: "coordination",
		D: &campaignsPage{Rows: rows, Conferences: names, Today: p.s.Today(), CanWrite: u.Can(WriteCoordination)}})
}

// campaignPage is a campaign's page: the campaign and the name of the
// conference that led it (when the user's scope holds it).
type campaignPage struct {
	CampaignDetail
	ConferenceName string
}

// campaignShow renders a campaign: kind, area covered, dates, leading
// conference, participating units and results.
func (p *pages) campaignShow(w http.ResponseWriter, r *http.Request) {
	v, err := p.s.Campaign(r.Context(), web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	names, err := p.s.ConferenceNames(r.Context())
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	p.Render(w, r, http.StatusOK, "campaign", &web.View{Title: v.Name, Nav: "coordination", D: &campaignPage{CampaignDetail: v, ConferenceName: names[v.ConferenceID]}})
}

// quantity shows a measure's quantity without trailing zeros.
func quantity(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
