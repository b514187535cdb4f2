package web

import (
	"net/http"
)

// sessionDelete signs out: the session ends on the server, not only in the browser.
func (s *Server) sessionDelete(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(SessionCookie); err == nil && c.Value != "" {
		if err := s.auth.SignOut(r.Context(), c.Value); err != nil {
			s.ServerError(w, r, err)
			return
		}
	}
	clearSessionCookie(w, s.secureCookies)
	SetFlash(w, "ui.flash.signed_out")
	SeeOther(w, r, "/signin")
}
