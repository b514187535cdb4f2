// Package api serves the JSON API under /api/v1 and its OpenAPI document at
// /api/openapi.json. Handlers are thin: they parse the request, call the
// domain packages and render JSON; every error becomes a status and a JSON
// body in one place (classify, in error_map.go).
package api

import (
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"

	"dangjian/internal/area"
	"dangjian/internal/db"
)

// Handler holds the API's dependencies.
type Handler struct {
	DB    *db.DB
	Areas *area.Store
	Log   *slog.Logger
}

// Register adds every API route of the route table to mux, and a fallback
// under /api/ that answers unknown paths and wrong methods in JSON.
func (h *Handler) Register(mux *http.ServeMux) {
	for _, rt := range routes {
		mux.HandleFunc(rt.pattern(), func(w http.ResponseWriter, r *http.Request) {
			defer h.recoverJSON(w, r)
			rt.handle(h, w, r)
		})
	}
	mux.HandleFunc(fallbackPattern, func(w http.ResponseWriter, r *http.Request) {
		h.fallback(mux, w, r)
	})
}

// logger returns h.Log, or the default logger when none is set.
func (h *Handler) logger() *slog.Logger {
	if h.Log != nil {
		return h.Log
	}
	return slog.Default()
}

// recoverJSON turns a panic in a handler into a logged internal error with
// the JSON error body, instead of a dropped connection.
func (h *Handler) recoverJSON(w http.ResponseWriter, r *http.Request) {
	p := recover()
	if p == nil {
		return
	}
	if p == http.ErrAbortHandler {
		panic(p)
	}
	h.fail(w, r, fmt.Errorf("api: panic: %v\n%s", p, debug.Stack()))
}
