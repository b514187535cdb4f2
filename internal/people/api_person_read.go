package people

import (
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/date"
)

// personJSON is a person with their history: ID and phone numbers masked.
type personJSON struct {
	Person        Person               `json:"person"`
	Memberships   []Membership         `json:"memberships"`
	Posts         []PlacedPost         `json:"posts"`
	Registrations []PlacedRegistration `json:"registrations"`
}

// personGet serves GET /api/v1/persons/{id}: the person (numbers masked),
// their memberships oldest first, their posts and registrations.
func (h *apiHandlers) personGet(w http.ResponseWriter, r *http.Request) {
	id, err := api.PathID(r)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	ctx := r.Context()
	var out personJSON
	if out.Person, err = h.people.Get(ctx, id); err == nil {
		out.Memberships, err = h.people.History(ctx, id)
	}
	if err == nil {
		out.Posts, err = h.people.PersonPosts(ctx, id)
	}
	if err == nil {
		out.Registrations, err = h.people.PersonRegistrations(ctx, id)
	}
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	out.Memberships, out.Posts, out.Registrations = nonNil(out.Memberships), nonNil(out.Posts), nonNil(out.Registrations)
	h.WriteJSON(w, r, http.StatusOK, out)
}

// revealJSON is a person's full numbers.
type revealJSON struct {
	IDNumber string `json:"id_number"`
	Phone    string `json:"phone"`
}

// personReveal serves POST /api/v1/persons/{id}/reveal: the full ID
// number and phone, for an account allowed to reveal them; the reveal is
// audited (without the values) before they are sent.
func (h *apiHandlers) personReveal(w http.ResponseWriter, r *http.Request) {
	id, err := api.PathID(r)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	idNumber, phone, err := h.people.Reveal(r.Context(), id, true)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	h.WriteJSON(w, r, http.StatusOK, revealJSON{IDNumber: idNumber, Phone: phone})
}

// pathAndDay reads the path's {id} and ?as_of= (today when absent); a bad
// one is answered and ok is false.
func (h *apiHandlers) pathAndDay(w http.ResponseWriter, r *http.Request) (id int64, on date.Date, ok bool) {
	id, err := api.PathID(r)
	if err == nil {
		on, err = api.AsOf(r, h.people.Today())
	}
	if err != nil {
		h.Fail(w, r, err)
		return 0, on, false
	}
	return id, on, true
}

// nonNil returns xs, or an empty list for nil, so that it renders as [].
func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
