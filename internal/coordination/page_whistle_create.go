package coordination

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// whistleRows is how many summoned-party rows the whistle form offers.
const whistleRows = 4

// whistleForm is the data of the form that raises a whistle.
type whistleForm struct {
	V          url.Values
	Area       web.Field
	Rows       []partyFormRow
	Error      string
	ErrorField string
}

// partyFormRow is one summoned party of the form with its own refusal.
type partyFormRow struct {
	N                 int
	Unit              web.Field
	Department, Hours string
	Error, ErrorField string
}

// whistleCreate shows the form that raises a whistle — the raising area (a
// community or a subdistrict), the issue, when, and the departments or
// units summoned, each with its deadline in hours — and records it; a
// refusal is shown next to its field or row.
func (p *pages) whistleCreate(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	lang := web.Lang(r)
	now := p.s.Now().In(cst)
	form := whistleForm{V: url.Values{"raised_on": {p.s.Today().String()}, "raised_time": {now.Format("15:04")}}}
	status := http.StatusOK
	if r.Method == http.MethodPost {
		if err := r.ParseForm(); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		form.V = r.PostForm
		in, err := p.whistleInput(ctx, form.V)
		var id int64
		if err == nil {
			id, err = p.s.RaiseWhistle(ctx, in)
		}
		if err == nil {
			web.SetFlash(w, "ui.flash.whistle_raised", in.Subject)
			web.SeeOther(w, r, "/whistles/"+web.Itoa(id))
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
	fillWhistleForm(lang, &form)
	p.Render(w, r, status, "whistle_form", &web.View{Title: i18n.T(lang, "ui.whistle_new.title"), Nav: "coordination", D: &form})
}

// whistleInput reads the form; a row without a unit or a department is
// empty and skipped. Pickers are resolved in place (web.Kit.Pick).
func (p *pages) whistleInput(ctx context.Context, v url.Values) (WhistleInput, error) {
	in := WhistleInput{Subject: v.Get("subject")}
	var err error
	if in.AreaID, err = p.Pick(ctx, "areas", v, "area_id", url.Values{"level": {"community", "subdistrict"}}); err != nil {
		return in, err
	}
	if in.RaisedAt, err = parseMoment(v, "raised_on", "raised_time"); err != nil {
		return in, err
	}
	for i := 0; i < whistleRows; i++ {
		unitField := rowName("party_unit", i)
		unit, err := p.Pick(ctx, "units", v, unitField, nil)
		if err != nil {
			return in, rowError(err, len(in.Parties), "unit_id")
		}
		dept := strings.TrimSpace(v.Get(rowName("party_dept", i)))
		hours := strings.TrimSpace(v.Get(rowName("party_hours", i)))
		if unit == 0 && dept == "" {
			continue
		}
		pi := PartyInput{UnitID: unit, Department: dept}
		if hours != "" {
			if pi.DeadlineHours, err = strconv.Atoi(hours); err != nil {
				return in, i18n.Errf("parties["+strconv.Itoa(len(in.Parties))+"].deadline_hours", "err.coord_number_invalid", hours)
			}
		}
		in.Parties = append(in.Parties, pi)
	}
	return in, nil
}

// rowError moves a refusal to field of the k-th party sent.
func rowError(err error, k int, field string) error {
	if e, ok := web.UserError(err); ok {
		e.Field = "parties[" + strconv.Itoa(k) + "]." + field
	}
	return err
}

// parseMoment reads a date field and a time field (HH:MM, China Standard
// Time) as one moment; an empty date is the zero moment, which the domain
// refuses.
func parseMoment(v url.Values, dateName, timeName string) (time.Time, error) {
	d, err := web.ParseOn(v, dateName)
	if err != nil || d.IsZero() {
		return time.Time{}, err
	}
	clock := strings.TrimSpace(v.Get(timeName))
	if clock == "" {
		clock = "00:00"
	}
	t, err := time.ParseInLocation("2006-01-02 15:04", d.String()+" "+clock, cst)
	if err != nil {
		return time.Time{}, i18n.Errf(timeName, "err.coord_clock_invalid", clock)
	}
	return t, nil
}

// fillWhistleForm lays out the form from the values sent (or the
// defaults), placing a party's refusal on its row.
func fillWhistleForm(lang i18n.Lang, f *whistleForm) {
	f.Area = web.Field{Name: "area_id", Label: i18n.T(lang, "ui.whistle.area"), Type: "picker", Pick: "areas", PickArgs: "level=community&level=subdistrict",
		Value: f.V.Get("area_id"), Text: f.V.Get("area_id_q"), Required: true}
	if f.ErrorField == "area_id" {
		f.Area.Error = f.Error
	}
	for i := 0; i < whistleRows; i++ {
		name := rowName("party_unit", i)
		f.Rows = append(f.Rows, partyFormRow{N: i,
			Unit:       web.Field{Name: name, Type: "picker", Pick: "units", Value: f.V.Get(name), Text: f.V.Get(name + "_q")},
			Department: f.V.Get(rowName("party_dept", i)), Hours: f.V.Get(rowName("party_hours", i))})
	}
	// parties[k].field: the k-th party sent, which is the k-th non-empty row.
	rest, ok := strings.CutPrefix(f.ErrorField, "parties[")
	if !ok {
		return
	}
	k, field, ok := strings.Cut(rest, "].")
	n, err := strconv.Atoi(k)
	if !ok || err != nil {
		return
	}
	for i, row := range f.Rows {
		if row.Unit.Value == "" && strings.TrimSpace(row.Unit.Text) == "" && strings.TrimSpace(row.Department) == "" {
			continue
		}
		if n == 0 {
			f.Rows[i].Error, f.Rows[i].ErrorField = f.Error, field
			f.Error, f.ErrorField = "", ""
			return
		}
		n--
	}
}
