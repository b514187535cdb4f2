package api

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
	"strings"

	"dangjian/internal/fault"
	"dangjian/internal/i18n"
)

// requestKind says what is wrong with a request before the domain sees it.
type requestKind int

const (
	kindBadRequest      requestKind = iota // malformed JSON, unknown field, bad id
	kindTooLarge                           // body over the limit
	kindMediaType                          // body is not JSON
	kindNoRoute                            // no endpoint at this path
	kindMethod                             // endpoint exists, method does not
	kindInvalidRef                         // a reference in the body names nothing
	kindUnauthenticated                    // no valid API token
	kindForbidden                          // the caller may not do this
)

// requestError is an error the API itself finds in a request, or a domain
// error the API re-classifies (kindInvalidRef). classify turns the kind
// into a status.
type requestError struct {
	kind requestKind
	err  *i18n.Error
}

func (e *requestError) Error() string { return e.err.Error() }

func (e *requestError) Unwrap() error { return e.err }

// ErrorBody is the JSON body of every error response.
type ErrorBody struct {
	Error ErrorDetail `json:"error"`
}

// ErrorDetail is the error itself: a stable code (the message key without
// its "err." prefix), the message in the request's language, and the input
// field it concerns, when there is one.
type ErrorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
}

// classify maps any error to its HTTP status and the message to show. It is
// the only place where errors become statuses. internal reports an error
// whose text must not reach the client.
func classify(err error) (status int, msg *i18n.Error, internal bool) {
	var re *requestError
	if errors.As(err, &re) {
		switch re.kind {
		case kindTooLarge:
			return http.StatusRequestEntityTooLarge, re.err, false
		case kindMediaType:
			return http.StatusUnsupportedMediaType, re.err, false
		case kindNoRoute:
			return http.StatusNotFound, re.err, false
		case kindMethod:
			return http.StatusMethodNotAllowed, re.err, false
		case kindInvalidRef:
			return http.StatusUnprocessableEntity, re.err, false
		case kindUnauthenticated:
			return http.StatusUnauthorized, re.err, false
		case kindForbidden:
			return http.StatusForbidden, re.err, false
		default:
			return http.StatusBadRequest, re.err, false
		}
	}
	var ie *i18n.Error
	if errors.As(err, &ie) {
		// A domain's refusal, with its message for the user; its class
		// decides the status.
		return classStatus(err), ie, false
	}
	switch {
	case errors.Is(err, fault.NotFound), errors.Is(err, sql.ErrNoRows):
		return http.StatusNotFound, i18n.Errf("", "err.api_not_found"), false
	case errors.Is(err, fault.Conflict):
		return http.StatusConflict, i18n.Errf("", "err.api_conflict"), false
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, i18n.Errf("", "err.api_unavailable"), false
	}
	return http.StatusInternalServerError, i18n.Errf("", "err.internal"), true
}

// classStatus is the status of a domain error that carries a message: a
// path target, query parameter or body reference outside the caller's
// subtree is forbidden; a reference in the body that names nothing is
// refused input, while the missing record the request is about is not
// found; a conflict with what is stored is a conflict; everything else is
// input refused by a rule.
func classStatus(err error) int {
	switch {
	case errors.Is(err, fault.Forbidden):
		return http.StatusForbidden
	case errors.Is(err, fault.BadReference):
		return http.StatusUnprocessableEntity
	case errors.Is(err, fault.NotFound):
		return http.StatusNotFound
	case errors.Is(err, fault.Conflict):
		return http.StatusConflict
	}
	return http.StatusUnprocessableEntity
}

// Fail writes err as a JSON error in the request's language. Internal
// errors are logged with the request and answered with err.internal only.
func (h *Handler) Fail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg, internal := classify(err)
	if internal {
		h.logger().ErrorContext(r.Context(), "api: internal error", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	switch status {
	case http.StatusServiceUnavailable:
		h.logger().InfoContext(r.Context(), "api: request abandoned", "method", r.Method, "path", r.URL.Path, "err", err)
	case http.StatusUnauthorized:
		// Logged, not audited: anyone can send these, and the audit trail
		// is one serialised chain.
		h.logger().WarnContext(r.Context(), "api: unauthenticated request", "method", r.Method, "path", r.URL.Path, "ip", h.clientIP(r))
		w.Header().Set("WWW-Authenticate", bearerScheme+` realm="dangjian"`)
	case http.StatusForbidden:
		h.auditDenied(r, msg)
	}
	body := ErrorBody{Error: ErrorDetail{
		Code:    strings.TrimPrefix(msg.Key, "err."),
		Message: msg.In(Lang(r)),
		Field:   msg.Field,
	}}
	h.WriteJSON(w, r, status, body)
}

// InvalidRef marks a not-found error as a bad reference inside the body
// (422) rather than a missing resource (404).
func InvalidRef(err error) error {
	var ie *i18n.Error
	if errors.As(err, &ie) && errors.Is(err, fault.NotFound) {
		return &requestError{kind: kindInvalidRef, err: ie}
	}
	return err
}

// Relabel returns err with its field renamed from one name to another, so
// that a message names the parameter the client actually sent.
func Relabel(err error, from, to string) error {
	var ie *i18n.Error
	if errors.As(err, &ie) && ie.Field == from {
		c := *ie
		c.Field = to
		return &c
	}
	return err
}
