package people

import (
	"context"
	"dangjian/internal/web"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// memberCreate shows and applies the form that enrols a new member: the
// person and their first membership in a branch of the user's scope.
func (s *pages) memberCreate(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	def := web.Defaults(s.today(), "status", "full", "category", "resident", "reason", "enrolment", "ethnicity", i18n.T(lang, "ui.member.default_ethnicity"))
	if o := r.URL.Query().Get("org"); o != "" {
		def.Set("org_id", o)
	}
	s.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, "ui.member_create.title"),
		Intro:    i18n.T(lang, "ui.member_create.intro"),
		Crumbs:   []web.Crumb{{Label: i18n.T(lang, "ui.members.title"), Href: "/members"}},
		Submit:   i18n.T(lang, "ui.member_create.submit"),
		Back:     "/members",
		Defaults: def,
		Fields: func(url.Values) []web.Field {
			educations := make([]string, 0, len(Educations))
			for _, e := range Educations {
				educations = append(educations, string(e))
			}
			return []web.Field{
				{Name: "name", Label: i18n.T(lang, "ui.col.person_name"), Type: "text", Required: true},
				{Name: "gender", Label: i18n.T(lang, "ui.members.gender"), Type: "select", Required: true, Options: web.EnumOptions(lang, "ui.gender.", "", "male", "female")},
				{Name: "id_number", Label: i18n.T(lang, "ui.members.id_number"), Type: "text", Help: i18n.T(lang, "ui.help.id_number")},
				{Name: "birth_date", Label: i18n.T(lang, "ui.member.birth_date"), Type: "date", Help: i18n.T(lang, "ui.help.birth_date")},
				{Name: "ethnicity", Label: i18n.T(lang, "ui.member.ethnicity"), Type: "text"},
				{Name: "phone", Label: i18n.T(lang, "ui.members.phone"), Type: "text"},
				{Name: "education", Label: i18n.T(lang, "ui.member.education"), Type: "select", Options: web.EnumOptions(lang, "ui.education.", i18n.T(lang, "ui.unknown"), educations...)},
				{Name: "address", Label: i18n.T(lang, "ui.member.address"), Type: "text"},
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
			in := EnrolInput{
				Person: PersonInput{Name: v.Get("name"), Gender: Gender(v.Get("gender")), Ethnicity: v.Get("ethnicity"),
					IDNumber: v.Get("id_number"), Phone: v.Get("phone"), Education: Education(v.Get("education")), Address: v.Get("address")},
				Membership: MembershipInput{OrgID: web.ParseID(v.Get("org_id")), Status: Status(v.Get("status")),
					Category: Category(v.Get("category")), From: on, Reason: StartReason(v.Get("reason")),
					FromOrgName: v.Get("from_org_name"), Note: v.Get("note")},
			}
			var err error
			if in.Person.BirthDate, err = web.ParseOn(v, "birth_date"); err != nil {
				return "", nil, err
			}
			if in.Membership.JoinedPartyOn, err = web.ParseOn(v, "joined_party_on"); err != nil {
				return "", nil, err
			}
			if in.Membership.FullOn, err = web.ParseOn(v, "full_on"); err != nil {
				return "", nil, err
			}
			pid, _, err := s.people.Enrol(ctx, in)
			if err != nil {
				return "", nil, web.RenameField(err, "from", "on")
			}
			return memberURL(pid), []string{"ui.flash.member_enrolled", v.Get("name")}, nil
		},
	})
}
