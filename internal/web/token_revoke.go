package web

import (
	"net/http"

	"dangjian/internal/auth"
)

// tokenRevoke revokes one of the signed-in user's own API tokens. Another
// user's token is refused (403, audited), even for an administrator, who
// revokes it from the user list instead (tokenRevokeAny).
func (s *Server) tokenRevoke(w http.ResponseWriter, r *http.Request) {
	s.revokeToken(w, r, false, "/account/tokens")
}

// tokenRevokeAny lets the administrator revoke anyone's API token.
func (s *Server) tokenRevokeAny(w http.ResponseWriter, r *http.Request) {
	s.revokeToken(w, r, true, "/admin/users")
}

func (s *Server) revokeToken(w http.ResponseWriter, r *http.Request, anyone bool, back string) {
	id, ok := PathID(r)
	if !ok {
		s.NotFound(w, r)
		return
	}
	p, _ := Principal(r)
	all, err := s.auth.Tokens(r.Context(), 0)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	var tok *auth.Token
	for i := range all {
		if all[i].ID == id {
			tok = &all[i]
		}
	}
	switch {
	case tok == nil:
		s.NotFound(w, r)
		return
	case tok.AccountID != p.ID && !anyone:
		s.Denied(w, r, http.StatusForbidden, "err.forbidden")
		return
	case tok.RevokedAt != nil:
		SetFlash(w, "ui.flash.token_revoked", tok.Name)
		SeeOther(w, r, back)
		return
	}
	if err := s.auth.RevokeToken(r.Context(), id); err != nil {
		if _, ok := UserError(err); !ok {
			s.ServerError(w, r, err)
			return
		}
		// Revoked meanwhile: the outcome is the one asked for.
	}
	// the API's token cache must not serve it any longer
	if s.api != nil {
		s.api.ForgetTokens()
	}
	SetFlash(w, "ui.flash.token_revoked", tok.Name)
	SeeOther(w, r, back)
}
