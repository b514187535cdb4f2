package api

import (
	"context"
	"crypto/rand"
	"dangjian/internal/access"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/i18n"
)

// Access control of the API. Every /api/v1 request carries an API token
// (Authorization: Bearer dj_…). admit checks, before the handler sees the
// request, that the token names a live account (401 otherwise, without
// saying why), then asks the access policy that the pages ask too
// (access.Decide): no initial password left to change, the route's
// permission, and the record named by {id} inside the caller's subtree
// (403), so an outsider never reaches validation or learns whether the
// record exists.
//
// The policy puts the scope (access.WithScope) into the request's context:
// every store call of the handler is restricted to the caller's subtree,
// which also refuses out-of-scope query parameters and body references
// (classify maps fault.Forbidden to 403).

// admit runs the checks for rt and returns the request to hand to the
// handler, or answers the request itself and returns false.
func (h *Handler) admit(w http.ResponseWriter, r *http.Request, rt Route) (*http.Request, bool) {
	p, err := h.authenticate(r)
	if err != nil {
		h.Fail(w, r, err)
		return nil, false
	}
	ctx := h.withActor(r.Context(), w, r, p)
	id, err := PathID(r)
	ctx, err = access.Decide(ctx, access.Request{Principal: p, Perm: rt.Perm, Place: rt.Place, ID: id, HasID: err == nil})
	if err != nil {
		h.Fail(w, r.WithContext(ctx), err)
		return nil, false
	}
	r = r.WithContext(context.WithValue(ctx, principalKey{}, p))
	if rt.Method != http.MethodGet && p.TokenID != 0 {
		// Recorded before the write: no audit entry, no write.
		err := h.audit(r.Context(), audit.Entry{
			Action: "token.use_write", TargetType: "token", TargetID: strconv.FormatInt(p.TokenID, 10),
			Detail: r.Method + " " + r.URL.Path,
		})
		if err != nil {
			h.Fail(w, r, fmt.Errorf("api: audit token use: %w", err))
			return nil, false
		}
	}
	return r, true
}

// bearerScheme is the authentication scheme of the API, also sent in
// WWW-Authenticate with every 401.
const bearerScheme = "Bearer"

// errUnauthenticated is the one answer to a missing, malformed, unknown,
// expired or revoked token, and to a disabled account's token.
func errUnauthenticated() error {
	return &requestError{kind: kindUnauthenticated, err: i18n.Errf("", "err.api_unauthenticated")}
}

// authenticate returns the principal of the request's bearer token.
func (h *Handler) authenticate(r *http.Request) (auth.Principal, error) {
	if h.Auth == nil {
		return auth.Principal{}, errors.New("api: no account store: every request is refused")
	}
	values := r.Header.Values("Authorization")
	if len(values) != 1 {
		return auth.Principal{}, errUnauthenticated()
	}
	scheme, token, ok := strings.Cut(values[0], " ")
	if !ok || !strings.EqualFold(scheme, bearerScheme) {
		return auth.Principal{}, errUnauthenticated()
	}
	p, err := h.principal(r.Context(), strings.TrimSpace(token))
	if errors.Is(err, auth.ErrBadToken) {
		return auth.Principal{}, errUnauthenticated()
	}
	if err != nil {
		return auth.Principal{}, err
	}
	return p, nil
}

// principal looks the token up (see token_cache.go).
func (h *Handler) principal(ctx context.Context, token string) (auth.Principal, error) {
	return h.tokens.principal(ctx, h.Auth, token)
}

// withActor names p as the actor of every audit entry the request writes.
func (h *Handler) withActor(ctx context.Context, w http.ResponseWriter, r *http.Request, p auth.Principal) context.Context {
	return audit.WithActor(ctx, audit.Actor{
		AccountID: p.ID, Username: p.Username, Role: string(p.Role),
		IP: h.clientIP(r), RequestID: requestID(w), Via: "api",
	})
}

// clientIP is h.ClientIP's answer, or the peer's address without its port.
func (h *Handler) clientIP(r *http.Request) string {
	if h.ClientIP != nil {
		return h.ClientIP(r)
	}
	host := r.RemoteAddr
	if i := strings.LastIndexByte(host, ':'); i > 0 {
		host = host[:i]
	}
	return strings.Trim(host, "[]")
}

// requestID is the X-Request-Id the web layer already set on the response,
// or a new one, set there so that the client and the audit entry agree.
func requestID(w http.ResponseWriter) string {
	if id := w.Header().Get("X-Request-Id"); id != "" {
		return id
	}
	var b [8]byte
	_, _ = rand.Read(b[:])
	id := hex.EncodeToString(b[:])
	w.Header().Set("X-Request-Id", id)
	return id
}

// audit appends e to the audit trail in a transaction of its own.
func (h *Handler) audit(ctx context.Context, e audit.Entry) error {
	if h.Audit != nil {
		return h.Audit(ctx, e)
	}
	return audit.Write(ctx, h.DB, e)
}

// auditDenied records a refusal (403). A failure to record is logged; the
// refusal stands either way.
func (h *Handler) auditDenied(r *http.Request, msg *i18n.Error) {
	detail := msg.Key
	if msg.Field != "" {
		detail += " (" + msg.Field + ")"
	}
	err := h.audit(r.Context(), audit.Entry{
		Action: "access.denied", TargetType: "route", TargetID: r.Method + " " + r.URL.Path,
		Outcome: audit.OutcomeDenied, Detail: detail,
	})
	if err != nil {
		h.logger().ErrorContext(r.Context(), "api: audit denied access", "method", r.Method, "path", r.URL.Path, "err", err)
	}
}

type principalKey struct{}

// PrincipalOf is the caller of an admitted request.
func PrincipalOf(r *http.Request) auth.Principal {
	p, _ := r.Context().Value(principalKey{}).(auth.Principal)
	return p
}
