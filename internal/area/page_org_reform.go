package area

import (
	"context"
	"dangjian/internal/web"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// orgReform shows and applies the re-formation form: the organisation ends
// and its successor of the chosen kind starts the same day
// (街道党委 → 街道党工委).
func (s *pages) orgReform(w http.ResponseWriter, r *http.Request) {
	s.orgForm(w, r, func(o PartyOrg, a Area, lang i18n.Lang) (web.FormSpec, error) {
		def := web.Defaults(s.today(), "kind", string(o.Kind), "name", o.Name)
		switch {
		case o.Kind == Committee && a.Level == Subdistrict:
			def.Set("kind", string(WorkingCommittee))
			def.Set("name", a.Name+"党工委")
		case o.Kind == Branch && a.Level == Community:
			def.Set("name", a.Name+"党支部")
		}
		return web.FormSpec{
			Title:    i18n.T(lang, "ui.reform.title", o.Name),
			Intro:    i18n.T(lang, "ui.reform.intro", o.Name, orgKindName(lang, o.Kind)),
			Submit:   i18n.T(lang, "ui.reform.submit"),
			Back:     URL(a.ID) + "#org-" + web.Itoa(o.ID),
			Defaults: def,
			Fields: func(url.Values) []web.Field {
				return []web.Field{
					{Name: "kind", Label: i18n.T(lang, "ui.field.new_kind"), Type: "select", Required: true, Options: kindOptions(lang, a)},
					{Name: "name", Label: i18n.T(lang, "ui.field.new_org_name"), Type: "text", Required: true},
					web.DateField(lang),
					web.NoteField(lang),
				}
			},
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				if _, err := s.areas.Reform(ctx, ReformInput{OrgID: o.ID, Kind: OrgKind(v.Get("kind")), Name: v.Get("name"), On: on, Note: v.Get("note")}); err != nil {
					return "", nil, err
				}
				return URL(a.ID), []string{"ui.flash.reformed", o.Name, v.Get("name"), on.String()}, nil
			},
		}, nil
	})
}
