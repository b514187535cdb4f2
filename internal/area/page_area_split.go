package area

import (
	"context"
	"dangjian/internal/web"
	"net/http"
	"net/url"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// areaSplit shows and applies the split form: the area ends and one new
// area per name (one per line) is established under the same parent.
func (s *pages) areaSplit(w http.ResponseWriter, r *http.Request) {
	s.areaForm(w, r, func(a Area, lang i18n.Lang) (web.FormSpec, error) {
		att, err := s.attachedOn(r.Context(), lang, a, true)
		if err != nil {
			return web.FormSpec{}, err
		}
		return web.FormSpec{
			Title:    i18n.T(lang, "ui.split.title", a.Name),
			Intro:    att.intro(lang, i18n.T(lang, "ui.split.intro", a.Name), a, "ui.attached.moved_to_chosen"),
			Submit:   i18n.T(lang, "ui.split.submit"),
			Danger:   true,
			Back:     URL(a.ID),
			Defaults: web.Defaults(s.today()),
			Fields: func(v url.Values) []web.Field {
				return append([]web.Field{
					{Name: "names", Label: i18n.T(lang, "ui.field.names"), Type: "textarea", Required: true, Help: i18n.T(lang, "ui.help.names")},
				}, append(att.fields(lang, v), web.DateField(lang), web.NoteField(lang))...)
			},
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				names := strings.FieldsFunc(v.Get("names"), func(r rune) bool { return r == '\n' || r == '\r' })
				in := SplitInput{AreaID: a.ID, Names: names, On: on, Note: v.Get("note"), TargetID: web.ParseID(v.Get("target_id")), Confirmed: v.Get("confirm") != ""}
				if _, err := s.areas.Split(ctx, in); err != nil {
					return "", nil, err
				}
				return URL(a.ID), []string{"ui.flash.split", a.Name, on.String()}, nil
			},
		}, nil
	})
}
