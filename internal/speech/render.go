package speech

import (
	"dangjian/internal/date"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
)

// Data is what a template is filled from.
type Data interface {
	// Value is a figure's value.
	Value(key string) (figures.Value, error)
	// Names are the distinct names of a figure's records, in the figure's
	// order, at most max of them; more tells that there are others.
	Names(key string, max int) (names []string, more bool, err error)
	// Example is the record a rule picks, nil when there is none.
	Example(rule string) (Fields, error)
	// Earlier is a figure's value for the same period a year earlier
	// (figures.YearBefore), for {{change key}}.
	Earlier(key string) (figures.Value, error)
}

// Context is what a speech is about and for.
type Context struct {
	Lang  i18n.Lang
	Scope figures.Scope
	// Level is the level of the scope's area (district, subdistrict, community).
	Level string
	// Today is the day the speech is given: 去年 is the year before it.
	Today date.Date
	// Link is the address of a figure's records ("" for none).
	Link func(key string) string
}

// Segment is a piece of the rendered speech: prose, or a value that stands
// for records (Key names the figure or rule.field, Link their page).
type Segment struct {
	Text string
	Key  string
	Link string
	// Earlier marks a change from a year earlier ({{change key}}): its
	// records are the figure's for the same period a year earlier.
	Earlier bool
}

// Render fills the template: one list of segments per part.
func (t *Template) Render(c Context, d Data) ([][]Segment, error) {
	out := make([][]Segment, 0, len(t.Parts))
	for _, p := range t.Parts {
		r := &renderer{c: c, d: d}
		if err := r.nodes(p.Nodes, nil, ""); err != nil {
			return nil, err
		}
		out = append(out, r.out)
	}
	return out, nil
}

type renderer struct {
	c   Context
	d   Data
	out []Segment
}

func (r *renderer) prose(s string) {
	if s == "" {
		return
	}
	if n := len(r.out); n > 0 && r.out[n-1].Key == "" {
		r.out[n-1].Text += s
		return
	}
	r.out = append(r.out, Segment{Text: s})
}

// nodes renders ns; f are the fields of the example around them (rule
// names it).
func (r *renderer) nodes(ns []node, f Fields, rule string) error {
	for _, n := range ns {
		var err error
		switch n := n.(type) {
		case *text:
			r.prose(n.s)
		case *value:
			err = r.value(n, f, rule)
		case *cond:
			var ok bool
			if ok, err = r.holds(n, f); err == nil {
				if ok {
					err = r.nodes(n.then, f, rule)
				} else {
					err = r.nodes(n.els, f, rule)
				}
			}
		case *example:
			var ef Fields
			if ef, err = r.d.Example(n.rule); err == nil {
				if ef != nil {
					err = r.nodes(n.body, ef, n.rule)
				} else {
					err = r.nodes(n.els, f, rule)
				}
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (r *renderer) value(n *value, f Fields, rule string) error {
	if n.ref.isField {
		fd := f[n.ref.name]
		s := fd.Text
		if n.verb == "about" {
			s = aboutText(r.c.Lang, s)
		}
		r.out = append(r.out, Segment{Text: s, Key: rule + "." + n.ref.name, Link: fd.Link})
		return nil
	}
	if words[n.ref.name] && n.verb == "" {
		r.prose(r.word(n.ref.name))
		return nil
	}
	key := n.ref.name
	link := ""
	if r.c.Link != nil {
		link = r.c.Link(key)
	}
	var s string
	switch n.verb {
	case "change":
		now, err := r.d.Value(key)
		if err != nil {
			return err
		}
		before, err := r.d.Earlier(key)
		if err != nil {
			return err
		}
		// A change links to the figure's records a year earlier, the
		// records it is measured against.
		r.out = append(r.out, Segment{Text: Change(r.c.Lang, figures.Get(key), now.Value, before.Value), Key: key, Earlier: true})
		return nil
	case "names":
		names, more, err := r.d.Names(key, maxNames)
		if err != nil {
			return err
		}
		s = JoinNames(r.c.Lang, names, more)
	default:
		v, err := r.d.Value(key)
		if err != nil {
			return err
		}
		s = v.Text
		switch n.verb {
		case "about":
			s = About(r.c.Lang, v.Value)
		case "spelled":
			s = Spelled(r.c.Lang, v.Value)
		}
	}
	r.out = append(r.out, Segment{Text: s, Key: key, Link: link})
	return nil
}

// holds tells whether any term of a condition is true (every term, for an
// "and" condition).
func (r *renderer) holds(c *cond, f Fields) (bool, error) {
	for _, t := range c.terms {
		var ok bool
		switch {
		case t.ref.isField && t.one:
			ok = f[t.ref.name].Text == "1"
		case t.ref.isField:
			ok = !f[t.ref.name].Zero && f[t.ref.name].Text != ""
		case levels[t.ref.name]:
			ok = r.c.Level == t.ref.name
		default:
			v, err := r.d.Value(t.ref.name)
			if err != nil {
				return false, err
			}
			ok = v.Value != 0
			if t.one {
				ok = v.Value == 1
			}
		}
		if held := ok != t.not; held != c.all {
			return held, nil
		}
	}
	return c.all, nil
}

func (r *renderer) word(w string) string {
	s := r.c.Scope
	switch w {
	case "scope":
		return s.AreaName
	case "from":
		return s.From.String()
	case "to":
		return s.To.String()
	case "when":
		return When(r.c.Lang, s.From, s.To, r.c.Today)
	case "as_of":
		return AsOf(r.c.Lang, s.To, r.c.Today)
	case "at_start":
		return AtStart(r.c.Lang, s.From)
	}
	return ""
}
