package people

import (
	"context"
	"dangjian/internal/web"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// memberConvert shows and applies the form that makes a probationary
// member full (转正).
func (s *pages) memberConvert(w http.ResponseWriter, r *http.Request) {
	s.personForm(w, r, func(p Person, lang i18n.Lang) (web.FormSpec, error) {
		m, err := s.currentMembership(r, p.ID)
		if err != nil {
			return web.FormSpec{}, err
		}
		return web.FormSpec{
			Title:    i18n.T(lang, "ui.member_convert.title", p.Name),
			Intro:    i18n.T(lang, "ui.member_convert.intro", m.OrgName, m.JoinedPartyOn.String()),
			Submit:   i18n.T(lang, "ui.member_convert.submit"),
			Back:     memberURL(p.ID),
			Defaults: web.Defaults(s.today()),
			Fields:   func(url.Values) []web.Field { return []web.Field{web.DateField(lang)} },
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				if err := s.people.Convert(ctx, ConvertInput{MembershipID: m.ID, On: on}); err != nil {
					return "", nil, err
				}
				return memberURL(p.ID), []string{"ui.flash.member_converted", p.Name, on.String()}, nil
			},
		}, nil
	})
}
