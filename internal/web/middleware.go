package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"dangjian/internal/i18n"
)

// langCookie holds the language the user picked.
const langCookie = "lang"

type langKey struct{}

// withLang decides the request's language: ?lang= (which also sets the
// cookie, so the choice sticks), then the cookie, then zh-CN. The browser's
// Accept-Language is not used: the application is Chinese first.
func (s *Server) withLang(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lang := i18n.ZH
		if q := r.URL.Query().Get("lang"); q != "" {
			if l, ok := parseLang(q); ok {
				lang = l
				setLangCookie(w, l)
			}
		} else if c, err := r.Cookie(langCookie); err == nil {
			if l, ok := parseLang(c.Value); ok {
				lang = l
			}
		}
		w.Header().Add("Vary", "Cookie")
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), langKey{}, lang)))
	})
}

// parseLang accepts exactly the supported language codes.
func parseLang(s string) (i18n.Lang, bool) {
	for _, l := range i18n.Langs {
		if strings.EqualFold(s, string(l)) {
			return l, true
		}
	}
	return "", false
}

func setLangCookie(w http.ResponseWriter, l i18n.Lang) {
	http.SetCookie(w, &http.Cookie{
		Name: langCookie, Value: string(l), Path: "/",
		MaxAge: int((365 * 24 * time.Hour).Seconds()), HttpOnly: true, SameSite: http.SameSiteLaxMode,
	})
}

// Lang returns the language withLang chose for r.
func Lang(r *http.Request) i18n.Lang {
	if l, ok := r.Context().Value(langKey{}).(i18n.Lang); ok {
		return l
	}
	return i18n.ZH
}

// contentSecurityPolicy allows only same-origin style sheets and images and
// no script at all: the pages work without JavaScript.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// pageHeaders sets the security headers of HTML pages.
func pageHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

// recoverPanics turns a panic into a logged 500 page instead of a dropped
// connection or a stack trace.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.ServerError(w, r, fmt.Errorf("web: panic: %v", v))
			}
		}()
		next.ServeHTTP(w, r)
	})
}
