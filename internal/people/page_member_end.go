package people

import (
	"context"
	"dangjian/internal/web"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// memberEnd shows and applies the form that ends a member's open
// membership (death, leaving, transfer out of the system, other).
func (s *pages) memberEnd(w http.ResponseWriter, r *http.Request) {
	s.personForm(w, r, func(p Person, lang i18n.Lang) (web.FormSpec, error) {
		m, err := s.currentMembership(r, p.ID)
		if err != nil {
			return web.FormSpec{}, err
		}
		return web.FormSpec{
			Title:    i18n.T(lang, "ui.member_end.title", p.Name),
			Intro:    i18n.T(lang, "ui.member_end.intro", m.OrgName),
			Submit:   i18n.T(lang, "ui.member_end.submit"),
			Danger:   true,
			Back:     memberURL(p.ID),
			Defaults: web.Defaults(s.today()),
			Fields: func(url.Values) []web.Field {
				return []web.Field{
					{Name: "reason", Label: i18n.T(lang, "ui.member.end_reason"), Type: "select", Required: true, Options: web.EnumOptions(lang, "ui.end_reason.", "", "transfer_out", "died", "left", "other")},
					{Name: "to_org_name", Label: i18n.T(lang, "ui.member.to_org_name"), Type: "text", Help: i18n.T(lang, "ui.help.to_org_name")},
					web.DateField(lang),
					web.NoteField(lang),
				}
			},
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				if err := s.people.End(ctx, EndInput{MembershipID: m.ID, On: on, Reason: EndReason(v.Get("reason")),
					ToOrgName: v.Get("to_org_name"), Note: v.Get("note")}); err != nil {
					return "", nil, err
				}
				return memberURL(p.ID), []string{"ui.flash.member_ended", p.Name, on.String()}, nil
			},
		}, nil
	})
}
