package area

import (
	"html"
	"html/template"
	"strings"

	"dangjian/internal/i18n"
)

// historyLine is one event of an area's history as a sentence.
type historyLine struct {
	On       string
	Kind     string
	Sentence template.HTML
	Note     string
}

// mergeNote is the note the domain gives to the moves a merge makes.
const mergeNote = "merge"

// describeEvent writes an event as a sentence in lang, each area named in
// it linked to its page. The catalog's sentence is escaped, then filled
// with links built from escaped names, so the result is safe HTML.
func describeEvent(lang i18n.Lang, e Event) historyLine {
	// Areas outside the reader's scope come without id or name (see
	// Event.Outside) and are named as such, unlinked.
	outside := html.EscapeString(i18n.T(lang, "ui.area_outside"))
	link := func(r *Ref) string {
		if r == nil {
			return html.EscapeString(i18n.T(lang, "ui.unknown"))
		}
		if r.ID == 0 {
			return outside
		}
		return `<a href="` + URL(r.ID) + `">` + html.EscapeString(r.Name) + `</a>`
	}
	// Put a stand-in back where the domain left a ref out, so the sentence
	// keeps its shape.
	hidden := &Ref{}
	if e.IsOutside("target") {
		e.Target = hidden
	}
	if e.IsOutside("from_parent") {
		e.FromParent = hidden
	}
	if e.IsOutside("to_parent") {
		e.ToParent = hidden
	}
	say := func(key string, args ...any) template.HTML {
		return template.HTML(i18n.T(lang, key, args...)) // args are escaped links; the catalog is ours
	}
	self := link(&e.Area)
	note := e.Note
	var s template.HTML
	switch e.Kind {
	case Create:
		if e.ToParent == nil {
			s = say("ui.event.create_root", self)
		} else {
			s = say("ui.event.create", self, link(e.ToParent))
		}
	case Merge:
		s = say("ui.event.merge", self, link(e.Target))
	case Split:
		parts := make([]string, 0, len(e.Results))
		for i := range e.Results {
			parts = append(parts, link(&e.Results[i]))
		}
		s = say("ui.event.split", self, strings.Join(parts, i18n.T(lang, "ui.list_sep")))
	case Adjust:
		switch {
		case note == mergeNote && e.FromParent != nil && e.ToParent != nil:
			s, note = say("ui.event.adjust_by_merge", self, link(e.FromParent), link(e.ToParent)), ""
		case e.FromParent != nil && e.ToParent != nil && (e.FromParent.ID != e.ToParent.ID || e.FromParent == hidden || e.ToParent == hidden):
			s = say("ui.event.adjust_move", self, link(e.FromParent), link(e.ToParent))
		default:
			s = say("ui.event.adjust_boundary", self)
		}
	case Rename:
		if e.IsOutside("area") {
			s = say("ui.event.rename_outside")
			break
		}
		s = say("ui.event.rename", html.EscapeString(e.OldName), `<a href="`+URL(e.Area.ID)+`">`+html.EscapeString(e.NewName)+`</a>`)
	case Dissolve:
		s = say("ui.event.dissolve", self)
	default:
		s = template.HTML(html.EscapeString(string(e.Kind)))
	}
	return historyLine{On: e.On.String(), Kind: i18n.T(lang, "ui.event_kind."+string(e.Kind)), Sentence: s, Note: note}
}
