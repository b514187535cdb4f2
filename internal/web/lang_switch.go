package web

import (
	"net/http"
	"net/url"
	"strings"
)

// langSwitch sets the language cookie and goes back to the page the user
// came from (?next=, a local path only).
func (s *Server) langSwitch(w http.ResponseWriter, r *http.Request) {
	l, ok := parseLang(r.PathValue("lang"))
	if !ok {
		s.NotFound(w, r)
		return
	}
	setLangCookie(w, l)
	http.Redirect(w, r, localPath(r.URL.Query().Get("next")), http.StatusSeeOther)
}

// localPath keeps next only when it is a path on this site, so the switch
// cannot be used to send users elsewhere.
//
// Browsers drop tabs and newlines and read a backslash as a slash, so any
// control character or backslash disqualifies the path, and the rest must
// parse as a path with neither scheme nor host.
func localPath(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsRune(next, '\\') {
		return "/"
	}
	for _, c := range next {
		if c < 0x20 || c == 0x7f {
			return "/"
		}
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" || !strings.HasPrefix(u.Path, "/") || strings.HasPrefix(u.Path, "//") {
		return "/"
	}
	return next
}
