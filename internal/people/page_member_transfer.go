package people

import (
	"context"
	"dangjian/internal/web"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// outOfSystem is the transfer destination that ends the membership with a

// memberTransfer shows and applies the form that transfers a member's open
// membership to another organisation in the system, or out of it.
func (s *pages) memberTransfer(w http.ResponseWriter, r *http.Request) {
	s.personForm(w, r, func(p Person, lang i18n.Lang) (web.FormSpec, error) {
		m, err := s.currentMembership(r, p.ID)
		if err != nil {
			return web.FormSpec{}, err
		}
		return web.FormSpec{
			Title:    i18n.T(lang, "ui.member_transfer.title", p.Name),
			Intro:    i18n.T(lang, "ui.member_transfer.intro", m.OrgName),
			Submit:   i18n.T(lang, "ui.member_transfer.submit"),
			Back:     memberURL(p.ID),
			Defaults: web.Defaults(s.today()),
			Fields: func(url.Values) []web.Field {
				return []web.Field{
					orgPicker("to_org_id", i18n.T(lang, "ui.member.to_org"), false, i18n.T(lang, "ui.help.to_org")),
					{Name: "to_org_name", Label: i18n.T(lang, "ui.member.to_org_name"), Type: "text", Help: i18n.T(lang, "ui.help.to_org_name")},
					{Name: "category", Label: i18n.T(lang, "ui.members.category"), Type: "select", Options: web.EnumOptions(lang, "ui.category.", i18n.T(lang, "ui.member.category_same"), categories...)},
					web.DateField(lang),
					web.NoteField(lang),
				}
			},
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				if v.Get("to_org_id") == "" && v.Get("to_org_name") != "" {
					err := s.people.End(ctx, EndInput{MembershipID: m.ID, On: on, Reason: TransferOut, ToOrgName: v.Get("to_org_name"), Note: v.Get("note")})
					if err != nil {
						return "", nil, err
					}
					return memberURL(p.ID), []string{"ui.flash.member_transferred", p.Name, v.Get("to_org_name")}, nil
				}
				if _, err := s.people.Transfer(ctx, TransferInput{MembershipID: m.ID, ToOrgID: web.ParseID(v.Get("to_org_id")), On: on,
					Category: Category(v.Get("category")), Note: v.Get("note")}); err != nil {
					return "", nil, err
				}
				return memberURL(p.ID), []string{"ui.flash.member_transferred", p.Name, v.Get("to_org_id_q")}, nil
			},
		}, nil
	})
}

// currentMembership is the person's open membership; errNoForm (404) when
// there is none.
func (s *pages) currentMembership(r *http.Request, personID int64) (Membership, error) {
	ms, err := s.people.History(r.Context(), personID)
	if err != nil {
		return Membership{}, err
	}
	m, ok := openMembership(ms)
	if !ok {
		return m, web.ErrNoForm
	}
	return m, nil
}
