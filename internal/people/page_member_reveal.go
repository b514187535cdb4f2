package people

import (
	"dangjian/internal/web"
	"net/http"

	"dangjian/internal/auth"
)

// memberReveal shows a member's page once with the full ID and phone
// numbers. Only a POST reveals (never a link that a browser or proxy might
// fetch again); require has checked the per-account permission, and the
// store audits the reveal without the values. The page is no-store.
func (s *pages) memberReveal(w http.ResponseWriter, r *http.Request) {
	p, ok := s.loadPerson(w, r)
	if !ok {
		return
	}
	u, _ := web.Principal(r)
	id, phone, err := s.people.Reveal(r.Context(), p.ID, u.Can(auth.RevealPII))
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	p.IDNumber, p.Phone = id, phone
	s.renderMember(w, r, p, true)
}
