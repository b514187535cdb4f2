package speech

import (
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
)

// Words a value action may write besides figures and fields.
var words = map[string]bool{"scope": true, "from": true, "to": true, "when": true, "as_of": true, "at_start": true}

// Levels a condition may test: the level of the scope's area.
var levels = map[string]bool{"district": true, "subdistrict": true, "community": true}

// Check refuses a template that names a figure, rule, field or word that
// does not exist, or uses one where it cannot stand, with the part and line
// of the first such mistake.
func (t *Template) Check() error {
	for _, p := range t.Parts {
		c := checker{part: p.Number}
		if err := c.nodes(p.Nodes, nil); err != nil {
			return err
		}
	}
	return nil
}

type checker struct{ part int }

func (c checker) fail(line int, key string, args ...any) *i18n.Error {
	return i18n.Errf("template", key, append([]any{c.part, line}, args...)...)
}

// nodes checks ns; in is the rule of the innermost example around them.
func (c checker) nodes(ns []node, in *Rule) error {
	for _, n := range ns {
		var err error
		switch n := n.(type) {
		case *value:
			err = c.value(n, in)
		case *cond:
			for _, t := range n.terms {
				if levels[t.ref.name] && !t.ref.isField && !t.one {
					continue
				}
				if err = c.ref(n.ln, t.ref, in, false); err != nil {
					return err
				}
			}
			if err = c.nodes(n.then, in); err == nil {
				err = c.nodes(n.els, in)
			}
		case *example:
			r := GetRule(n.rule)
			if r == nil {
				return c.fail(n.ln, "err.speech_unknown_rule", n.rule)
			}
			for _, k := range r.Figures {
				if figures.Get(k) == nil {
					return c.fail(n.ln, "err.speech_unknown_figure", k)
				}
			}
			if err = c.nodes(n.body, r); err == nil {
				err = c.nodes(n.els, in)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (c checker) value(n *value, in *Rule) error {
	switch n.verb {
	case "names", "change":
		if n.ref.isField || figures.Get(n.ref.name) == nil {
			return c.fail(n.ln, "err.speech_unknown_figure", n.ref.name)
		}
		return nil
	case "about", "spelled":
		return c.ref(n.ln, n.ref, in, false)
	}
	return c.ref(n.ln, n.ref, in, true)
}

// ref checks that r names a figure, a field of in, or (when word is true)
// one of the words.
func (c checker) ref(line int, r ref, in *Rule, word bool) error {
	switch {
	case r.isField && in == nil:
		return c.fail(line, "err.speech_field_outside", r.name)
	case r.isField && !in.has(r.name):
		return c.fail(line, "err.speech_unknown_field", in.Name, r.name)
	case r.isField, figures.Get(r.name) != nil, word && words[r.name]:
		return nil
	case isKey(r.name):
		return c.fail(line, "err.speech_unknown_figure", r.name)
	}
	return c.fail(line, "err.speech_unknown_word", r.name)
}

// Changes lists the figure keys the template says with their change from a
// year earlier ({{change key}}), in order of first use.
func (t *Template) Changes() []string {
	var out []string
	seen := map[string]bool{}
	t.each(func(n node) {
		if v, ok := n.(*value); ok && v.verb == "change" && !v.ref.isField && figures.Get(v.ref.name) != nil && !seen[v.ref.name] {
			seen[v.ref.name] = true
			out = append(out, v.ref.name)
		}
	})
	return out
}

// each visits every node of the template in order, a condition or an
// example before the nodes inside it.
func (t *Template) each(visit func(node)) {
	var walk func(ns []node)
	walk = func(ns []node) {
		for _, n := range ns {
			visit(n)
			switch n := n.(type) {
			case *cond:
				walk(n.then)
				walk(n.els)
			case *example:
				walk(n.body)
				walk(n.els)
			}
		}
	}
	for _, p := range t.Parts {
		walk(p.Nodes)
	}
}

// isKey tells a would-be figure key (it has a dot) from a stray word.
func isKey(s string) bool {
	for _, r := range s {
		if r == '.' {
			return true
		}
	}
	return false
}

// Figures lists the figure keys the template reads, in order of first use,
// with those its examples' rules compute.
func (t *Template) Figures() []string {
	var out []string
	seen := map[string]bool{}
	add := func(r ref) {
		if !r.isField && figures.Get(r.name) != nil && !seen[r.name] {
			seen[r.name] = true
			out = append(out, r.name)
		}
	}
	t.each(func(n node) {
		switch n := n.(type) {
		case *value:
			add(n.ref)
		case *cond:
			for _, t := range n.terms {
				add(t.ref)
			}
		case *example:
			if r := rules[n.rule]; r != nil {
				for _, k := range r.Figures {
					add(ref{name: k})
				}
			}
		}
	})
	return out
}

// Uses lists what the template reads on demand, in order of first use: the
// example rules it tells and the figures whose records it names (so that
// a caller may compute them side by side before rendering).
func (t *Template) Uses() (rules, names []string) {
	seen := map[string]bool{}
	t.each(func(n node) {
		switch n := n.(type) {
		case *value:
			if n.verb == "names" && !n.ref.isField && !seen["names\x00"+n.ref.name] {
				seen["names\x00"+n.ref.name] = true
				names = append(names, n.ref.name)
			}
		case *example:
			if !seen["rule\x00"+n.rule] {
				seen["rule\x00"+n.rule] = true
				rules = append(rules, n.rule)
			}
		}
	})
	return rules, names
}
