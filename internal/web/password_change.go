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
	p, _ := Principal(r)
	lang := Lang(r)
	page := passwordPage{Forced: p.MustChangePassword, Errors: map[string]string{}}
	title := i18n.T(lang, "ui.password.title")
	if r.Method != http.MethodPost {
		s.Render(w, r, http.StatusOK, "password", &View{Title: title, D: page})
		return
	}
	old, nw, again := r.PostFormValue("old_password"), r.PostFormValue("password"), r.PostFormValue("password_again")
	var err error
	if nw != again {
		err = i18n.Errf("password_again", "err.password_mismatch")
	} else {
		keep := ""
		if c, cerr := r.Cookie(SessionCookie); cerr == nil {
			keep = c.Value
		}
		err = s.auth.ChangePassword(r.Context(), p.ID, old, nw, keep)
		if err == nil {
			if s.api != nil {
				s.api.ForgetTokens()
			}
		}
	}
	var locked *auth.LockedError
	if errors.As(err, &locked) {
		page.Error = i18n.T(lang, "err.signin_locked", int(math.Ceil(time.Until(locked.Until).Minutes())))
		s.Render(w, r, http.StatusTooManyRequests, "password", &View{Title: title, D: page})
		return
	}
	if err != nil {
		e, ok := UserError(err)
		if !ok {
			s.ServerError(w, r, err)
			return
		}
		if e.Field != "" {
			page.Errors[e.Field] = e.In(lang)
		} else {
			page.Error = e.In(lang)
		}
		s.Render(w, r, http.StatusUnprocessableEntity, "password", &View{Title: title, D: page})
		return
	}
	SetFlash(w, "ui.flash.password_changed")
	SeeOther(w, r, HomeFor(p))
}
