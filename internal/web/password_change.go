package web

import (
	"errors"
	"math"
	"time"

	"dangjian/internal/auth"
	"net/http"

	"dangjian/internal/i18n"
)

// passwordPage is the data of the password form.
type passwordPage struct {
	Forced bool
	Errors map[string]string
	Error  string
}

// passwordChange lets the signed-in user change their password; it is the
// only page open to an account that must change its initial password.
func (s *Server) passwordChange(w http.ResponseWriter, r *http.Request) {
	p, _ := principalOf(r)
	lang := langOf(r)
	page := passwordPage{Forced: p.MustChangePassword, Errors: map[string]string{}}
	title := i18n.T(lang, "ui.password.title")
	if r.Method != http.MethodPost {
		s.render(w, r, http.StatusOK, "password", &view{Title: title, D: page})
		return
	}
	old, nw, again := r.PostFormValue("old_password"), r.PostFormValue("password"), r.PostFormValue("password_again")
	var err error
	if nw != again {
		err = i18n.Errf("password_again", "err.password_mismatch")
	} else {
		keep := ""
		if c, cerr := r.Cookie(sessionCookie); cerr == nil {
			keep = c.Value
		}
		err = s.auth.ChangePassword(r.Context(), p.ID, old, nw, keep)
		if err == nil {
			s.api.ForgetTokens()
		}
	}
	var locked *auth.LockedError
	if errors.As(err, &locked) {
		page.Error = i18n.T(lang, "err.signin_locked", int(math.Ceil(time.Until(locked.Until).Minutes())))
		s.render(w, r, http.StatusTooManyRequests, "password", &view{Title: title, D: page})
		return
	}
	if err != nil {
		e, ok := userError(err)
		if !ok {
			s.serverError(w, r, err)
			return
		}
		if e.Field != "" {
			page.Errors[e.Field] = e.In(lang)
		} else {
			page.Error = e.In(lang)
		}
		s.render(w, r, http.StatusUnprocessableEntity, "password", &view{Title: title, D: page})
		return
	}
	setFlash(w, "ui.flash.password_changed")
	seeOther(w, r, homeFor(p))
}
