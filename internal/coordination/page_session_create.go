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

// sessionRows is how many action rows the session form offers (more come
// back when a refused form had them).
const sessionRows = 5

// sessionForm is the data of the session form.
type sessionForm struct {
	Conference ConferenceView
	V          url.Values
	Kinds      []choice
	Units      []choice
	Rows       []actionFormRow
	Error      string
	ErrorField string
}

// choice is a checkbox of the form.
type choice struct {
	Value, Label string
	Checked      bool
}

// actionFormRow is one action row of the form with its own refusal.
type actionFormRow struct {
	N                            int
	Title, Owner, OwnerUnit, Due string
	Error, ErrorField            string
}

// sessionCreate shows the form that records a session as it closes — date,
// topic, four-kinds tags, the member units present (absent ones shown
// unticked), people present, minutes and the actions agreed — and records
// it in one transaction; a refusal is shown next to its field or row.
func (p *pages) sessionCreate(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	lang := web.Lang(r)
	view, err := p.s.View(ctx, web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	form := sessionForm{Conference: view, V: url.Values{"held_on": {p.s.Today().String()}}}
	status := http.StatusOK
	if r.Method == http.MethodPost {
		if err := r.ParseForm(); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		form.V = r.PostForm
		in, perr := sessionInput(form.V, view.ID)
		if perr == nil {
			_, perr = p.s.RecordSession(ctx, in)
		}
		if perr == nil {
			web.SetFlash(w, "ui.flash.session_recorded", view.Name)
			web.SeeOther(w, r, "/conferences/"+web.Itoa(view.ID))
			return
		}
		e, ok := web.UserError(perr)
		if !ok {
			p.ServerError(w, r, perr)
			return
		}
		status = web.UserErrorStatus(e)
		form.Error, form.ErrorField = e.In(lang), e.Field
	}
	p.fillSessionForm(ctx, lang, &form)
	p.Render(w, r, status, "session_form", &web.View{Title: i18n.T(lang, "ui.session.title", view.Name), Nav: "coordination", D: &form})
}

// fillSessionForm lays out the form from the values sent (or the defaults).
func (p *pages) fillSessionForm(_ context.Context, lang i18n.Lang, f *sessionForm) {
	tags := map[string]bool{}
	for _, t := range f.V["tags"] {
		tags[t] = true
	}
	for _, k := range FourKinds {
		f.Kinds = append(f.Kinds, choice{Value: k, Label: i18n.T(lang, "ui.four_kinds."+k), Checked: tags[k]})
	}
	present := map[string]bool{}
	for _, u := range f.V["units_present"] {
		present[u] = true
	}
	for _, m := range f.Conference.Members {
		if m.To.IsZero() {
			id := web.Itoa(m.UnitID)
			f.Units = append(f.Units, choice{Value: id, Label: m.UnitName, Checked: present[id]})
		}
	}
	n := sessionRows
	for i := sessionRows; i < 50 && f.V.Has(rowName("title", i)); i++ {
		n = i + 1
	}
	for i := 0; i < n; i++ {
		row := actionFormRow{N: i, Title: f.V.Get(rowName("title", i)), Owner: f.V.Get(rowName("owner", i)),
			OwnerUnit: f.V.Get(rowName("owner_unit", i)), Due: f.V.Get(rowName("due_on", i))}
		f.Rows = append(f.Rows, row)
	}
	// actions[k].field: the k-th action sent, which is the k-th non-empty row.
	if rest, ok := strings.CutPrefix(f.ErrorField, "actions["); ok {
		if k, field, ok := strings.Cut(rest, "]."); ok {
			if n, err := strconv.Atoi(k); err == nil {
				for i, seen := range f.Rows {
					if strings.TrimSpace(seen.Title) == "" {
						continue
					}
					if n == 0 {
						f.Rows[i].Error, f.Rows[i].ErrorField = f.Error, field
						f.Error, f.ErrorField = "", ""
						break
					}
					n--
				}
			}
		}
	}
}

func rowName(f string, i int) string { return f + "_" + strconv.Itoa(i) }

// sessionInput reads the form; a row without a title is empty and skipped.
func sessionInput(v url.Values, conference int64) (SessionInput, error) {
	in := SessionInput{ConferenceID: conference, Topic: v.Get("topic"), Tags: v["tags"], Minutes: v.Get("minutes")}
	var err error
	if in.HeldOn, err = web.ParseOn(v, "held_on"); err != nil {
		return in, err
	}
	if x := strings.TrimSpace(v.Get("people_present")); x != "" {
		if in.PeoplePresent, err = strconv.Atoi(x); err != nil {
			return in, i18n.Errf("people_present", "err.coord_number_invalid", x)
		}
	}
	for _, u := range v["units_present"] {
		in.UnitsPresent = append(in.UnitsPresent, web.ParseID(u))
	}
	for i := 0; i < 50 && (i < sessionRows || v.Has(rowName("title", i))); i++ {
		if strings.TrimSpace(v.Get(rowName("title", i))) == "" {
			continue
		}
		k := len(in.Actions)
		a := ActionInput{Title: v.Get(rowName("title", i)), OwnerName: v.Get(rowName("owner", i)), OwnerUnitID: web.ParseID(v.Get(rowName("owner_unit", i)))}
		if a.DueOn, err = web.ParseOn(v, rowName("due_on", i)); err != nil {
			if e, ok := web.UserError(err); ok {
				e.Field = "actions[" + strconv.Itoa(k) + "].due_on"
			}
			return in, err
		}
		in.Actions = append(in.Actions, a)
	}
	return in, nil
}
