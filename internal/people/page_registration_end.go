package people

import (
	"context"
	"dangjian/internal/web"
	"net/http"
	"net/url"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
)

// registrationEnd shows and applies the form that ends one of a
// community's current registrations.
func (s *pages) registrationEnd(w http.ResponseWriter, r *http.Request) {
	s.areaForm(w, r, func(a area.Area, lang i18n.Lang) (web.FormSpec, error) {
		if a.Level != area.Community {
			return web.FormSpec{}, web.ErrNoForm
		}
		regs, err := s.people.Registrations(r.Context(), a.ID, "", s.today())
		if err != nil {
			return web.FormSpec{}, err
		}
		opts := []web.Option{{Value: "", Label: i18n.T(lang, "ui.choose")}}
		for _, x := range regs {
			opts = append(opts, web.Option{Value: web.Itoa(x.ID), Label: x.Name + " · " + i18n.T(lang, "ui.registration_kind."+string(x.Kind)) + " · " + x.From.String()})
		}
		return web.FormSpec{
			Title:    i18n.T(lang, "ui.registration_end.title", a.Name),
			Submit:   i18n.T(lang, "ui.registration_end.submit"),
			Danger:   true,
			Back:     registrationsURL(a.ID),
			Defaults: web.Defaults(s.today()),
			Fields: func(url.Values) []web.Field {
				return []web.Field{
					{Name: "registration_id", Label: i18n.T(lang, "ui.registrations.which"), Type: "select", Required: true, Options: opts},
					web.DateField(lang),
				}
			},
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				id := web.ParseID(v.Get("registration_id"))
				if id == 0 {
					return "", nil, i18n.Errf("registration_id", "ui.err.registration_required")
				}
				// Only this community's registrations: one of another
				// community is refused like an unknown one.
				known := false
				for _, x := range regs {
					known = known || x.ID == id
				}
				if !known {
					return "", nil, &i18n.Error{Field: "registration_id", Key: "err.registration_not_found", Args: []any{id}, Err: fault.BadReference}
				}
				if err := s.people.EndRegistration(ctx, EndRegistrationInput{RegistrationID: id, On: on}); err != nil {
					return "", nil, err
				}
				return registrationsURL(a.ID), []string{"ui.flash.registration_ended", web.LabelOf(opts, v.Get("registration_id")), on.String()}, nil
			},
		}, nil
	})
}
