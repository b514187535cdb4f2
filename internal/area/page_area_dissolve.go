package area

import (
	"context"
	"dangjian/internal/web"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// areaDissolve shows and applies the dissolve form: the area ends without
// a successor.
func (s *pages) areaDissolve(w http.ResponseWriter, r *http.Request) {
	s.areaForm(w, r, func(a Area, lang i18n.Lang) (web.FormSpec, error) {
		att, err := s.attachedOn(r.Context(), lang, a, true)
		if err != nil {
			return web.FormSpec{}, err
		}
		return web.FormSpec{
			Title:    i18n.T(lang, "ui.dissolve.title", a.Name),
			Intro:    att.intro(lang, i18n.T(lang, "ui.dissolve.intro", a.Name), a, "ui.attached.moved_to_chosen"),
			Submit:   i18n.T(lang, "ui.dissolve.submit"),
			Danger:   true,
			Back:     URL(a.ID),
			Defaults: web.Defaults(s.today()),
			Fields: func(v url.Values) []web.Field {
				return append(att.fields(lang, v), web.DateField(lang), web.NoteField(lang))
			},
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				in := DissolveInput{AreaID: a.ID, On: on, Note: v.Get("note"), TargetID: web.ParseID(v.Get("target_id")), Confirmed: v.Get("confirm") != ""}
				if err := s.areas.Dissolve(ctx, in); err != nil {
					return "", nil, err
				}
				return URL(a.ID), []string{"ui.flash.dissolved", a.Name, on.String()}, nil
			},
		}, nil
	})
}
