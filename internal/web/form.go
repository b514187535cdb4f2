package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// field is one input of a form.
type field struct {
	Name     string
	Label    string
	Type     string // text, date, select, textarea
	Value    string
	Help     string
	Error    string
	Required bool
	Options  []option
}

// option is one choice of a select.
type option struct {
	Value    string
	Label    string
	Selected bool
}

// formPage is what the form template shows.
type formPage struct {
	Heading string
	Intro   string
	Crumbs  []crumb
	Fields  []field
	// Error is a refusal not tied to one of the shown fields.
	Error  string
	Submit string
	Danger bool
	Back   string
}

// formSpec describes one form: its fields (given the current values), its
// defaults for GET, and what a POST applies. Every form records a change
// on a date, the field "on" (dateField): serveForm parses it before Apply,
// so a bad date is refused next to that field. Apply returns where to go on
// success and the flash key and arguments to show there.
type formSpec struct {
	Title    string
	Intro    string
	Crumbs   []crumb
	Submit   string
	Danger   bool
	Back     string
	Defaults url.Values
	Fields   func(v url.Values) []field
	Apply    func(ctx context.Context, v url.Values, on date.Date) (to string, flash []string, err error)
}

// serveForm shows a form (GET) or applies it (POST). A refusal re-renders
// the form with status 422, the user's input kept and the message next to
// the field it concerns; success redirects with 303 and a confirmation.
func (s *Server) serveForm(w http.ResponseWriter, r *http.Request, spec formSpec) {
	lang := langOf(r)
	values := spec.Defaults
	status := http.StatusOK
	var refusal *i18n.Error
	switch r.Method {
	case http.MethodGet, http.MethodHead:
	case http.MethodPost:
		if err := r.ParseForm(); err != nil {
			refusal = i18n.Errf("", "err.body_invalid", err.Error())
			status = http.StatusBadRequest
			break
		}
		values = r.PostForm
		to, flash, err := applyOn(r.Context(), spec, values)
		if err == nil {
			if len(flash) > 0 {
				setFlash(w, flash[0], flash[1:]...)
			}
			seeOther(w, r, to)
			return
		}
		e, ok := userError(err)
		if !ok {
			s.serverError(w, r, err)
			return
		}
		refusal, status = e, userErrorStatus(e)
		if status == http.StatusForbidden {
			s.auditDenied(r, e.Key)
		}
	default:
		w.Header().Set("Allow", "GET, HEAD, POST")
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
		return
	}
	page := formPage{Heading: spec.Title, Intro: spec.Intro, Crumbs: spec.Crumbs, Submit: spec.Submit, Danger: spec.Danger, Back: spec.Back}
	page.fill(spec.Fields(values), values, refusal, lang)
	s.render(w, r, status, "form", &view{Title: spec.Title, D: page})
}

// fill sets the fields' values from what the user sent and places a refusal
// next to the field it names, or above the form when no shown field has it.
func (page *formPage) fill(fields []field, values url.Values, refusal *i18n.Error, lang i18n.Lang) {
	placed := refusal == nil
	for i := range fields {
		f := &fields[i]
		f.Value = values.Get(f.Name)
		for j := range f.Options {
			f.Options[j].Selected = f.Options[j].Value == f.Value
		}
		if refusal != nil && refusal.Field == f.Name {
			f.Error = refusal.In(lang)
			placed = true
		}
	}
	if !placed {
		page.Error = refusal.In(lang)
	}
	page.Fields = fields
}

// applyOn parses the form's date and applies the form on it.
func applyOn(ctx context.Context, spec formSpec, v url.Values) (to string, flash []string, err error) {
	on, err := parseOn(v, "on")
	if err != nil {
		return "", nil, err
	}
	return spec.Apply(ctx, v, on)
}

// dateField is the date every form carries: when the change happened.
func dateField(lang i18n.Lang) field {
	return field{Name: "on", Label: i18n.T(lang, "ui.field.on"), Type: "date", Required: true, Help: i18n.T(lang, "ui.help.date")}
}

// noteField is the optional free-text note of a change.
func noteField(lang i18n.Lang) field {
	return field{Name: "note", Label: i18n.T(lang, "ui.field.note"), Type: "textarea"}
}

// parseOn reads the date field: empty is the zero date (the domain asks for
// it), anything else must be YYYY-MM-DD.
func parseOn(v url.Values, name string) (date.Date, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return date.Date{}, nil
	}
	d, err := date.Parse(s)
	if err != nil {
		return date.Date{}, i18n.Errf(name, "err.date_invalid", s)
	}
	return d, nil
}

// parseID reads an id field; anything that is not a positive number is 0,
// which the domain refuses with its own message.
func parseID(s string) int64 {
	id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || id < 0 {
		return 0
	}
	return id
}

// defaults returns the values a form starts with: today's date.
func (s *Server) defaults(kv ...string) url.Values {
	v := url.Values{"on": {s.areas.Today().String()}}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return v
}
