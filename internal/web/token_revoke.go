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
	id, ok := pathID(r)
	if !ok {
		s.notFound(w, r)
		return
	}
	p, _ := principalOf(r)
	all, err := s.auth.Tokens(r.Context(), 0)
	if err != nil {
		s.serverError(w, r, err)
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
		s.notFound(w, r)
		return
	case tok.AccountID != p.ID && !anyone:
		s.denied(w, r, http.StatusForbidden, "err.forbidden")
		return
	case tok.RevokedAt != nil:
		setFlash(w, "ui.flash.token_revoked", tok.Name)
		seeOther(w, r, back)
		return
	}
	if err := s.auth.RevokeToken(r.Context(), id); err != nil {
		if _, ok := userError(err); !ok {
			s.serverError(w, r, err)
			return
		}
		// Revoked meanwhile: the outcome is the one asked for.
	}
	s.api.ForgetTokens() // the API's token cache must not serve it any longer
	setFlash(w, "ui.flash.token_revoked", tok.Name)
	seeOther(w, r, back)
}
