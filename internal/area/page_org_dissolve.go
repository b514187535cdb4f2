package area

import (
	"context"
	"dangjian/internal/web"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// orgDissolve shows and applies the form that ends a party organisation
// without a successor.
func (s *pages) orgDissolve(w http.ResponseWriter, r *http.Request) {
	s.orgForm(w, r, func(o PartyOrg, a Area, lang i18n.Lang) (web.FormSpec, error) {
		return web.FormSpec{
			Title:    i18n.T(lang, "ui.org_dissolve.title", o.Name),
			Intro:    i18n.T(lang, "ui.org_dissolve.intro", o.Name),
			Submit:   i18n.T(lang, "ui.org_dissolve.submit"),
			Danger:   true,
			Back:     URL(a.ID) + "#org-" + web.Itoa(o.ID),
			Defaults: web.Defaults(s.today()),
			Fields:   func(url.Values) []web.Field { return []web.Field{web.DateField(lang), web.NoteField(lang)} },
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				if err := s.areas.DissolveOrg(ctx, o.ID, on, v.Get("note")); err != nil {
					return "", nil, err
				}
				return URL(a.ID), []string{"ui.flash.org_dissolved", o.Name, on.String()}, nil
			},
		}, nil
	})
}
