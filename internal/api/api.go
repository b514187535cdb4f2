// Package api serves the JSON API under /api/v1 and its OpenAPI document.
package api

import (
	"log/slog"
	"net/http"

	"dangjian/internal/area"
	"dangjian/internal/db"
)

// Handler holds the API's dependencies.
type Handler struct {
	DB    *db.DB
	Areas *area.Store
	Log   *slog.Logger
}

// Register adds every API route to mux.
func (h *Handler) Register(mux *http.ServeMux) {
}
