package web

import (
	"context"
	"errors"
	"math"
	"net/http"
	"strings"
	"time"

	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/i18n"
)

// signinPage is the data of the sign-in page.
type signinPage struct {
	Username string
	Next     string
	Error    string
	// Demo: the server runs on the demo data (serve --demo).
	Demo bool
}

// sessionCreate shows the sign-in form and signs in. Whatever is wrong, the
// answer never says whether the username exists.
func (s *Server) sessionCreate(w http.ResponseWriter, r *http.Request) {
	lang := Lang(r)
	page := signinPage{Next: safeNext(r.FormValue("next")), Demo: s.demo}
	title := i18n.T(lang, "ui.signin.title")
	if r.Method != http.MethodPost {
		s.Render(w, r, http.StatusOK, "signin", &View{Title: title, D: page})
		return
	}
	page.Username = strings.TrimSpace(r.PostFormValue("username"))
	ctx := s.anonymous(r, auth.NormalizeUsername(page.Username))
	if ok, err := s.signinLimit.Allow(r.Context(), s.clientIP(r)); err != nil {
		s.Fail(w, r, err)
		return
	} else if !ok {
		page.Error = i18n.T(lang, "err.signin_rate")
		s.Render(w, r, http.StatusTooManyRequests, "signin", &View{Title: title, D: page})
		return
	}
	token, acct, err := s.auth.SignIn(ctx, page.Username, r.PostFormValue("password"), s.clientIP(r), r.UserAgent())
	var locked *auth.LockedError
	switch {
	case errors.As(err, &locked):
		page.Error = i18n.T(lang, "err.signin_locked", int(math.Ceil(time.Until(locked.Until).Minutes())))
		s.Render(w, r, http.StatusTooManyRequests, "signin", &View{Title: title, D: page})
		return
	case errors.Is(err, auth.ErrBadCredentials):
		page.Error = i18n.T(lang, "err.signin_failed")
		s.Render(w, r, http.StatusUnauthorized, "signin", &View{Title: title, D: page})
		return
	case err != nil:
		s.ServerError(w, r, err)
		return
	}
	// A session this browser still held ends now: one sign-in, one session.
	if c, err := r.Cookie(SessionCookie); err == nil && c.Value != "" {
		if err := s.auth.SignOut(ctx, c.Value); err != nil {
			s.log.ErrorContext(ctx, "web: end the previous session", "err", err)
		}
	}
	setSessionCookie(w, token, s.secureCookies)
	to := page.Next
	if to == "/" {
		to = HomeFor(auth.Principal{Account: acct})
	}
	if acct.MustChangePassword {
		to = "/account/password"
	}
	SeeOther(w, r, to)
}

// safeNext keeps a post-sign-in destination only when it is a local path.
func safeNext(next string) string {
	next = localPath(next)
	if strings.HasPrefix(next, "/signin") {
		return "/"
	}
	return next
}

// audit records an entry; a failure is logged, never shown.
func (s *Server) audit(ctx context.Context, e audit.Entry) {
	if err := audit.Write(ctx, s.db, e); err != nil {
		s.log.Error("web: audit", "action", e.Action, "err", err)
	}
}
