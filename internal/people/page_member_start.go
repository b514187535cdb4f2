package people

import (
	"context"
	"dangjian/internal/web"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// memberStart shows and applies the form that starts a new membership of
// a person already recorded (a transfer back in, a return): the store
// refuses one that overlaps a membership the person still holds.
func (s *pages) memberStart(w http.ResponseWriter, r *http.Request) {
	s.personForm(w, r, func(p Person, lang i18n.Lang) (web.FormSpec, error) {
		def := web.Defaults(s.today(), "status", "full", "category", "resident", "reason", "transfer_in")
		ms, err := s.people.History(r.Context(), p.ID)
		if err != nil {
			return web.FormSpec{}, err
		}
		if n := len(ms); n > 0 {
			last := ms[n-1]
			def.Set("status", string(last.Status))
			def.Set("category", string(last.Category))
			def.Set("joined_party_on", last.JoinedPartyOn.String())
			def.Set("full_on", last.FullOn.String())
			def.Set("from_org_name", last.ToOrgName)
		}
		return web.FormSpec{
			Title:    i18n.T(lang, "ui.member_start.title", p.Name),
			Intro:    i18n.T(lang, "ui.member_start.intro"),
			Submit:   i18n.T(lang, "ui.member_start.submit"),
			Back:     memberURL(p.ID),
			Defaults: def,
			Fields: func(url.Values) []web.Field {
				return []web.Field{
					orgPicker("org_id", i18n.T(lang, "ui.members.org"), true, ""),
					{Name: "status", Label: i18n.T(lang, "ui.members.status"), Type: "select", Required: true, Options: web.EnumOptions(lang, "ui.status.", "", "full", "probationary")},
					{Name: "category", Label: i18n.T(lang, "ui.members.category"), Type: "select", Required: true, Options: web.EnumOptions(lang, "ui.category.", "", categories...)},
					{Name: "joined_party_on", Label: i18n.T(lang, "ui.members.joined"), Type: "date", Required: true},
					{Name: "full_on", Label: i18n.T(lang, "ui.member.full_on"), Type: "date", Help: i18n.T(lang, "ui.help.full_on")},
					{Name: "reason", Label: i18n.T(lang, "ui.member.start_reason"), Type: "select", Required: true, Options: web.EnumOptions(lang, "ui.start_reason.", "", "enrolment", "transfer_in", "joined", "other")},
					{Name: "from_org_name", Label: i18n.T(lang, "ui.member.from_org_name"), Type: "text", Help: i18n.T(lang, "ui.help.from_org_name")},
					{Name: "on", Label: i18n.T(lang, "ui.member.from"), Type: "date", Required: true, Help: i18n.T(lang, "ui.help.date")},
					web.NoteField(lang),
				}
			},
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				in := MembershipInput{PersonID: p.ID, OrgID: web.ParseID(v.Get("org_id")), Status: Status(v.Get("status")),
					Category: Category(v.Get("category")), From: on, Reason: StartReason(v.Get("reason")),
					FromOrgName: v.Get("from_org_name"), Note: v.Get("note")}
				var err error
				if in.JoinedPartyOn, err = web.ParseOn(v, "joined_party_on"); err != nil {
					return "", nil, err
				}
				if in.FullOn, err = web.ParseOn(v, "full_on"); err != nil {
					return "", nil, err
				}
				if _, err := s.people.Start(ctx, in); err != nil {
					return "", nil, web.RenameField(err, "from", "on")
				}
				return memberURL(p.ID), []string{"ui.flash.member_started", p.Name, v.Get("org_id_q")}, nil
			},
		}, nil
	})
}
