package coordination

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// campaignRows is how many unit rows and measure rows the form offers.
const campaignRows = 5

// campaignForm is the data of the form that records a campaign.
type campaignForm struct {
	V           url.Values
	Area        web.Field
	Kinds       []web.Option
	Conferences []web.Option
	Units       []web.Field
	Measures    []measureFormRow
	Error       string
	ErrorField  string
}

// measureFormRow is one result row of the form with its own refusal.
type measureFormRow struct {
	N                    int
	Name, Quantity, Unit string
	Error, ErrorField    string
}

// campaignCreate shows the form that records a campaign with its
// participating units and results, and records it in one transaction; a
// refusal is shown next to its field or row.
func (p *pages) campaignCreate(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	lang := web.Lang(r)
	form := campaignForm{V: url.Values{"started_on": {p.s.Today().String()}}}
	status := http.StatusOK
	if r.Method == http.MethodPost {
		if err := r.ParseForm(); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		form.V = r.PostForm
		in, err := p.campaignInput(ctx, form.V)
		var id int64
		if err == nil {
			id, err = p.s.CreateCampaign(ctx, in)
		}
		if err == nil {
			web.SetFlash(w, "ui.flash.campaign_created", in.Name)
			web.SeeOther(w, r, "/campaigns/"+web.Itoa(id))
			return
		}
		e, ok := web.UserError(err)
		if !ok {
			p.ServerError(w, r, err)
			return
		}
		status = web.UserErrorStatus(e)
		form.Error, form.ErrorField = e.In(lang), e.Field
	}
	confs, err := p.s.Conferences(ctx)
	if err != nil {
		p.ServerError(w, r, err)
		return
	}
	fillCampaignForm(lang, &form, confs)
	p.Render(w, r, status, "campaign_form", &web.View{Title: i18n.T(lang, "ui.campaign_new.title"), Nav: "coordination", D: &form})
}

// campaignInput reads the form: empty unit rows and measure rows are
// skipped; pickers are resolved in place.
func (p *pages) campaignInput(ctx context.Context, v url.Values) (CampaignInput, error) {
	in := CampaignInput{Name: v.Get("name"), Kind: CampaignKind(v.Get("kind")), ConferenceID: web.ParseID(v.Get("conference_id"))}
	var err error
	if in.AreaID, err = p.Pick(ctx, "areas", v, "area_id", nil); err != nil {
		return in, err
	}
	if in.StartedOn, err = web.ParseOn(v, "started_on"); err != nil {
		return in, err
	}
	if in.EndedOn, err = web.ParseOn(v, "ended_on"); err != nil {
		return in, err
	}
	for i := 0; i < campaignRows; i++ {
		u, err := p.Pick(ctx, "units", v, rowName("unit", i), nil)
		if err != nil {
			return in, web.RenameField(err, rowName("unit", i), "units")
		}
		if u != 0 {
			in.Units = append(in.Units, u)
		}
	}
	for i := 0; i < campaignRows; i++ {
		name, qty, unit := v.Get(rowName("measure_name", i)), strings.TrimSpace(v.Get(rowName("measure_qty", i))), v.Get(rowName("measure_unit", i))
		if strings.TrimSpace(name) == "" && qty == "" && strings.TrimSpace(unit) == "" {
			continue
		}
		m := Measure{Name: name, Unit: unit}
		if qty != "" {
			if m.Quantity, err = strconv.ParseFloat(qty, 64); err != nil {
				return in, i18n.Errf("measures["+strconv.Itoa(len(in.Measures))+"].quantity", "err.coord_quantity_invalid", qty)
			}
		}
		in.Measures = append(in.Measures, m)
	}
	return in, nil
}

// fillCampaignForm lays out the form from the values sent (or the
// defaults), placing a measure's refusal on its row.
func fillCampaignForm(lang i18n.Lang, f *campaignForm, confs []ConferenceRow) {
	f.Area = web.Field{Name: "area_id", Type: "picker", Pick: "areas", Value: f.V.Get("area_id"), Text: f.V.Get("area_id_q")}
	if f.ErrorField == "area_id" {
		f.Area.Error = f.Error
	}
	kinds := make([]string, len(CampaignKinds))
	for i, k := range CampaignKinds {
		kinds[i] = string(k)
	}
	f.Kinds = web.Selected(web.EnumOptions(lang, "ui.campaign_kind.", "", kinds...), f.V.Get("kind"))
	f.Conferences = []web.Option{{Value: "", Label: i18n.T(lang, "ui.campaign.no_conference")}}
	for _, c := range confs {
		if c.EndedOn.IsZero() {
			f.Conferences = append(f.Conferences, web.Option{Value: web.Itoa(c.ID), Label: c.Name})
		}
	}
	f.Conferences = web.Selected(f.Conferences, f.V.Get("conference_id"))
	for i := 0; i < campaignRows; i++ {
		name := rowName("unit", i)
		f.Units = append(f.Units, web.Field{Name: name, Type: "picker", Pick: "units", Value: f.V.Get(name), Text: f.V.Get(name + "_q")})
	}
	for i := 0; i < campaignRows; i++ {
		f.Measures = append(f.Measures, measureFormRow{N: i, Name: f.V.Get(rowName("measure_name", i)),
			Quantity: f.V.Get(rowName("measure_qty", i)), Unit: f.V.Get(rowName("measure_unit", i))})
	}
	rest, ok := strings.CutPrefix(f.ErrorField, "measures[")
	if !ok {
		return
	}
	k, field, ok := strings.Cut(rest, "].")
	n, err := strconv.Atoi(k)
	if !ok || err != nil {
		return
	}
	for i, m := range f.Measures {
		if strings.TrimSpace(m.Name) == "" && strings.TrimSpace(m.Quantity) == "" && strings.TrimSpace(m.Unit) == "" {
			continue
		}
		if n == 0 {
			f.Measures[i].Error, f.Measures[i].ErrorField = f.Error, field
			f.Error, f.ErrorField = "", ""
			return
		}
		n--
	}
}
