package web

import (
	"context"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/people"
)

// outOfSystem is the transfer destination that ends the membership with a
// transfer out to an organisation outside the system.
const outOfSystem = "out"

// memberTransfer shows and applies the form that transfers a member's open
// membership to another organisation in the system, or out of it.
func (s *Server) memberTransfer(w http.ResponseWriter, r *http.Request) {
	s.personForm(w, r, func(p people.Person, lang i18n.Lang) (formSpec, error) {
		m, err := s.currentMembership(r, p.ID)
		if err != nil {
			return formSpec{}, err
		}
		orgs, err := s.orgOptions(r.Context(), lang, "", m.OrgID)
		if err != nil {
			return formSpec{}, err
		}
		orgs = append(orgs[:1], append([]option{{Value: outOfSystem, Label: i18n.T(lang, "ui.member.out_of_system")}}, orgs[1:]...)...)
		return formSpec{
			Title:    i18n.T(lang, "ui.member_transfer.title", p.Name),
			Intro:    i18n.T(lang, "ui.member_transfer.intro", m.OrgName),
			Submit:   i18n.T(lang, "ui.member_transfer.submit"),
			Back:     memberURL(p.ID),
			Defaults: s.defaults(),
			Fields: func(url.Values) []field {
				return []field{
					{Name: "to_org_id", Label: i18n.T(lang, "ui.member.to_org"), Type: "select", Required: true, Options: orgs},
					{Name: "to_org_name", Label: i18n.T(lang, "ui.member.to_org_name"), Type: "text", Help: i18n.T(lang, "ui.help.to_org_name")},
					{Name: "category", Label: i18n.T(lang, "ui.members.category"), Type: "select", Options: enumOptions(lang, "ui.category.", i18n.T(lang, "ui.member.category_same"), categories...)},
					dateField(lang),
					noteField(lang),
				}
			},
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				if v.Get("to_org_id") == outOfSystem {
					err := s.people.End(ctx, people.EndInput{MembershipID: m.ID, On: on, Reason: people.TransferOut, ToOrgName: v.Get("to_org_name"), Note: v.Get("note")})
					if err != nil {
						return "", nil, err
					}
					return memberURL(p.ID), []string{"ui.flash.member_transferred", p.Name, v.Get("to_org_name")}, nil
				}
				if _, err := s.people.Transfer(ctx, people.TransferInput{MembershipID: m.ID, ToOrgID: parseID(v.Get("to_org_id")), On: on,
					Category: people.Category(v.Get("category")), Note: v.Get("note")}); err != nil {
					return "", nil, err
				}
				return memberURL(p.ID), []string{"ui.flash.member_transferred", p.Name, labelOf(orgs, v.Get("to_org_id"))}, nil
			},
		}, nil
	})
}

// currentMembership is the person's open membership; errNoForm (404) when
// there is none.
func (s *Server) currentMembership(r *http.Request, personID int64) (people.Membership, error) {
	ms, err := s.people.History(r.Context(), personID)
	if err != nil {
		return people.Membership{}, err
	}
	m, ok := openMembership(ms)
	if !ok {
		return m, errNoForm
	}
	return m, nil
}

// labelOf is the label of the option with value v.
func labelOf(opts []option, v string) string {
	for _, o := range opts {
		if o.Value == v {
			return o.Label
		}
	}
	return v
}
