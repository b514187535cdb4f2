package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// Field is one input of a form.
type Field struct {
	Name     string
	Label    string
	Type     string // text, date, select, textarea
	Value    string
	Help     string
	Error    string
	Required bool
	Options  []Option
	// Pick is the picker kind of a "picker" field (see Picker) and
	// PickArgs its filters as a query string (level=community); Text is
	// the input's text, the chosen record's label.
	Pick     string
	PickArgs string
	Text     string
}

// Option is one choice of a select.
type Option struct {
	Value    string
	Label    string
	Selected bool
}

// FormPage is what the form template shows.
type FormPage struct {
	Heading string
	Intro   string
	Crumbs  []Crumb
	Fields  []Field
	// Error is a refusal not tied to one of the shown fields.
	Error  string
	Submit string
	Danger bool
	Back   string
}

// FormSpec describes one form: its fields (given the current values), its
// defaults for GET, and what a POST applies. Every form records a change
// on a date, the field "on" (dateField): serveForm parses it before Apply,
// so a bad date is refused next to that field. Apply returns where to go on
// success and the flash key and arguments to show there.
type FormSpec struct {
	Title    string
	Intro    string
	Crumbs   []Crumb
	Submit   string
	Danger   bool
	Back     string
	Defaults url.Values
	Fields   func(v url.Values) []Field
	Apply    func(ctx context.Context, v url.Values, on date.Date) (to string, flash []string, err error)
}

// ServeForm shows a form (GET) or applies it (POST). A refusal re-renders
// the form with status 422, the user's input kept and the message next to
// the field it concerns; success redirects with 303 and a confirmation.
func (k *Kit) ServeForm(w http.ResponseWriter, r *http.Request, spec FormSpec) {
	lang := Lang(r)
	values := spec.Defaults
	if values == nil {
		values = url.Values{}
	}
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
		if refusal = k.pickFields(r.Context(), spec.Fields(values), values); refusal != nil {
			status = http.StatusUnprocessableEntity
			break
		}
		to, flash, err := applyOn(r.Context(), spec, values)
		if err == nil {
			if len(flash) > 0 {
				SetFlash(w, flash[0], flash[1:]...)
			}
			SeeOther(w, r, to)
			return
		}
		e, ok := UserError(err)
		if !ok {
			k.ServerError(w, r, err)
			return
		}
		refusal, status = e, UserErrorStatus(e)
		if status == http.StatusForbidden {
			k.AuditDenied(r, e.Key)
		}
	default:
		w.Header().Set("Allow", "GET, HEAD, POST")
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
		return
	}
	page := FormPage{Heading: spec.Title, Intro: spec.Intro, Crumbs: spec.Crumbs, Submit: spec.Submit, Danger: spec.Danger, Back: spec.Back}
	fields := spec.Fields(values)
	if r.Method != http.MethodPost {
		k.pickFields(r.Context(), fields, values) // the labels of the defaults
	}
	page.Fill(fields, values, refusal, lang)
	k.Render(w, r, status, "form", &View{Title: spec.Title, D: page})
}

// Fill sets the fields' values from what the user sent and places a refusal
// next to the field it names, or above the form when no shown field has it.
func (page *FormPage) Fill(fields []Field, values url.Values, refusal *i18n.Error, lang i18n.Lang) {
	placed := refusal == nil
	for i := range fields {
		f := &fields[i]
		f.Value = values.Get(f.Name)
		f.Text = values.Get(f.Name + "_q")
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
func applyOn(ctx context.Context, spec FormSpec, v url.Values) (to string, flash []string, err error) {
	on, err := ParseOn(v, "on")
	if err != nil {
		return "", nil, err
	}
	return spec.Apply(ctx, v, on)
}

// DateField is the date every form carries: when the change happened.
func DateField(lang i18n.Lang) Field {
	return Field{Name: "on", Label: i18n.T(lang, "ui.field.on"), Type: "date", Required: true, Help: i18n.T(lang, "ui.help.date")}
}

// NoteField is the optional free-text note of a change.
func NoteField(lang i18n.Lang) Field {
	return Field{Name: "note", Label: i18n.T(lang, "ui.field.note"), Type: "textarea"}
}

// ParseOn reads the date field: empty is the zero date (the domain asks for
// it), anything else must be YYYY-MM-DD.
func ParseOn(v url.Values, name string) (date.Date, error) {
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

// ParseID reads an id field; anything that is not a positive number is 0,
// which the domain refuses with its own message.
func ParseID(s string) int64 {
	id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || id < 0 {
		return 0
	}
	return id
}

// Defaults returns the values a form starts with: the date of the change
// is today.
func Defaults(today date.Date, kv ...string) url.Values {
	v := url.Values{"on": {today.String()}}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return v
}

// ErrNoForm is what a form builder returns when the form does not exist
// for its subject (a community has no child level to create): 404.
var ErrNoForm = errors.New("web: no such form")

// FormWith builds the form in the request's language (404 for errNoForm),
// sets its breadcrumb from crumbs and serves it.
func (k *Kit) FormWith(w http.ResponseWriter, r *http.Request, build func(lang i18n.Lang) (FormSpec, error), crumbs func(lang i18n.Lang) ([]Crumb, error)) {
	lang := Lang(r)
	spec, err := build(lang)
	if errors.Is(err, ErrNoForm) {
		k.NotFound(w, r)
		return
	}
	if err == nil {
		spec.Crumbs, err = crumbs(lang)
	}
	if err != nil {
		k.ServerError(w, r, err)
		return
	}
	k.ServeForm(w, r, spec)
}

// Selected marks the option whose value is v.
func Selected(opts []Option, v string) []Option {
	for i := range opts {
		opts[i].Selected = opts[i].Value == v
	}
	return opts
}

// LabelOf is the label of the option with value v.
func LabelOf(opts []Option, v string) string {
	for _, o := range opts {
		if o.Value == v {
			return o.Label
		}
	}
	return v
}
