package speech

import (
	"context"
	"sort"

	"dangjian/internal/db"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
)

// Rule picks the record an example slot tells, for a scope and period.
type Rule struct {
	Name string
	// Fields are the fields a template may read inside the slot.
	Fields []string
	// Find returns the record's fields, or nil when no record fits.
	Find func(ctx context.Context, q db.Q, s figures.Scope, lang i18n.Lang) (Fields, error)
	// Figures are the figures Find computes: a speech computes them with
	// its own, all at once, and Find reads them from its memo.
	Figures []string
}

// Fields are a picked record's fields by name.
type Fields map[string]Field

// Field is one field as the speech shows it.
type Field struct {
	Text string
	// Link is the page of the records behind the field ("" for none).
	Link string
	// Zero is true for a count of 0 or an empty list: {{if .field}} is false.
	Zero bool
}

var rules = map[string]*Rule{}

// Register adds example rules; a domain registers its own from an init
// function. A duplicate name is a programming error.
func Register(rs ...*Rule) {
	for _, r := range rs {
		if _, dup := rules[r.Name]; dup {
			panic("speech: duplicate rule " + r.Name)
		}
		rules[r.Name] = r
	}
}

// GetRule returns the rule named name, or nil.
func GetRule(name string) *Rule { return rules[name] }

// Rules lists the registered rules by name.
func Rules() []*Rule {
	out := make([]*Rule, 0, len(rules))
	for _, r := range rules {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func (r *Rule) has(field string) bool {
	for _, f := range r.Fields {
		if f == field {
			return true
		}
	}
	return false
}
