package speech

import (
	"strings"

	"dangjian/internal/i18n"
)

// Template is a parsed speech: its parts in order.
type Template struct {
	Parts []*Part
}

// Part is one part of the speech (one file of the default template).
type Part struct {
	Number int // 1-based, as errors name it
	Nodes  []node
}

type node interface{ line() int }

// text is prose, written out as it stands.
type text struct {
	ln int
	s  string
}

// value writes a figure, a word or a field; verb is "", "about", "names",
// "spelled" or "change" (the figure's change from a year earlier).
type value struct {
	ln   int
	verb string
	ref  ref
}

// cond keeps then when any of its terms holds (all of them, when all is
// set), else els.
type cond struct {
	ln        int
	terms     []term
	all       bool
	then, els []node
}

// term is one test of a condition: a figure or field that is not 0 (or,
// with one, that is exactly 1, for English plurals), possibly negated.
type term struct {
	not bool
	one bool
	ref ref
}

// example tells body from the record rule picks, or els when there is none.
type example struct {
	ln        int
	rule      string
	body, els []node
}

// ref names what an action reads: a figure key, a word or a .field.
type ref struct {
	name    string
	isField bool
}

func (n *text) line() int    { return n.ln }
func (n *value) line() int   { return n.ln }
func (n *cond) line() int    { return n.ln }
func (n *example) line() int { return n.ln }

// Parse reads the parts of a template. A mistake comes back as an
// *i18n.Error on the field "template" naming the part and the line.
func Parse(parts ...string) (*Template, error) {
	t := &Template{}
	for i, src := range parts {
		p := &parser{part: i + 1, src: src, line: 1}
		nodes, stop, err := p.list()
		if err != nil {
			return nil, err
		}
		if stop != "" {
			return nil, p.fail(p.stopLine, "err.speech_misplaced", "{{"+stop+"}}")
		}
		t.Parts = append(t.Parts, &Part{Number: i + 1, Nodes: nodes})
	}
	return t, nil
}

type parser struct {
	part     int
	src      string
	pos      int
	line     int // the line pos is on
	stopLine int // the line of the else or end that stopped list
	// elseIf holds the condition of an "else if" that stopped list.
	elseIf []string
	// trimNext: the last action ended with " -}}", so the text after it
	// loses its leading spaces and line breaks.
	trimNext bool
}

func (p *parser) fail(line int, key string, args ...any) *i18n.Error {
	return i18n.Errf("template", key, append([]any{p.part, line}, args...)...)
}

// list reads nodes up to the end of the source or an else or end action,
// which it returns as stop.
func (p *parser) list() (nodes []node, stop string, err error) {
	for p.pos < len(p.src) {
		open := strings.Index(p.src[p.pos:], "{{")
		if open < 0 {
			nodes = append(nodes, p.text(len(p.src)))
			break
		}
		if open > 0 {
			nodes = append(nodes, p.text(p.pos+open))
		}
		p.trimNext = false
		ln := p.line
		body, trimLeft, err := p.action()
		if err != nil {
			return nil, "", err
		}
		if trimLeft && len(nodes) > 0 {
			if t, ok := nodes[len(nodes)-1].(*text); ok {
				t.s = strings.TrimRight(t.s, " \t\r\n")
			}
		}
		words := strings.Fields(body)
		if len(words) == 0 {
			return nil, "", p.fail(ln, "err.speech_empty")
		}
		switch words[0] {
		case "else", "end":
			p.elseIf = nil
			switch {
			case words[0] == "else" && len(words) > 2 && words[1] == "if":
				p.elseIf = words[2:]
			case len(words) > 1:
				return nil, "", p.fail(ln, "err.speech_syntax", body, "{{"+words[0]+"}}")
			}
			p.stopLine = ln
			return nodes, words[0], nil
		case "if":
			n, err := p.cond(ln, words[1:], body)
			if err != nil {
				return nil, "", err
			}
			nodes = append(nodes, n)
		case "example":
			if len(words) != 2 {
				return nil, "", p.fail(ln, "err.speech_syntax", body, "{{example rule}}")
			}
			n := &example{ln: ln, rule: words[1]}
			if n.body, n.els, err = p.block(ln, "example"); err != nil {
				return nil, "", err
			}
			nodes = append(nodes, n)
		case "about", "names", "spelled", "change":
			if len(words) != 2 {
				return nil, "", p.fail(ln, "err.speech_syntax", body, "{{"+words[0]+" key}}")
			}
			nodes = append(nodes, &value{ln: ln, verb: words[0], ref: refOf(words[1])})
		default:
			if len(words) != 1 {
				return nil, "", p.fail(ln, "err.speech_unknown_word", words[0])
			}
			nodes = append(nodes, &value{ln: ln, ref: refOf(words[0])})
		}
	}
	return nodes, "", nil
}

// text takes the prose up to end.
func (p *parser) text(end int) node {
	n := &text{ln: p.line, s: p.src[p.pos:end]}
	p.line += strings.Count(n.s, "\n")
	p.pos = end
	if p.trimNext {
		n.s = strings.TrimLeft(n.s, " \t\r\n")
		p.trimNext = false
	}
	return n
}

// action takes "{{ … }}" at pos and returns what is between the braces.
// "{{- " trims the spaces and line breaks before the action (trimLeft),
// " -}}" those after it, so that a template may be laid out on lines.
func (p *parser) action() (body string, trimLeft bool, err error) {
	start := p.pos + 2
	end := strings.Index(p.src[start:], "}}")
	next := strings.Index(p.src[start:], "{{")
	if end < 0 || (next >= 0 && next < end) {
		return "", false, p.fail(p.line, "err.speech_unclosed")
	}
	body = p.src[start : start+end]
	p.line += strings.Count(body, "\n")
	p.pos = start + end + 2
	if strings.HasPrefix(body, "- ") || body == "-" {
		trimLeft, body = true, body[1:]
	}
	if strings.HasSuffix(body, " -") {
		p.trimNext, body = true, body[:len(body)-1]
	}
	return strings.TrimSpace(body), trimLeft, nil
}

// cond reads "if a or not b" (or "if a and b") and its block.
func (p *parser) cond(ln int, words []string, body string) (node, error) {
	n := &cond{ln: ln}
	want := "{{if key}}, {{if a or b}}, {{if a and b}}, {{if not key}}, {{if one key}}"
	for i := 0; i < len(words); i++ {
		if i > 0 {
			join := words[i]
			if (join != "or" && join != "and") || i+1 == len(words) || (len(n.terms) > 1 && n.all != (join == "and")) {
				return nil, p.fail(ln, "err.speech_syntax", body, want)
			}
			n.all = join == "and"
			i++
		}
		t := term{}
		if words[i] == "not" {
			if i+1 == len(words) {
				return nil, p.fail(ln, "err.speech_syntax", body, want)
			}
			t.not = true
			i++
		}
		if words[i] == "one" {
			if i+1 == len(words) {
				return nil, p.fail(ln, "err.speech_syntax", body, want)
			}
			t.one = true
			i++
		}
		t.ref = refOf(words[i])
		n.terms = append(n.terms, t)
	}
	if len(n.terms) == 0 {
		return nil, p.fail(ln, "err.speech_syntax", body, want)
	}
	var err error
	n.then, n.els, err = p.block(ln, "if")
	return n, err
}

// block reads the body of an if or example up to its end, with an else
// part when there is one.
func (p *parser) block(ln int, opener string) (body, els []node, err error) {
	body, stop, err := p.list()
	if err != nil {
		return nil, nil, err
	}
	if stop == "else" && p.elseIf != nil {
		// "else if c": a condition in the else part that ends with this end.
		words := p.elseIf
		p.elseIf = nil
		n, err := p.cond(p.stopLine, words, "else if "+strings.Join(words, " "))
		if err != nil {
			return nil, nil, err
		}
		return body, []node{n}, nil
	}
	if stop == "else" {
		if els, stop, err = p.list(); err != nil {
			return nil, nil, err
		}
		if stop == "else" {
			return nil, nil, p.fail(p.stopLine, "err.speech_misplaced", "{{else}}")
		}
	}
	if stop != "end" {
		return nil, nil, p.fail(ln, "err.speech_unended", "{{"+opener+"}}")
	}
	return body, els, nil
}

func refOf(word string) ref {
	if strings.HasPrefix(word, ".") {
		return ref{name: word[1:], isField: true}
	}
	return ref{name: word}
}
