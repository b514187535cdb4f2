package web

import (
	"net/http"
	"strings"
)

// langSwitch sets the language cookie and goes back to the page the user
// came from (?next=, a local path only).
func (s *Server) langSwitch(w http.ResponseWriter, r *http.Request) {
	l, ok := parseLang(r.PathValue("lang"))
	if !ok {
		s.notFound(w, r)
		return
	}
	setLangCookie(w, l)
	http.Redirect(w, r, localPath(r.URL.Query().Get("next")), http.StatusSeeOther)
}

// localPath keeps next only when it is a path on this site, so the switch
// cannot be used to send users elsewhere.
func localPath(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") || strings.ContainsAny(next, "\r\n") {
		return "/"
	}
	return next
}
