package web

import (
	"context"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/people"
)

// memberEnd shows and applies the form that ends a member's open
// membership (death, leaving, transfer out of the system, other).
func (s *Server) memberEnd(w http.ResponseWriter, r *http.Request) {
	s.personForm(w, r, func(p people.Person, lang i18n.Lang) (formSpec, error) {
		m, err := s.currentMembership(r, p.ID)
		if err != nil {
			return formSpec{}, err
		}
		return formSpec{
			Title:    i18n.T(lang, "ui.member_end.title", p.Name),
			Intro:    i18n.T(lang, "ui.member_end.intro", m.OrgName),
			Submit:   i18n.T(lang, "ui.member_end.submit"),
			Danger:   true,
			Back:     memberURL(p.ID),
			Defaults: s.defaults(),
			Fields: func(url.Values) []field {
				return []field{
					{Name: "reason", Label: i18n.T(lang, "ui.member.end_reason"), Type: "select", Required: true, Options: enumOptions(lang, "ui.end_reason.", "", "transfer_out", "died", "left", "other")},
					{Name: "to_org_name", Label: i18n.T(lang, "ui.member.to_org_name"), Type: "text", Help: i18n.T(lang, "ui.help.to_org_name")},
					dateField(lang),
					noteField(lang),
				}
			},
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				if err := s.people.End(ctx, people.EndInput{MembershipID: m.ID, On: on, Reason: people.EndReason(v.Get("reason")),
					ToOrgName: v.Get("to_org_name"), Note: v.Get("note")}); err != nil {
					return "", nil, err
				}
				return memberURL(p.ID), []string{"ui.flash.member_ended", p.Name, on.String()}, nil
			},
		}, nil
	})
}
