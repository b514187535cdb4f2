package web

import (
	"net/http"
	"time"

	"dangjian/internal/i18n"
)

// tokensPage is the data of the own-tokens page: the list and the form
// that creates one.
type tokensPage struct {
	Tokens  []tokenRow
	Name    string
	Days    string
	Errors  map[string]string
	Error   string
	MaxDays int
}

// defaultTokenDays is the lifetime the form proposes.
const defaultTokenDays = "90"

// tokenList shows the signed-in user's API tokens and the form for a new one.
func (s *Server) tokenList(w http.ResponseWriter, r *http.Request) {
	s.renderTokens(w, r, http.StatusOK, tokensPage{Days: defaultTokenDays})
}

// renderTokens renders the own-tokens page with the form's state in page.
func (s *Server) renderTokens(w http.ResponseWriter, r *http.Request, status int, page tokensPage) {
	p, _ := Principal(r)
	tokens, err := s.auth.Tokens(r.Context(), p.ID)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	page.Tokens = tokenRows(tokens, time.Now())
	// Newest first.
	for i, j := 0, len(page.Tokens)-1; i < j; i, j = i+1, j-1 {
		page.Tokens[i], page.Tokens[j] = page.Tokens[j], page.Tokens[i]
	}
	page.MaxDays = maxTokenDays
	if page.Errors == nil {
		page.Errors = map[string]string{}
	}
	s.Render(w, r, status, "tokens", &View{Title: i18n.T(Lang(r), "ui.tokens.title"), Nav: "tokens", D: page})
}
