package web

import (
	"errors"
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/i18n"
)

// loadAccount reads the account named by the path's {id}. It renders the
// 404 page for a bad or unknown id, the 500 page for anything else, and
// then returns false.
func (s *Server) loadAccount(w http.ResponseWriter, r *http.Request) (auth.Account, bool) {
	id, ok := PathID(r)
	if !ok {
		s.NotFound(w, r)
		return auth.Account{}, false
	}
	a, err := s.auth.Get(r.Context(), id)
	if err != nil {
		if errors.Is(err, auth.ErrNotFound) {
			s.NotFound(w, r)
		} else {
			s.ServerError(w, r, err)
		}
		return auth.Account{}, false
	}
	return a, true
}

// userReset gives an account a new one-time password, shown once in the
// answer; the account's sessions end and it must change the password.
func (s *Server) userReset(w http.ResponseWriter, r *http.Request) {
	a, ok := s.loadAccount(w, r)
	if !ok {
		return
	}
	password, err := s.auth.ResetPassword(r.Context(), a.Username)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	// the account must change its password before using the API again
	if s.api != nil {
		s.api.ForgetTokens()
	}
	lang := Lang(r)
	s.Render(w, r, http.StatusOK, "secret", &View{Title: i18n.T(lang, "ui.user_reset.title"), Nav: "users", D: secretPage{
		Heading: i18n.T(lang, "ui.user_reset.done", a.Username),
		Intro:   i18n.T(lang, "ui.secret.reset_intro"),
		Label:   i18n.T(lang, "ui.secret.password"),
		Secret:  password,
		Facts:   s.accountFacts(r, a),
		Back:    i18n.T(lang, "ui.users.back"), BackTo: "/admin/users",
	}})
}
