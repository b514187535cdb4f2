package web

import (
	"context"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/people"
)

// memberConvert shows and applies the form that makes a probationary
// member full (转正).
func (s *Server) memberConvert(w http.ResponseWriter, r *http.Request) {
	s.personForm(w, r, func(p people.Person, lang i18n.Lang) (formSpec, error) {
		m, err := s.currentMembership(r, p.ID)
		if err != nil {
			return formSpec{}, err
		}
		return formSpec{
			Title:    i18n.T(lang, "ui.member_convert.title", p.Name),
			Intro:    i18n.T(lang, "ui.member_convert.intro", m.OrgName, m.JoinedPartyOn.String()),
			Submit:   i18n.T(lang, "ui.member_convert.submit"),
			Back:     memberURL(p.ID),
			Defaults: s.defaults(),
			Fields:   func(url.Values) []field { return []field{dateField(lang)} },
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				if err := s.people.Convert(ctx, people.ConvertInput{MembershipID: m.ID, On: on}); err != nil {
					return "", nil, err
				}
				return memberURL(p.ID), []string{"ui.flash.member_converted", p.Name, on.String()}, nil
			},
		}, nil
	})
}
