package web

import (
	"context"
	"dangjian/internal/access"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"dangjian/internal/auth"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
)

// SessionCookie holds the session token; the database keeps only its hash.
const SessionCookie = "dj_session"

type principalKey struct{}

// Principal returns the signed-in user of r, if any.
func Principal(r *http.Request) (auth.Principal, bool) {
	p, ok := r.Context().Value(principalKey{}).(auth.Principal)
	return p, ok
}

// authenticate reads the session cookie and, when it is valid, puts the
// principal and their scope into the request's context. It refuses nothing:
// require does.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(SessionCookie)
		if err != nil || c.Value == "" || s.auth == nil {
			next.ServeHTTP(w, r)
			return
		}
		p, err := s.auth.Session(r.Context(), c.Value)
		if err != nil {
			if !errors.Is(err, auth.ErrNoSession) {
				s.ServerError(w, r, err)
				return
			}
			clearSessionCookie(w, s.secureCookies)
			next.ServeHTTP(w, r)
			return
		}
		ctx := context.WithValue(r.Context(), principalKey{}, p)
		sc, _ := access.Scope(p)
		ctx = access.WithScope(ctx, sc)
		ctx = s.withActor(ctx, r, p)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// require wraps a page that needs a signed-in user: the access policy
// (access.Decide) decides whether they may do perm on what the path's {id}
// names, placed by pl, before the handler runs.
func (s *Server) require(perm auth.Permission, pl *access.Place, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p, ok := Principal(r)
		if !ok {
			if r.Method == http.MethodGet || r.Method == http.MethodHead {
				SeeOther(w, r, "/signin?next="+url.QueryEscape(r.URL.RequestURI()))
				return
			}
			s.Denied(w, r, http.StatusUnauthorized, "err.unauthenticated")
			return
		}
		open := openBeforePasswordChange(r)
		if p.MustChangePassword && !open {
			SeeOther(w, r, "/account/password")
			return
		}
		id, hasID := PathID(r)
		ctx, err := access.Decide(r.Context(), access.Request{Principal: p, Perm: perm, Place: pl, ID: id, HasID: hasID, BeforePasswordChange: open})
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		h(w, r.WithContext(ctx))
	}
}

// openBeforePasswordChange reports whether r is one of the two requests an
// account with an initial password may make: changing it and signing out.
// Everything else, its API tokens included, waits for the change.
func openBeforePasswordChange(r *http.Request) bool {
	return r.URL.Path == "/account/password" || r.URL.Path == "/signout"
}

// HomeFor is where a user lands after signing in: the tree, a unit
// liaison's unit, or for a role that cannot read either (the auditor) the
// first page it can.
func HomeFor(p auth.Principal) string {
	switch {
	case p.Can(auth.ReadAreas):
		return "/"
	case p.Role.NeedsUnit() && p.UnitID != 0:
		return "/units/" + strconv.FormatInt(p.UnitID, 10)
	case p.Can(auth.ReadAudit):
		return "/audit"
	default:
		return "/account/tokens"
	}
}

// Denied renders the refusal page and records it in the audit trail.
func (k *Kit) Denied(w http.ResponseWriter, r *http.Request, status int, key string) {
	k.AuditDenied(r, key)
	lang := Lang(r)
	title := i18n.T(lang, "ui.error.forbidden_title")
	if status == http.StatusUnauthorized {
		title = i18n.T(lang, "ui.error.unauthenticated_title")
	}
	k.Render(w, r, status, "error", &View{Title: title, D: ErrorPage{Status: status, Message: i18n.T(lang, key)}})
}

// UserErrorStatus is the status of a refusal: 403 for one outside the
// user's scope, 422 for the rest.
func UserErrorStatus(e *i18n.Error) int {
	if errors.Is(e, fault.Forbidden) {
		return http.StatusForbidden
	}
	return http.StatusUnprocessableEntity
}

func setSessionCookie(w http.ResponseWriter, token string, secure bool) {
	http.SetCookie(w, &http.Cookie{
		Name: SessionCookie, Value: token, Path: "/", HttpOnly: true, Secure: secure,
		SameSite: http.SameSiteLaxMode, MaxAge: int(auth.AbsoluteTimeout.Seconds()),
	})
}

func clearSessionCookie(w http.ResponseWriter, secure bool) {
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: "", Path: "/", HttpOnly: true, Secure: secure, SameSite: http.SameSiteLaxMode, MaxAge: -1})
}

// clientIP is the request's client address (see ClientIP).
func (s *Server) clientIP(r *http.Request) string { return ClientIP(r, s.trustProxy) }

// ClientIP is the peer address; behind a reverse proxy the operator sets
// --trust-proxy and the last X-Forwarded-For entry is used: the one the
// proxy appended. Entries before it come from the client and prove nothing.
func ClientIP(r *http.Request, trustProxy bool) string {
	if trustProxy {
		if f := r.Header.Values("X-Forwarded-For"); len(f) > 0 {
			last := f[len(f)-1]
			if ip := strings.TrimSpace(last[strings.LastIndexByte(last, ',')+1:]); ip != "" {
				return ip
			}
		}
	}
	host := r.RemoteAddr
	if i := strings.LastIndexByte(host, ':'); i > 0 {
		host = host[:i]
	}
	return strings.Trim(host, "[]")
}
