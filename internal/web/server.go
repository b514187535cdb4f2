// Package web serves the server-rendered HTML pages (zh-CN first, complete
// English), their static files, and mounts the JSON API.
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

// Server holds the dependencies of the HTML handlers and the parsed templates.
type Server struct {
	db    *db.DB
	areas *area.Store
	log   *slog.Logger
	pages *pages
}

// New returns the application's handler: pages, static files and /api.
func New(d Deps) http.Handler {
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	s := &Server{db: d.DB, areas: d.Areas, log: d.Log, pages: mustParsePages()}
	mux := http.NewServeMux()
	(&api.Handler{DB: d.DB, Areas: d.Areas, Log: d.Log}).Register(mux)
	s.routes(mux)
	csrf := http.NewCrossOriginProtection()
	return s.recoverPanics(s.withLang(csrf.Handler(mux)))
}

// routes registers every page. Handlers live one per file, named
// <noun>_<verb>.go.
func (s *Server) routes(mux *http.ServeMux) {
	page := func(pattern string, h http.HandlerFunc) { mux.Handle(pattern, pageHeaders(h)) }
	mux.Handle("GET /static/", staticHandler())
	page("GET /lang/{lang}", s.langSwitch)
	page("GET /{$}", s.treeShow)
	page("GET /areas/{id}", s.areaShow)
	page("/areas/{id}/children/new", s.areaCreate)
	page("/areas/{id}/merge", s.areaMerge)
	page("/areas/{id}/split", s.areaSplit)
	page("/areas/{id}/adjust", s.areaAdjust)
	page("/areas/{id}/rename", s.areaRename)
	page("/areas/{id}/dissolve", s.areaDissolve)
	page("/areas/{id}/party-orgs/new", s.orgCreate)
	page("/party-orgs/{id}/reform", s.orgReform)
	page("/party-orgs/{id}/dissolve", s.orgDissolve)
	page("GET /figures", s.figuresShow)
	page("GET /figures/{key}", s.figureShow)
	page("GET /speech", s.speechShow)
	page("GET /speech.md", s.speechDownload)
	page("GET /speech.html", s.speechDownload)
	page("/", s.notFound)
}
