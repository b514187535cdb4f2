package people

import (
	"context"
	"dangjian/internal/web"
	"net/http"
	"net/url"
	"strings"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// registrationCreate shows and applies the form that registers an
// in-service member (found by ID number) or a stationed unit's party
// organisation with a community.
func (s *pages) registrationCreate(w http.ResponseWriter, r *http.Request) {
	s.areaForm(w, r, func(a area.Area, lang i18n.Lang) (web.FormSpec, error) {
		if a.Level != area.Community {
			return web.FormSpec{}, web.ErrNoForm
		}
		orgs, err := s.unitOrgOptions(r.Context(), lang, a.ID)
		if err != nil {
			return web.FormSpec{}, err
		}
		return web.FormSpec{
			Title:    i18n.T(lang, "ui.registration_create.title", a.Name),
			Intro:    i18n.T(lang, "ui.registration_create.intro"),
			Submit:   i18n.T(lang, "ui.registration_create.submit"),
			Back:     registrationsURL(a.ID),
			Defaults: web.Defaults(s.today(), "kind", string(MemberRegistration)),
			Fields: func(url.Values) []web.Field {
				return []web.Field{
					{Name: "kind", Label: i18n.T(lang, "ui.registrations.kind"), Type: "select", Required: true, Options: web.EnumOptions(lang, "ui.registration_kind.", "", "member", "unit")},
					{Name: "id_number", Label: i18n.T(lang, "ui.members.id_number"), Type: "text", Help: i18n.T(lang, "ui.help.registration_person")},
					{Name: "org_id", Label: i18n.T(lang, "ui.units.org"), Type: "select", Options: orgs, Help: i18n.T(lang, "ui.help.registration_org")},
					web.DateField(lang),
					web.NoteField(lang),
				}
			},
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				in := RegistrationInput{Kind: RegistrationKind(v.Get("kind")), AreaID: a.ID, From: on, Note: v.Get("note")}
				who := web.LabelOf(orgs, v.Get("org_id"))
				if in.Kind == MemberRegistration {
					idn := strings.TrimSpace(v.Get("id_number"))
					if idn == "" {
						return "", nil, i18n.Errf("id_number", "ui.err.id_number_required")
					}
					p, err := s.people.FindByIDNumber(ctx, idn)
					if err != nil {
						return "", nil, err
					}
					in.PersonID, who = p.ID, p.Name
				} else {
					in.OrgID = web.ParseID(v.Get("org_id"))
				}
				if _, err := s.people.Register(ctx, in); err != nil {
					err = web.RenameField(err, "from", "on")
					return "", nil, web.RenameField(err, "person_id", "id_number")
				}
				return registrationsURL(a.ID), []string{"ui.flash.registered", who, a.Name}, nil
			},
		}, nil
	})
}

// unitOrgOptions lists the party organisations of the units located in a
// community today.
func (s *pages) unitOrgOptions(ctx context.Context, lang i18n.Lang, areaID int64) ([]web.Option, error) {
	orgs, err := s.people.OrgsUnder(ctx, areaID, s.today())
	if err != nil {
		return nil, err
	}
	out := []web.Option{{Value: "", Label: i18n.T(lang, "ui.choose")}}
	for _, o := range orgs {
		if o.UnitID != 0 {
			out = append(out, web.Option{Value: web.Itoa(o.ID), Label: o.Name})
		}
	}
	return out, nil
}
