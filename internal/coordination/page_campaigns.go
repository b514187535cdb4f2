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
	Rows     []CampaignListRow
	Today    date.Date
	CanWrite bool
}

// campaignList renders the campaigns covering the user's scope, latest
// first, the running ones marked.
func (p *pages) campaignList(w http.ResponseWriter, r *http.Request) {
	rows, err := p.s.Campaigns(r.Context(), 0)
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	u, _ := web.Principal(r)
	lang := web.Lang(r)
	p.Render(w, r, http.StatusOK, "campaigns", &web.View{Title: i18n.T(lang, "ui.campaigns.title"), Nav: "coordination",
		D: &campaignsPage{Rows: rows, Today: p.s.Today(), CanWrite: u.Can(WriteCoordination)}})
}

// campaignShow renders a campaign: kind, area covered, dates, leading
// conference, participating units and results.
func (p *pages) campaignShow(w http.ResponseWriter, r *http.Request) {
	v, err := p.s.CampaignView(r.Context(), web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	p.Render(w, r, http.StatusOK, "campaign", &web.View{Title: v.Name, Nav: "coordination", D: &v})
}

// quantity shows a measure's quantity without trailing zeros.
func quantity(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
