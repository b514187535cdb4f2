package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/auth"
	"dangjian/internal/i18n"
)

// maxTokenDays is the longest lifetime the form accepts.
const maxTokenDays = int(auth.MaxTokenTTL / (24 * time.Hour))

// tokenCreate issues an API token for the signed-in user, and for nobody
// else: the form has no account field and any sent is ignored. The answer
// shows the secret once.
func (s *Server) tokenCreate(w http.ResponseWriter, r *http.Request) {
	p, _ := Principal(r)
	lang := Lang(r)
	page := tokensPage{Name: strings.TrimSpace(r.PostFormValue("name")), Days: strings.TrimSpace(r.PostFormValue("days")), Errors: map[string]string{}}
	if page.Name == "" {
		page.Errors["name"] = i18n.T(lang, "err.token_name")
	} else if len([]rune(page.Name)) > 80 {
		page.Errors["name"] = i18n.T(lang, "err.token_name_long", 80)
	}
	days, err := strconv.Atoi(page.Days)
	if err != nil || days <= 0 || days > maxTokenDays {
		page.Errors["days"] = i18n.T(lang, "err.token_ttl", maxTokenDays)
	}
	if len(page.Errors) > 0 {
		s.renderTokens(w, r, http.StatusUnprocessableEntity, page)
		return
	}
	tok, secret, err := s.auth.CreateToken(r.Context(), p.ID, page.Name, time.Duration(days)*24*time.Hour)
	if err != nil {
		if e, ok := UserError(err); ok {
			page.Error = e.In(lang)
			s.renderTokens(w, r, http.StatusUnprocessableEntity, page)
			return
		}
		s.ServerError(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "secret", &View{Title: i18n.T(lang, "ui.tokens.title"), Nav: "tokens", D: secretPage{
		Heading: i18n.T(lang, "ui.token_new.done", tok.Name),
		Intro:   i18n.T(lang, "ui.secret.token_intro"),
		Label:   i18n.T(lang, "ui.secret.token"),
		Secret:  secret,
		Facts: []fact{
			{i18n.T(lang, "ui.token.name"), tok.Name},
			{i18n.T(lang, "ui.token.expires"), tok.ExpiresAt.Local().Format("2006-01-02 15:04")},
		},
		Back: i18n.T(lang, "ui.tokens.back"), BackTo: "/account/tokens",
	}})
}
