package web

import (
	"net/http"
	"net/url"
	"strings"

	"dangjian/internal/i18n"
)

// flashCookie carries a confirmation across the redirect that follows a
// successful form: a message key and its arguments, rendered in the user's
// language when the next page shows it, then cleared.
const flashCookie = "flash"

// SetFlash stores the confirmation key (which must start with "ui.flash.")
// and its string arguments.
func SetFlash(w http.ResponseWriter, key string, args ...string) {
	v := url.Values{"k": {key}, "a": args}
	http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: v.Encode(), Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode, MaxAge: 60})
}

// takeFlash returns the pending confirmation in the request's language and
// clears it. Anything that is not a known flash key is ignored.
func takeFlash(w http.ResponseWriter, r *http.Request) string {
	c, err := r.Cookie(flashCookie)
	if err != nil {
		return ""
	}
	http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: "", Path: "/", MaxAge: -1})
	v, err := url.ParseQuery(c.Value)
	if err != nil {
		return ""
	}
	key := v.Get("k")
	if !strings.HasPrefix(key, "ui.flash.") || !i18n.Has(key) {
		return ""
	}
	args := make([]any, 0, len(v["a"]))
	for _, a := range v["a"] {
		args = append(args, a)
	}
	return i18n.T(Lang(r), key, args...)
}
