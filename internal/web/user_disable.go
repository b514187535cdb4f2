package web

import (
	"net/http"

	"dangjian/internal/i18n"
)

// userDisable returns the handler that disables (disabled true) or
// re-enables an account. Disabling ends the account's sessions; an
// administrator cannot disable their own account.
func (s *Server) userDisable(disabled bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		a, ok := s.loadAccount(w, r)
		if !ok {
			return
		}
		if me, _ := Principal(r); disabled && a.ID == me.ID {
			s.renderUsers(w, r, http.StatusUnprocessableEntity, i18n.T(Lang(r), "err.disable_self"))
			return
		}
		if err := s.auth.SetDisabled(r.Context(), a.Username, disabled); err != nil {
			s.ServerError(w, r, err)
			return
		}
		if s.api != nil {
			s.api.ForgetTokens()
		}
		flash := "ui.flash.user_disabled"
		if !disabled {
			flash = "ui.flash.user_enabled"
		}
		SetFlash(w, flash, a.Username)
		SeeOther(w, r, "/admin/users")
	}
}
