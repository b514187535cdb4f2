package people

import (
	"context"
	"net/http"

	"dangjian/internal/access"
	"dangjian/internal/api"
	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// RegistrationPlace places a registration's id: where its community lies.
func (s *Store) RegistrationPlace() *access.Place {
	return &access.Place{Name: "registration", Locate: func(ctx context.Context, id int64) error {
		_, err := s.Registration(ctx, id)
		return err
	}}
}

// registrationListJSON is the registrations with a community on a day.
type registrationListJSON struct {
	AsOf          string         `json:"as_of"`
	Registrations []Registration `json:"registrations"`
}

// registrationList serves GET /api/v1/areas/{id}/registrations?kind=&as_of=:
// the registrations with the community in force that day, of one kind
// (member, unit) or both.
func (h *apiHandlers) registrationList(w http.ResponseWriter, r *http.Request) {
	id, on, ok := h.pathAndDay(w, r)
	if !ok {
		return
	}
	kind := RegistrationKind(r.URL.Query().Get("kind"))
	if kind != "" && !oneOf(kind, MemberRegistration, UnitRegistration) {
		h.Fail(w, r, i18n.Errf("kind", "err.registration_kind_invalid"))
		return
	}
	regs, err := h.people.Registrations(r.Context(), id, kind, on)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	h.WriteJSON(w, r, http.StatusOK, registrationListJSON{on.String(), nonNil(regs)})
}

// registrationRequest is POST /api/v1/registrations.
type registrationRequest struct {
	Kind     RegistrationKind `json:"kind"`
	PersonID int64            `json:"person_id"`
	OrgID    int64            `json:"org_id"`
	AreaID   int64            `json:"area_id"`
	On       string           `json:"on"`
	Note     string           `json:"note"`
}

func (q registrationRequest) DateOn() string { return q.On }

// registrationCreate serves POST /api/v1/registrations: an in-service
// member or a unit's party organisation registers with a community from
// "on" (201).
func (h *apiHandlers) registrationCreate(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.NoID, func(ctx context.Context, _ int64, on date.Date, req registrationRequest) (api.Answer, error) {
		if err := h.inScope(ctx, "area_id", req.AreaID); err != nil {
			return api.Answer{}, err
		}
		id, err := h.people.Register(ctx, RegistrationInput{Kind: req.Kind, PersonID: req.PersonID, OrgID: req.OrgID, AreaID: req.AreaID, From: on, Note: req.Note})
		if err != nil {
			return api.Answer{}, api.InvalidRef(api.Relabel(err, "from", "on"))
		}
		reg, err := h.people.Registration(ctx, id)
		if err != nil {
			return api.Answer{}, err
		}
		return api.Answer{Status: http.StatusCreated, Body: reg}, nil
	})
}

// registrationEndRequest is POST /api/v1/registrations/{id}/end.
type registrationEndRequest struct {
	On string `json:"on"`
}

func (q registrationEndRequest) DateOn() string { return q.On }

// registrationEnd serves POST /api/v1/registrations/{id}/end.
func (h *apiHandlers) registrationEnd(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, _ registrationEndRequest) (api.Answer, error) {
		if err := h.people.EndRegistration(ctx, EndRegistrationInput{RegistrationID: id, On: on}); err != nil {
			return api.Answer{}, err
		}
		reg, err := h.people.Registration(ctx, id)
		if err != nil {
			return api.Answer{}, err
		}
		return api.Answer{Status: http.StatusOK, Body: reg}, nil
	})
}
