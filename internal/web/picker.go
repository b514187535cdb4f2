package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"dangjian/internal/auth"
	"dangjian/internal/i18n"
)

// A Picker finds records of one kind by part of their name. It replaces a
// select list of thousands of options (a city's party organisations, units
// or communities) with a search-as-you-type input: the page sends only the
// chosen record, and GET /pick/{kind}?q=… answers with the matches in the
// user's scope as JSON. A domain declares its pickers in its Module.
//
// A picker field posts two values: NAME, the chosen id, and NAME_q, the text
// in the input. Where the text is not the chosen record's label (the user
// typed without choosing, or the browser runs no script) the text decides:
// a number is the record's number, anything else must name one record.
type Picker struct {
	Kind string
	Perm auth.Permission
	// Find returns up to limit records in the caller's scope whose name
	// contains q (any records for ""), narrowed by args (a picker's own
	// filters, such as level=community). Labels tell same-named records
	// apart (a unit's organisation names its unit).
	Find func(ctx context.Context, q string, args url.Values, limit int) ([]Option, error)
	// Label is the label of record id, the same as Find gives it; an error
	// when it is not in the caller's scope.
	Label func(ctx context.Context, id int64) (string, error)
}

// pickLimit is how many matches a picker offers at once.
const pickLimit = 20

// pickRoutes are the JSON routes of the modules' pickers.
func pickRoutes(k *Kit) []Route {
	var out []Route
	for _, p := range k.pickers {
		out = append(out, Route{Pattern: "GET /pick/" + p.Kind, Perm: p.Perm, Handler: func(w http.ResponseWriter, r *http.Request) {
			q := r.URL.Query()
			opts, err := p.Find(r.Context(), strings.TrimSpace(q.Get("q")), q, pickLimit)
			if err != nil {
				if e, ok := UserError(err); ok {
					w.Header().Set("Content-Type", "application/json")
					w.WriteHeader(UserErrorStatus(e))
					json.NewEncoder(w).Encode(map[string]string{"error": e.In(Lang(r))})
					return
				}
				k.ServerError(w, r, err)
				return
			}
			type match struct {
				Value string `json:"value"`
				Label string `json:"label"`
			}
			out := make([]match, len(opts))
			for i, o := range opts {
				out[i] = match{o.Value, o.Label}
			}
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Cache-Control", "no-store")
			json.NewEncoder(w).Encode(out)
		}})
	}
	return out
}

// Picker returns the picker of kind (nil when no module declares it).
func (k *Kit) Picker(kind string) *Picker {
	for i := range k.pickers {
		if k.pickers[i].Kind == kind {
			return &k.pickers[i]
		}
	}
	return nil
}

// Pick reads the picker field name of values (see Picker): the id chosen,
// 0 for an empty field, or a refusal naming the field. values is updated
// so that NAME holds the id and NAME_q its label, for a form shown again.
func (k *Kit) Pick(ctx context.Context, kind string, values url.Values, name string, args url.Values) (int64, error) {
	p := k.Picker(kind)
	id := ParseID(values.Get(name))
	text, typed := values[name+"_q"]
	if !typed {
		// A link or a client that sends the id alone: the domain judges
		// it (an ended area gets its own refusal), the label is for show.
		if id != 0 {
			if label, err := p.Label(ctx, id); err == nil {
				values.Set(name+"_q", label)
			}
		}
		return id, nil
	}
	q := strings.TrimSpace(strings.Join(text, ""))
	switch {
	case q == "":
		values.Set(name, "")
		return 0, nil
	case id != 0:
		if label, err := p.Label(ctx, id); err == nil && label == q {
			return id, nil
		}
	}
	found, key, err := k.pickText(ctx, p, q, args)
	if err != nil {
		return 0, err
	}
	if key != "" {
		return 0, i18n.Errf(name, key, q)
	}
	values.Set(name, Itoa(found.id))
	values.Set(name+"_q", found.label)
	return found.id, nil
}

type picked struct {
	id    int64
	label string
}

// pickText finds the one record text names: its number, its exact label
// (or the name before the label's " · ") or the only match; else the key
// of the message that says why not.
func (k *Kit) pickText(ctx context.Context, p *Picker, text string, args url.Values) (picked, string, error) {
	if n, err := strconv.ParseInt(text, 10, 64); err == nil && n > 0 {
		// A number is the record's: the domain judges one the picker does
		// not offer (an ended area gets its own refusal).
		label, err := p.Label(ctx, n)
		if err != nil {
			label = text
		}
		return picked{n, label}, "", nil
	}
	opts, err := p.Find(ctx, text, args, pickLimit)
	if err != nil {
		return picked{}, "", err
	}
	var exact []Option
	for _, o := range opts {
		if o.Label == text || strings.SplitN(o.Label, " · ", 2)[0] == text {
			exact = append(exact, o)
		}
	}
	if len(exact) == 0 {
		exact = opts
	}
	switch len(exact) {
	case 1:
		return picked{ParseID(exact[0].Value), exact[0].Label}, "", nil
	case 0:
		return picked{}, "err.pick_none", nil
	}
	return picked{}, "err.pick_ambiguous", nil
}

// pickFields reads every picker field of a form (Pick), returning the
// first refusal.
func (k *Kit) pickFields(ctx context.Context, fields []Field, values url.Values) *i18n.Error {
	for _, f := range fields {
		if f.Type != "picker" {
			continue
		}
		args, _ := url.ParseQuery(f.PickArgs)
		if _, err := k.Pick(ctx, f.Pick, values, f.Name, args); err != nil {
			if e, ok := UserError(err); ok {
				return e
			}
			return i18n.Errf(f.Name, "err.pick_none", values.Get(f.Name+"_q"))
		}
	}
	return nil
}
