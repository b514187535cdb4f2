// Package web serves the server-rendered HTML pages (zh-CN first, complete
// English), their static files, and mounts the JSON API.
package web

import (
	"log/slog"
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/area"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/people"
)

// Deps is what the web application needs.
type Deps struct {
	DB    *db.DB
	Areas *area.Store
	Auth  *auth.Store
	// People keeps members, stationed units, leadership and registrations.
	People *people.Store
	Log    *slog.Logger
	// SecureCookies marks cookies Secure; set it when serving over TLS,
	// directly or behind a TLS-terminating proxy.
	SecureCookies bool
	// TrustProxy takes the client address from X-Forwarded-For.
	TrustProxy bool
}

// Server holds the dependencies of the HTML handlers and the parsed templates.
type Server struct {
	db            *db.DB
	areas         *area.Store
	auth          *auth.Store
	people        *people.Store
	log           *slog.Logger
	pages         *pages
	secureCookies bool
	trustProxy    bool
	signinLimit   *rateLimiter
	// api is the mounted JSON API; account changes made here tell it to
	// forget the credentials it has cached (api.Handler.ForgetTokens).
	api *api.Handler
}

// maxFormBytes bounds a form's body.
const maxFormBytes = 256 << 10

// New returns the application's handler: pages, static files and /api.
func New(d Deps) http.Handler {
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	s := &Server{
		db: d.DB, areas: d.Areas, auth: d.Auth, people: d.People, log: d.Log, pages: mustParsePages(),
		secureCookies: d.SecureCookies, trustProxy: d.TrustProxy,
		signinLimit: newRateLimiter(20, 10),
	}
	mux := http.NewServeMux()
	s.api = &api.Handler{DB: d.DB, Areas: d.Areas, Auth: d.Auth, Log: d.Log, ClientIP: s.clientIP}
	s.api.Register(mux)
	for _, rt := range s.routes() {
		h := rt.handler
		if rt.perm != "" {
			h = s.require(rt.perm, rt.target, h)
		}
		mux.Handle(rt.pattern, pageHeaders(limitBody(h, bodyLimit(rt.pattern))))
	}
	mux.Handle("GET /static/", staticHandler())
	csrf := http.NewCrossOriginProtection()
	return withRequestID(s.recoverPanics(s.withLang(csrf.Handler(s.authenticate(mux)))))
}

// route is one page: its ServeMux pattern, the permission it needs ("" for
// the public pages) and what its {id} names. The access-control test walks
// this table, so a page cannot be added without deciding who may see it.
type route struct {
	pattern string
	perm    auth.Permission
	target  target
	handler http.HandlerFunc
}

// routes lists every page. Handlers live one per file, named <noun>_<verb>.go.
func (s *Server) routes() []route {
	rts := []route{
		{"GET /lang/{lang}", "", noTarget, s.langSwitch},
		{"/signin", "", noTarget, s.sessionCreate},
		{"POST /signout", auth.OwnAccount, noTarget, s.sessionDelete},
		{"/account/password", auth.OwnAccount, noTarget, s.passwordChange},
		{"GET /account/tokens", auth.OwnAccount, noTarget, s.tokenList},
		{"POST /account/tokens", auth.OwnAccount, noTarget, s.tokenCreate},
		{"POST /account/tokens/{id}/revoke", auth.OwnAccount, noTarget, s.tokenRevoke},

		{"GET /admin/users", auth.ManageUsers, noTarget, s.userList},
		{"/admin/users/new", auth.ManageUsers, noTarget, s.userCreate},
		{"POST /admin/users/{id}/reset", auth.ManageUsers, noTarget, s.userReset},
		{"POST /admin/users/{id}/disable", auth.ManageUsers, noTarget, s.userDisable(true)},
		{"POST /admin/users/{id}/enable", auth.ManageUsers, noTarget, s.userDisable(false)},
		{"POST /admin/tokens/{id}/revoke", auth.ManageUsers, noTarget, s.tokenRevokeAny},

		{"GET /audit", auth.ReadAudit, noTarget, s.auditShow},
		{"GET /audit.xlsx", auth.ReadAudit, noTarget, s.auditExport},

		{"GET /{$}", auth.ReadAreas, noTarget, s.treeShow},
		{"GET /areas/{id}", auth.ReadAreas, areaTarget, s.areaShow},
		{"/areas/{id}/children/new", auth.WriteAreas, areaTarget, s.areaCreate},
		{"/areas/{id}/merge", auth.WriteAreas, areaTarget, s.areaMerge},
		{"/areas/{id}/split", auth.WriteAreas, areaTarget, s.areaSplit},
		{"/areas/{id}/adjust", auth.WriteAreas, areaTarget, s.areaAdjust},
		{"/areas/{id}/rename", auth.WriteAreas, areaTarget, s.areaRename},
		{"/areas/{id}/dissolve", auth.WriteAreas, areaTarget, s.areaDissolve},
		{"/areas/{id}/party-orgs/new", auth.WriteAreas, areaTarget, s.orgCreate},
		{"/party-orgs/{id}/reform", auth.WriteAreas, orgTarget, s.orgReform},
		{"/party-orgs/{id}/dissolve", auth.WriteAreas, orgTarget, s.orgDissolve},
		{"GET /figures", auth.ReadAreas, noTarget, s.figuresShow},
		{"GET /figures/{key}", auth.ReadAreas, noTarget, s.figureShow},
		{"GET /speech", auth.ReadAreas, noTarget, s.speechShow},
		{"GET /speech.md", auth.ReadAreas, noTarget, s.speechDownload},
		{"GET /speech.html", auth.ReadAreas, noTarget, s.speechDownload},
	}
	rts = append(rts, s.peopleRoutes()...)
	rts = append(rts, s.importRoutes()...)
	return append(rts, route{"/", "", noTarget, s.notFound})
}

// limitBody bounds the size of a request body to n bytes.
func limitBody(h http.Handler, n int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, n)
		}
		h.ServeHTTP(w, r)
	})
}
