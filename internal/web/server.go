// Package web serves the HTML pages and mounts the JSON API.
package web

import (
	"log/slog"
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/area"
	"dangjian/internal/db"
)

// Deps is what the web application needs.
type Deps struct {
	DB    *db.DB
	Areas *area.Store
	Log   *slog.Logger
}

// New returns the application's handler: pages, static files and /api.
func New(d Deps) http.Handler {
	mux := http.NewServeMux()
	(&api.Handler{DB: d.DB, Areas: d.Areas, Log: d.Log}).Register(mux)
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte("<!doctype html><title>dangjian</title><p>dangjian</p>"))
	})
	return mux
}
